package cn.landbalance.infra.adjustment;

import cn.landbalance.infra.outbox.Outbox;
import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.settlement.event.PlanEvent;
import cn.landbalance.settlement.adjustment.Adjustment;
import cn.landbalance.settlement.adjustment.AdjustmentBook;
import cn.landbalance.settlement.adjustment.Compensation;
import cn.landbalance.settlement.adjustment.Line;
import cn.landbalance.settlement.adjustment.Need;
import cn.landbalance.settlement.adjustment.Neighbours;
import cn.landbalance.settlement.adjustment.Scope;
import cn.landbalance.settlement.adjustment.Supply;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static cn.landbalance.infra.jooq.Tables.COUNTY_ADJUSTMENT;
import static cn.landbalance.infra.jooq.Tables.COUNTY_ADJUSTMENT_LINE;

/** The county's adjustments in {@code county_adjustment} and its lines; needs and supplies read in one query each. */
@Singleton
public class JooqAdjustmentBook implements AdjustmentBook {
    private final DSLContext db;
    private final Outbox outbox;

    public JooqAdjustmentBook(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Override
    public List<Need> needs(long countyId, int year) {
        return db.fetch("""
                        select a.id, a.township_id, a.quality_grade, a.paddy, a.required_m2 - a.covered_m2
                        from outflow_application a join organization o on o.id = a.applicant_org_id
                        where a.county_id = ? and a.plan_year = ? and a.status not in ('REJECTED', 'WITHDRAWN', 'CLOSED')
                          and o.kind = 'TOWNSHIP' and o.region_id = a.township_id and a.required_m2 > a.covered_m2
                        order by a.id""", countyId, year)
                .map(r -> new Need(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Integer.class), r.get(3, Boolean.class),
                        r.get(4, Long.class)));
    }

    @Override
    public List<Supply> supplies(long countyId, int year) {
        return db.fetch("""
                        select l.id, l.owner_region_id, l.owner_region_id = ?, l.quality_grade, l.paddy, l.available_m2
                        from indicator_lot l join region r on r.id = l.owner_region_id
                        where l.county_id = ? and l.vintage_year <= ? and l.holder_org_id is null and l.available_m2 > 0
                          and (r.id = ? or (r.parent_id = ? and r.level = 'TOWNSHIP'))
                        order by l.id""", countyId, countyId, year, countyId, countyId)
                .map(r -> new Supply(r.get(0, Long.class), r.get(1, Long.class), r.get(2, Boolean.class), r.get(3, Integer.class),
                        r.get(4, Boolean.class), r.get(5, Long.class)));
    }

    @Override
    public long open(long countyId, int year, Scope scope, Compensation compensation, MoneyFen pricePerMu, AreaM2 area,
                     MoneyFen amount, Long userId, Instant at, Long rulesVersionId) {
        long pricePerMuFen = pricePerMu.value();
        long areaM2 = area.value();
        long amountFen = amount.value();
        return db.insertInto(COUNTY_ADJUSTMENT)
                .set(COUNTY_ADJUSTMENT.COUNTY_ID, countyId)
                .set(COUNTY_ADJUSTMENT.PLAN_YEAR, (short) year)
                .set(COUNTY_ADJUSTMENT.SCOPE, scope)
                .set(COUNTY_ADJUSTMENT.COMPENSATION, compensation)
                .set(COUNTY_ADJUSTMENT.PRICE_PER_MU_FEN, pricePerMuFen)
                .set(COUNTY_ADJUSTMENT.AREA_M2, areaM2)
                .set(COUNTY_ADJUSTMENT.AMOUNT_FEN, amountFen)
                .set(COUNTY_ADJUSTMENT.CONFIRMED_BY, userId)
                .set(COUNTY_ADJUSTMENT.CONFIRMED_AT, at.atOffset(ZoneOffset.UTC))
                .set(COUNTY_ADJUSTMENT.RULES_VERSION_ID, rulesVersionId)
                .returning(COUNTY_ADJUSTMENT.ID).fetchOne().getId();
    }

