package cn.landbalance.infra.identity;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.infra.jooq.Tables.ORGANIZATION;

/** Organisations: the aggregate through Micronaut Data JDBC, the filtered list through jOOQ. */
@Singleton
public class JdbcOrganizations implements Organizations {
    private final OrganizationRepository repository;
    private final DSLContext db;
    private final AuditTrail audit;

    public JdbcOrganizations(OrganizationRepository repository, DSLContext db, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.db = db;
    }

    @Override
    public Optional<Organization> findById(long id) {
        return repository.findById(id).map(JdbcOrganizations::toDomain);
    }

    @Override
    public boolean existsByNameInRegion(String name, long regionId) {
        return repository.existsByNameAndRegionId(name, regionId);
    }

    @Override
    public Organization create(String name, OrgKind kind, long regionId, long countyId) {
        Organization created = toDomain(repository.save(new OrganizationRow(null, name, kind.name(), regionId, countyId,
                OffsetDateTime.now())));
        audit.record("organization.created", "organization", created.id(), countyId, "name", name, "kind", kind.name(),
                "regionId", regionId);
        return created;
    }

    @Override
    public List<Organization> findInCounty(long countyId, Long regionId, OrgKind kind) {
        Condition where = ORGANIZATION.COUNTY_ID.eq(countyId);
        if (regionId != null) {
            where = where.and(ORGANIZATION.REGION_ID.eq(regionId));
        }
        if (kind != null) {
            where = where.and(ORGANIZATION.KIND.eq(kind));
        }
        return db.selectFrom(ORGANIZATION).where(where).orderBy(ORGANIZATION.ID)
                .fetch(r -> new Organization(r.getId(), r.getName(), r.getKind(), r.getRegionId(),
                        r.getCountyId()));
    }

    @Override
    public List<Organization> findInCounty(Selection selection, long offset, int limit) {
        return db.selectFrom(ORGANIZATION).where(where(selection)).orderBy(ORGANIZATION.ID.desc()).offset(offset).limit(limit)
                .fetch(r -> new Organization(r.getId(), r.getName(), r.getKind(), r.getRegionId(),
                        r.getCountyId()));
    }

    @Override
    public long countInCounty(Selection selection) {
        return db.fetchCount(ORGANIZATION, where(selection));
    }

    private static Condition where(Selection selection) {
        Condition where = ORGANIZATION.COUNTY_ID.eq(selection.countyId());
        if (selection.regionId() != null) {
            where = where.and(ORGANIZATION.REGION_ID.eq(selection.regionId()));
        }
        if (selection.kind() != null) {
            where = where.and(ORGANIZATION.KIND.eq(selection.kind()));
        }
        if (selection.query() != null) {
            where = where.and(ORGANIZATION.NAME.containsIgnoreCase(selection.query()));
        }
        return where;
    }

    static Organization toDomain(OrganizationRow row) {
        return new Organization(row.id(), row.name(), OrgKind.valueOf(row.kind()), row.regionId(), row.countyId());
    }
}
