package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.indicator.QualityGrades;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Inflow projects (耕地转进): a township officer drafts and submits its township's parcels, the county
 * admin accepts them (setting the quality grade, which issues an indicator lot) or rejects them.
 */
public class InflowService {
    /** What a township officer or county admin fills in for a new parcel. */
    public record Draft(long townshipId, String village, String landClassBefore, TargetClass targetClass,
                        Ownership ownership, RestorationAttr restorationAttr, int slopeGrade, long areaM2,
                        SiteConstraints constraints, Integer planYear, Long holderOrgId) {
    }

    private final Regions regions;
    private final Organizations organizations;
    private final InflowProjects projects;
    private final IndicatorLedger ledger;
    private final IndicatorStore lots;
    private final Clock clock;
    private final ProjectSurvey survey;

    /**
     * The overlay of a project's parcels with the county's layers (生态保护红线, 自然保护地, 水源保护区), asked when the
     * township submits and when the county accepts: refuses what the layers forbid and records what it checked.
     */
    @FunctionalInterface
    public interface ProjectSurvey {
        ProjectSurvey NONE = (actor, project, action) -> { };

        void atDecision(Actor actor, InflowProject project, InflowStatus.Action action);
    }

    public InflowService(Regions regions, Organizations organizations, InflowProjects projects, IndicatorLedger ledger,
                         IndicatorStore lots, ProjectSurvey survey, Clock clock) {
        this.survey = survey;
        this.regions = regions;
        this.organizations = organizations;
        this.projects = projects;
        this.ledger = ledger;
        this.lots = lots;
        this.clock = clock;
    }

    /** An enterprise of the county that restores land itself (自行补充), or null. */
    private Long holder(Actor actor, Long holderOrgId) {
        if (holderOrgId == null) {
            return null;
        }
        return organizations.findById(holderOrgId)
                .filter(o -> o.kind() == OrgKind.ENTERPRISE && actor.inCounty(o.countyId()))
                .map(Organization::id)
                .orElseThrow(() -> DomainException.field(ErrorCode.ORGANIZATION_NOT_FOUND, "holderOrgId",
                        "本县没有企业 " + holderOrgId, "no enterprise " + holderOrgId + " in your county"));
    }

