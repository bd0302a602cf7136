package cn.landbalance.infra.imports;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.places.PlaceName;
import cn.landbalance.settlement.places.PlaceNames;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.PLACE_NAME;
import static cn.landbalance.infra.jooq.Tables.REGION;

@Singleton
public class JooqPlaceNames implements PlaceNames {
    private final DSLContext db;
    private final AuditTrail audit;

    public JooqPlaceNames(DSLContext db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public List<PlaceName> ofCounty(long countyId) {
        return db.select(PLACE_NAME.fields()).select(REGION.NAME).from(PLACE_NAME).join(REGION).on(REGION.ID.eq(PLACE_NAME.REGION_ID))
                .where(PLACE_NAME.COUNTY_ID.eq(countyId)).orderBy(PLACE_NAME.FORMER_NAME).fetch(JooqPlaceNames::toDomain);
    }

    @Override
    public Optional<PlaceName> find(long id) {
        return db.select(PLACE_NAME.fields()).select(REGION.NAME).from(PLACE_NAME).join(REGION).on(REGION.ID.eq(PLACE_NAME.REGION_ID))
                .where(PLACE_NAME.ID.eq(id)).fetchOptional(JooqPlaceNames::toDomain);
    }

    @Override
    public PlaceName add(long countyId, String formerName, long regionId, LocalDate effectiveOn, String note) {
        if (db.fetchExists(PLACE_NAME, PLACE_NAME.COUNTY_ID.eq(countyId).and(PLACE_NAME.FORMER_NAME.eq(formerName)))) {
            throw DomainException.field(ErrorCode.PLACE_NAME_EXISTS, "formerName",
                    "旧称“" + formerName + "”已存在", formerName);
        }
        long id = db.insertInto(PLACE_NAME).set(PLACE_NAME.COUNTY_ID, countyId).set(PLACE_NAME.FORMER_NAME, formerName)
                .set(PLACE_NAME.REGION_ID, regionId).set(PLACE_NAME.EFFECTIVE_ON, effectiveOn).set(PLACE_NAME.NOTE, note)
                .set(PLACE_NAME.CREATED_AT, OffsetDateTime.now()).returning(PLACE_NAME.ID).fetchSingle().getId();
        audit.record("place_name.added", "place_name", id, countyId, "formerName", formerName, "regionId", regionId,
                "effectiveOn", effectiveOn == null ? null : effectiveOn.toString(), "note", note);
        return find(id).orElseThrow();
    }

    @Override
    public void remove(long id) {
        PlaceName removed = find(id).orElseThrow();
        db.deleteFrom(PLACE_NAME).where(PLACE_NAME.ID.eq(id)).execute();
        audit.record("place_name.removed", "place_name", id, removed.countyId(), "formerName", removed.formerName(),
                "regionId", removed.regionId());
    }

    private static PlaceName toDomain(Record r) {
        return new PlaceName(r.get(PLACE_NAME.ID), r.get(PLACE_NAME.COUNTY_ID), r.get(PLACE_NAME.FORMER_NAME),
                r.get(PLACE_NAME.REGION_ID), r.get(REGION.NAME), r.get(PLACE_NAME.EFFECTIVE_ON), r.get(PLACE_NAME.NOTE));
    }
}
