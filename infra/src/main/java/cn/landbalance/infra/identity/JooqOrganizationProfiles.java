package cn.landbalance.infra.identity;

import cn.landbalance.infra.audit.AuditTrail;
import cn.landbalance.settlement.identity.OrganizationProfile;
import cn.landbalance.settlement.identity.OrganizationProfiles;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Organisations' profiles in {@code organization_profile}; each save an audit entry. */
@Singleton
public class JooqOrganizationProfiles implements OrganizationProfiles {
    private final DSLContext db;
    private final AuditTrail audit;

    public JooqOrganizationProfiles(DSLContext db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    @Override
    public Optional<OrganizationProfile> find(long orgId) {
        return db.fetchOptional("""
                        select org_id, credit_code, legal_representative, contact_name, contact_phone, address, updated_at
                        from organization_profile where org_id = ?""", orgId)
                .map(r -> new OrganizationProfile(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, String.class), r.get(5, String.class),
                        r.get(6, OffsetDateTime.class).toInstant()));
    }

    @Override
    public void save(OrganizationProfile p, long countyId) {
        db.execute("""
                        insert into organization_profile (org_id, credit_code, legal_representative, contact_name, contact_phone,
                                                          address, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?::timestamptz)
                        on conflict (org_id) do update set credit_code = excluded.credit_code,
                          legal_representative = excluded.legal_representative, contact_name = excluded.contact_name,
                          contact_phone = excluded.contact_phone, address = excluded.address, updated_at = excluded.updated_at""",
                p.orgId(), p.creditCode(), p.legalRepresentative(), p.contactName(), p.contactPhone(), p.address(),
                OffsetDateTime.ofInstant(p.updatedAt(), ZoneOffset.UTC));
        audit.record("organization.profile_saved", "organization", p.orgId(), countyId, "creditCode", p.creditCode(),
                "legalRepresentative", p.legalRepresentative(), "contactName", p.contactName(), "contactPhone", p.contactPhone(),
                "address", p.address());
    }
}
