package cn.landbalance.infra.region;

import cn.landbalance.infra.jooq.tables.records.RegionRecord;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.REGION;

@Singleton
public class JooqRegions implements Regions {
    private final DSLContext db;

    public JooqRegions(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Region> findById(long id) {
        return db.selectFrom(REGION).where(REGION.ID.eq(id)).fetchOptional().map(JooqRegions::toRegion);
    }

    @Override
    public Optional<Region> findByCode(String code) {
        return db.selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOptional().map(JooqRegions::toRegion);
    }

    @Override
    public List<Region> children(Long parentId) {
        var condition = parentId == null ? REGION.PARENT_ID.isNull() : REGION.PARENT_ID.eq(parentId);
        return db.selectFrom(REGION).where(condition).orderBy(REGION.CODE).fetch(JooqRegions::toRegion);
    }

    @Override
    public Region create(String code, String name, RegionLevel level, Long parentId) {
        Region parent = parentId == null ? null : findById(parentId)
                .orElseThrow(() -> new IllegalArgumentException("no parent region " + parentId));
        if (parent == null ? level != RegionLevel.PROVINCE : parent.level().childLevel() != level) {
            throw new IllegalArgumentException(level + " cannot be a child of " + (parent == null ? "nothing" : parent.level()));
        }
        RegionRecord row = db.newRecord(REGION);
        row.setCode(code);
        row.setName(name);
        row.setLevel(level);
        row.setParentId(parentId);
        if (level == RegionLevel.COUNTY) {
            // a county is its own county: take its id from the identity sequence first
            row.setId(db.select(DSL.field("nextval(pg_get_serial_sequence('region', 'id'))", Long.class))
                    .fetchOne(0, Long.class));
            row.setCountyId(row.getId());
        } else if (level == RegionLevel.TOWNSHIP) {
            row.setCountyId(parent.countyId());
        }
        row.store();
        return toRegion(row);
    }

    static Region toRegion(RegionRecord r) {
        return new Region(r.getId(), r.getCode(), r.getName(), r.getLevel(), r.getParentId(),
                r.getCountyId());
    }
}
