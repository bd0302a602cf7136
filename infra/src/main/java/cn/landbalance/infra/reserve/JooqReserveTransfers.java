package cn.landbalance.infra.reserve;

import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.settlement.event.MoneyEvent;
import cn.landbalance.settlement.reserve.ReserveTransfer;
import cn.landbalance.settlement.reserve.ReserveTransfers;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static cn.landbalance.infra.jooq.Tables.RESERVE_TRANSFER;

/** The transfers into county reserves, with their event in the same transaction. */
@Singleton
public class JooqReserveTransfers implements ReserveTransfers {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqReserveTransfers(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public ReserveTransfer record(ReserveTransfer t) {
        long id = db.insertInto(RESERVE_TRANSFER)
                .set(RESERVE_TRANSFER.COUNTY_ID, t.countyId())
                .set(RESERVE_TRANSFER.TOWNSHIP_ID, t.townshipId())
                .set(RESERVE_TRANSFER.FROM_LOT_ID, t.fromLotId())
                .set(RESERVE_TRANSFER.TO_LOT_ID, t.toLotId())
                .set(RESERVE_TRANSFER.AREA_M2, t.areaM2())
                .set(RESERVE_TRANSFER.COMPENSATION, t.compensation())
                .set(RESERVE_TRANSFER.PRICE_PER_MU_FEN, t.pricePerMuFen())
                .set(RESERVE_TRANSFER.AMOUNT_FEN, t.amountFen())
                .set(RESERVE_TRANSFER.TRANSFER_ID, t.transferId())
                .set(RESERVE_TRANSFER.REASON, t.reason())
                .set(RESERVE_TRANSFER.USER_ID, t.userId())
                .set(RESERVE_TRANSFER.CREATED_AT, t.at().atOffset(ZoneOffset.UTC))
                .set(RESERVE_TRANSFER.RULES_VERSION_ID, t.rulesVersionId())
                .returning(RESERVE_TRANSFER.ID).fetchOne().getId();
        outbox.publish(new MoneyEvent.ReserveTransferredIn(t.countyId(), id, t.townshipId(), t.fromLotId(), t.toLotId(), t.areaM2(),
                t.compensation().name(), t.amountFen(), t.transferId(), t.reason(), t.rulesVersionId()));
        return new ReserveTransfer(id, t.countyId(), t.townshipId(), t.fromLotId(), t.toLotId(), t.areaM2(), t.compensation(),
                t.pricePerMuFen(), t.amountFen(), t.transferId(), t.reason(), t.userId(), t.at(), t.rulesVersionId());
    }

    @Override
    public List<ReserveTransfer> of(long countyId) {
        return db.selectFrom(RESERVE_TRANSFER).where(RESERVE_TRANSFER.COUNTY_ID.eq(countyId))
                .orderBy(RESERVE_TRANSFER.ID.desc()).fetch(JooqReserveTransfers::toTransfer);
    }

    private static ReserveTransfer toTransfer(Record rec) {
        var r = rec.into(RESERVE_TRANSFER);
        OffsetDateTime at = r.getCreatedAt();
        return new ReserveTransfer(r.getId(), r.getCountyId(), r.getTownshipId(), r.getFromLotId(), r.getToLotId(),
                r.getAreaM2(), r.getCompensation(), r.getPricePerMuFen(), r.getAmountFen(),
                r.getTransferId(), r.getReason(), r.getUserId(), at.toInstant(), r.getRulesVersionId());
    }
}
