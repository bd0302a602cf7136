package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorQueries;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.QualityRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The applicant's own indicators that could balance one of its applications (自行补充): a township government's own
 * lots, or the lots an enterprise restored itself — each with how much of it may be used now and, when none, why.
 * What {@link OutflowService#selfRestore} then takes is checked again there.
 */
public class OwnIndicators {
    private final OutflowService outflow;
    private final Organizations organizations;
    private final IndicatorQueries queries;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;
    private final PaymentNotices notices;

    public OwnIndicators(OutflowService outflow, Organizations organizations, IndicatorQueries queries,
                         CountyRulesStore rules, OutflowApplications applications, PaymentNotices notices) {
        this.outflow = outflow;
        this.organizations = organizations;
        this.queries = queries;
        this.rules = rules;
        this.applications = applications;
        this.notices = notices;
    }

    /** The applicant's lots with something issued and not withdrawn, oldest first; only its payer may ask. */
    public List<LotFit> forApplication(Actor actor, long applicationId) {
        OutflowApplication app = outflow.get(actor, applicationId);
        if (actor.orgId() != app.applicantOrgId() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有申请主体或县级管理员可以落实该申请的平衡", "only the applicant or the county balances an application");
        }
        Organization applicant = organizations.findById(app.applicantOrgId()).orElseThrow();
        List<IndicatorLot> own = new ArrayList<>(queries.lotsHeldBy(applicant.id()));
        if (applicant.kind() == OrgKind.TOWNSHIP) {
            queries.lotsOwnedBy(applicant.regionId()).stream().filter(l -> l.holderOrgId() == null).forEach(own::add);
        }
        QualityRule rule = rules.forYear(app.countyId(), app.planYear()).qualityRule();
        List<Coverage> coverages = applications.coverages(app.id());
        long open = app.status().coverable()
                ? Obligation.of(app.requiredM2(), coverages).remainingM2() - notices.pendingAreaFor(app.id()) : 0;
        return own.stream().filter(l -> l.balances().revokedM2() == 0)
                .sorted(java.util.Comparator.comparingLong(IndicatorLot::id))
                .map(l -> LotFit.of(app, l, rule, coverages, open)).toList();
    }
}