    @Override
    public Adjustment finish(long adjustmentId, List<Adjustment.Done> lines) {
        var insert = db.insertInto(COUNTY_ADJUSTMENT_LINE, COUNTY_ADJUSTMENT_LINE.ADJUSTMENT_ID,
                COUNTY_ADJUSTMENT_LINE.FROM_REGION_ID, COUNTY_ADJUSTMENT_LINE.TO_TOWNSHIP_ID, COUNTY_ADJUSTMENT_LINE.LOT_ID,
                COUNTY_ADJUSTMENT_LINE.APPLICATION_ID, COUNTY_ADJUSTMENT_LINE.AREA_M2, COUNTY_ADJUSTMENT_LINE.AMOUNT_FEN,
                COUNTY_ADJUSTMENT_LINE.COVERAGE_ID, COUNTY_ADJUSTMENT_LINE.TRANSFER_ID);
        for (Adjustment.Done d : lines) {
            Line l = d.line();
            insert = insert.values(adjustmentId, l.fromRegionId(), l.toTownshipId(), l.lotId(), l.applicationId(), l.areaM2(),
                    l.amountFen(), d.coverageId(), d.transferId());
        }
        insert.execute();
        Adjustment a = find(adjustmentId).orElseThrow();
        Map<Long, Long> receivedByTownship = a.lines().stream().filter(d -> !d.line().own())
                .collect(Collectors.groupingBy(d -> d.line().toTownshipId(), java.util.TreeMap::new,
                        Collectors.summingLong(d -> d.line().areaM2())));
        outbox.publish(new PlanEvent.AdjustmentConfirmed(a.countyId(), a.id(), a.year(), a.scope().name(), a.compensation().name(),
                a.lines().size(), a.areaM2(), a.amountFen(), receivedByTownship));
        return a;
    }

    @Override
    public List<Adjustment> list(long countyId, int year) {
        return db.selectFrom(COUNTY_ADJUSTMENT)
                .where(COUNTY_ADJUSTMENT.COUNTY_ID.eq(countyId).and(COUNTY_ADJUSTMENT.PLAN_YEAR.eq((short) year)))
                .orderBy(COUNTY_ADJUSTMENT.ID.desc())
                .fetch(r -> adjustment(r, List.of()));
    }

    @Override
    public Optional<Adjustment> find(long id) {
        return db.selectFrom(COUNTY_ADJUSTMENT).where(COUNTY_ADJUSTMENT.ID.eq(id)).fetchOptional()
                .map(r -> adjustment(r, db.selectFrom(COUNTY_ADJUSTMENT_LINE).where(COUNTY_ADJUSTMENT_LINE.ADJUSTMENT_ID.eq(id))
                        .orderBy(COUNTY_ADJUSTMENT_LINE.ID)
                        .fetch(l -> new Adjustment.Done(new Line(l.getLotId(), l.getFromRegionId(), l.getApplicationId(),
                                l.getToTownshipId(), l.getAreaM2(), l.getAmountFen()), l.getCoverageId(), l.getTransferId()))));
    }

    private static Adjustment adjustment(Record rec, List<Adjustment.Done> lines) {
        var r = rec.into(COUNTY_ADJUSTMENT);
        return new Adjustment(r.getId(), r.getCountyId(), r.getPlanYear(), r.getScope(),
                r.getCompensation(), r.getPricePerMuFen(), r.getAreaM2(), r.getAmountFen(),
                r.getConfirmedBy(), r.getConfirmedAt().toInstant(), lines);
    }

    @Override
    public Neighbours neighbours(long countyId) {
        return new Neighbours(db.fetch("select township_id, neighbour_id from township_neighbour where county_id = ?", countyId)
                .map(r -> Neighbours.Pair.of(r.get(0, Long.class), r.get(1, Long.class))).stream()
                .collect(Collectors.toSet()));
    }

    @Override
    public void replaceNeighbours(long countyId, Neighbours neighbours, long userId) {
        db.execute("select 1 from region where id = ? for update", countyId); // one save at a time per county
        db.execute("delete from township_neighbour where county_id = ?", countyId);
        List<Neighbours.Pair> pairs = neighbours.pairs().stream().sorted().toList();
        if (!pairs.isEmpty()) {
            db.execute("""
                    insert into township_neighbour (county_id, township_id, neighbour_id)
                    select ?, a, b from unnest(?::bigint[], ?::bigint[]) as p(a, b)""", countyId,
                    pairs.stream().map(Neighbours.Pair::a).toArray(Long[]::new),
                    pairs.stream().map(Neighbours.Pair::b).toArray(Long[]::new));
        }
        outbox.publish(new PlanEvent.NeighboursSet(countyId, pairs.stream().map(p -> List.of(p.a(), p.b())).toList(), userId));
    }
}