    public InflowProject create(Actor actor, Draft draft) {
        Region township = townshipFor(actor, draft.townshipId());
        if (draft.areaM2() <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        SlopeAreas slopes = SlopeAreas.single(draft.slopeGrade(), draft.areaM2());
        refuseIneligible(slopes, draft.constraints());
        int year = draft.planYear() == null ? LocalDate.now(clock).getYear() : draft.planYear();
        return projects.insert(new InflowProject(0, township.countyId(), township.id(), requireText(draft.village(), "village"),
                requireText(draft.landClassBefore(), "landClassBefore"), draft.targetClass(), draft.ownership(),
                draft.restorationAttr(), slopes, draft.constraints(), year, InflowStatus.DRAFT, null, null, null, null,
                holder(actor, draft.holderOrgId())));
    }

    /** 初验: the township checks the parcel again and passes it to the county. */
    public InflowProject submit(Actor actor, long id) {
        InflowProject project = lockVisible(actor, id);
        if (actor.role() != Role.TOWNSHIP_OFFICER && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        InflowStatus next = project.status().after(InflowStatus.Action.SUBMIT);
        refuseIneligible(project.slopes(), project.constraints());
        survey.atDecision(actor, project, InflowStatus.Action.SUBMIT);
        InflowProject submitted = project.withStatus(next);
        projects.update(submitted);
        return submitted;
    }

    /**
     * 验收: the county sets the quality grade and the lot is issued into the township's (or the county reserve's)
     * inventory. The lot's vintage is the project's plan year, as in the plan's 附表1, not the day of acceptance: land
     * restored under the 2022 plan and accepted in 2023 balances 2022's obligations.
     */
    public InflowProject accept(Actor actor, long id, int qualityGrade) {
        requireCountyAdmin(actor);
        QualityGrades.require(qualityGrade);
        InflowProject project = lockVisible(actor, id);
        project.status().after(InflowStatus.Action.ACCEPT);
        survey.atDecision(actor, project, InflowStatus.Action.ACCEPT);
        return issue(project, qualityGrade, project.planYear());
    }

    public InflowProject reject(Actor actor, long id, String reason) {
        requireCountyAdmin(actor);
        InflowProject project = lockVisible(actor, id);
        project.status().after(InflowStatus.Action.REJECT);
        InflowProject rejected = project.rejected(requireText(reason, "reason"));
        projects.update(rejected);
        return rejected;
    }

    public InflowProject get(Actor actor, long id) {
        return projects.find(id).filter(p -> visible(actor, p))
                .orElseThrow(() -> new DomainException(ErrorCode.INFLOW_PROJECT_NOT_FOUND,
                        "耕地转进项目 " + id, "inflow project " + id));
    }

    /** One page of the projects an actor may see (newest first) and how many there are in all. */
    public record ProjectList(List<InflowProject> projects, long total) {
    }

    /** A township officer sees its township's projects, county roles the county's (narrowed by township, status, text). */
    public ProjectList list(Actor actor, Long townshipId, InflowStatus status, String text, int page, int size) {
        InflowProjects.Selection selection;
        if (actor.role() == Role.TOWNSHIP_OFFICER) {
            if (townshipId != null && townshipId != actor.regionId()) {
                return new ProjectList(List.of(), 0);
            }
            selection = new InflowProjects.Selection(actor.countyId(), actor.regionId(), status, text);
        } else if (actor.isCountyRole()) {
            selection = new InflowProjects.Selection(actor.countyId(), townshipId, status, text);
        } else {
            return new ProjectList(List.of(), 0);
        }
        return new ProjectList(projects.list(selection, Math.multiplyExact((long) page, size), size), projects.count(selection));
    }

    /** Marks an accepted project's lot as issued (the county's 验收; an imported plan issues its lots in bulk). */
    InflowProject issue(InflowProject project, int qualityGrade, int vintageYear) {
        IndicatorLot lot = ledger.issue(project.townshipId(), project.countyId(), qualityGrade,
                project.targetClass().paddy(), vintageYear, project.id(), AreaM2.of(project.areaM2()), "inflow-project:" + project.id());
        if (project.holderOrgId() != null) {
            lots.assignHolder(lot.id(), project.holderOrgId());
        }
        InflowProject accepted = project.accepted(qualityGrade, lot.id());
        projects.update(accepted);
        return accepted;
    }

    static void refuseIneligible(SlopeAreas slopes, SiteConstraints constraints) {
        DomainException refused = DomainException.firstOf(Eligibility.refusals(slopes, constraints));
        if (refused != null) {
            throw refused;
        }
    }

    /**
     * Where a project restores land: a township of the actor's county, or — for the county admin — the county itself: a
     * county-led project (县级实施) whose lot stocks the county reserve (县级储备), which lends to townships whose own
     * indicators cannot cover a violation's freeze.
     */
    private Region townshipFor(Actor actor, long townshipId) {
        Region township = regions.findById(townshipId)
                .filter(r -> (r.level() == RegionLevel.TOWNSHIP && actor.inCounty(r.countyId()))
                        || (r.level() == RegionLevel.COUNTY && r.id() == actor.countyId() && actor.role() == Role.COUNTY_ADMIN))
                .orElseThrow(() -> DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                        "乡镇 " + townshipId, "township " + townshipId));
        boolean allowed = actor.role() == Role.COUNTY_ADMIN
                || (actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == townshipId);
        if (!allowed) {
            throw DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "townshipId",
                    "乡镇 " + townshipId, "township " + townshipId);
        }
        return township;
    }

    private InflowProject lockVisible(Actor actor, long id) {
        return projects.lock(id).filter(p -> visible(actor, p))
                .orElseThrow(() -> new DomainException(ErrorCode.INFLOW_PROJECT_NOT_FOUND,
                        "耕地转进项目 " + id, "inflow project " + id));
    }

    private static boolean visible(Actor actor, InflowProject project) {
        if (actor.role() == Role.TOWNSHIP_OFFICER) {
            return actor.regionId() == project.townshipId();
        }
        return actor.isCountyRole() && actor.inCounty(project.countyId());
    }

    private static void requireCountyAdmin(Actor actor) {
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
    }

    static String requireText(String value, String field) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    fieldZh(field) + "应为 1-200 个字", field + " must be 1-200 characters");
        }
        return text;
    }

    /** The text fields {@link #requireText} checks, named in Chinese. */
    private static String fieldZh(String field) {
        return switch (field) {
            case "village" -> "村名";
            case "landClassBefore" -> "原地类";
            case "reason" -> "理由";
            default -> field;
        };
    }
}
