package cn.landbalance.settlement.adjustment;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.OrgKind;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.Obligation;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.rules.CountyRules;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.RulesVersion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The county balances its year: each township's self-balance (scope OWN) and the county's 调剂 (scope COUNTY), proposed
 * by {@link AdjustmentPlanner}, reviewed and edited by the county, confirmed in one transaction. Only the county admin
 * confirms; county roles may look at a proposal.
 * <p>
 * Confirmation re-checks every line under locks, in the global order (applications ascending, the listings on the
 * lots, lots ascending, then funds): the application is of the county and the year, its applicant is its township's
 * government, it still takes coverage and needs that much; the lot is the township's own (scope OWN) or any township's
 * or the county reserve's, not an enterprise's, of the year or earlier, no worse in grade, paddy for paddy, with that
 * much available. Then each line's area is reserved and consumed from its lot and recorded as coverage (SELF for a
 * township's own lot, ADJUSTMENT otherwise), the lots' listings trimmed, and the compensation paid from the receiving
 * township's fund to the giver's fund or reserve (refused, changing nothing, if a fund cannot pay).
 */
public class CountyAdjustments {
    /** A line the county confirms: area of a lot for an application. */
    public record LineRequest(Long lotId, Long applicationId, Long areaM2) {
    }

    private final Regions regions;
    private final Organizations organizations;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;
    private final IndicatorLedger indicators;
    private final IndicatorStore lots;
    private final MoneyLedger money;
    private final ListedArea listed;
    private final AdjustmentBook book;
    private final Clock clock;

    public CountyAdjustments(Regions regions, Organizations organizations, CountyRulesStore rules,
                             OutflowApplications applications, IndicatorLedger indicators, IndicatorStore lots,
                             MoneyLedger money, ListedArea listed, AdjustmentBook book, Clock clock) {
        this.regions = regions;
        this.organizations = organizations;
        this.rules = rules;
        this.applications = applications;
        this.indicators = indicators;
        this.lots = lots;
        this.money = money;
        this.listed = listed;
        this.book = book;
        this.clock = clock;
    }

    /** The proposal for the county's year; {@code keepM2}: the area a region keeps out of it. Changes nothing. */
    public Proposal propose(Actor actor, long countyId, int year, Scope scope, Compensation compensation,
                            Map<Long, Long> keepM2) {
        requireCountyRole(actor, countyId);
        Set<Long> regionsOfCounty = regionsOf(countyId);
        keepM2.forEach((region, area) -> {
            if (!regionsOfCounty.contains(region)) {
                throw DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "keepM2." + region,
                        "行政区 " + region + " 不是县 " + countyId + " 的乡镇",
                        "region " + region + " is not a township of county " + countyId);
            }
            if (area == null || area < 0 || area > Units.MAX_AREA_M2) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "keepM2." + region,
                        "须为不小于 0 的整数平方米", "a whole number of m² ≥ 0");
            }
        });
        return AdjustmentPlanner.propose(scope, compensation, book.needs(countyId, year), book.supplies(countyId, year),
                keepM2, priceOf(countyId, year), book.neighbours(countyId));
    }

    /** Carries out the lines the county reviewed, all or nothing. */
    public Adjustment confirm(Actor actor, long countyId, int year, Scope scope, Compensation compensation,
                              List<LineRequest> requests) {
        if (actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        requireCountyRole(actor, countyId);
        if (requests == null || requests.isEmpty()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "lines", "没有需要确认的调剂明细", "no line to confirm");
        }
        for (int i = 0; i < requests.size(); i++) {
            LineRequest r = requests.get(i);
            if (r == null || r.lotId() == null || r.applicationId() == null) {
                throw DomainException.field(ErrorCode.MISSING_FIELD, "lines[" + i + "]",
                        "须填写指标批次（lotId）和耕地转出申请（applicationId）", "lotId and applicationId");
            }
            if (r.areaM2() == null || r.areaM2() <= 0 || r.areaM2() > Units.MAX_AREA_M2) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "lines[" + i + "].areaM2",
                        "须为正的整数平方米", "a whole number of m² > 0");
            }
        }
        long price = priceOf(countyId, year);
        Map<Long, OutflowApplication> apps = new TreeMap<>();
        Map<Long, Long> askedOfApp = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            askedOfApp.merge(requests.get(i).applicationId(), requests.get(i).areaM2(), Long::sum);
        }
        Map<Long, Integer> firstLineOfApp = firstLine(requests, LineRequest::applicationId);
        for (long appId : new java.util.TreeSet<>(askedOfApp.keySet())) {
            String field = "lines[" + firstLineOfApp.get(appId) + "].applicationId";
            OutflowApplication app = applications.lock(appId).filter(a -> a.countyId() == countyId && a.planYear() == year)
                    .orElseThrow(() -> DomainException.field(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND, field,
                            "县 " + countyId + " " + year + " 年度没有耕地转出申请 " + appId,
                            "application " + appId + " of county " + countyId + ", year " + year));
            boolean township = organizations.findById(app.applicantOrgId())
                    .filter(o -> o.kind() == OrgKind.TOWNSHIP && o.regionId() == app.townshipId()).isPresent();
            if (!township) {
                throw DomainException.field(ErrorCode.ADJUSTMENT_NOT_TOWNSHIP_OBLIGATION, field,
                        "耕地转出申请 " + appId, "application " + appId);
            }
            if (!app.status().coverable()) {
                throw DomainException.field(ErrorCode.APPLICATION_NOT_COVERABLE, field,
                        "耕地转出申请 " + appId + " " + app.status().label(), "application " + appId + " is " + app.status());
            }
            long remaining = Obligation.of(app.requiredM2(), applications.coverages(appId)).remainingM2();
            if (askedOfApp.get(appId) > remaining) {
                throw DomainException.field(ErrorCode.OBLIGATION_OVER_COVERED, field,
                        "耕地转出申请 " + appId + " 尚需落实 " + Units.areaZh(remaining) + "，本次调剂 "
                                + Units.areaZh(askedOfApp.get(appId)),
                        askedOfApp.get(appId) + " m² asked, application " + appId + " needs " + remaining + " m²");
            }
            apps.put(appId, app);
        }
        Map<Long, Long> askedOfLot = new TreeMap<>();
        requests.forEach(r -> askedOfLot.merge(r.lotId(), r.areaM2(), Long::sum));
        Map<Long, Integer> firstLineOfLot = firstLine(requests, LineRequest::lotId);
        listed.lockBefore(countyId, askedOfLot.keySet());
        Set<Long> regionsOfCounty = regionsOf(countyId);
        Map<Long, IndicatorLot> lotById = new HashMap<>();
        for (Map.Entry<Long, Long> e : askedOfLot.entrySet()) {
            String field = "lines[" + firstLineOfLot.get(e.getKey()) + "].lotId";
            IndicatorLot lot = lots.lockLot(e.getKey()).filter(l -> l.countyId() == countyId)
                    .orElseThrow(() -> DomainException.field(ErrorCode.LOT_NOT_FOUND, field,
                            "指标批次 " + e.getKey(), "lot " + e.getKey()));
            if (lot.holderOrgId() != null || !regionsOfCounty.contains(lot.ownerRegionId())) {
                throw DomainException.field(ErrorCode.ADJUSTMENT_LOT_NOT_USABLE, field,
                        "指标批次 " + lot.id(), "lot " + lot.id());
            }
            if (lot.vintageYear() > year) {
                throw DomainException.field(ErrorCode.LOT_VINTAGE_TOO_LATE, field,
                        "指标批次 " + lot.id() + " 为 " + lot.vintageYear() + " 年度指标，晚于调剂年度 " + year,
                        "lot " + lot.id() + " is of " + lot.vintageYear() + ", the year is " + year);
            }
            if (lot.balances().availableM2() < e.getValue()) {
                throw DomainException.field(ErrorCode.INSUFFICIENT_AVAILABLE_INDICATORS, field,
                        "指标批次 " + lot.id() + " 可用 " + Units.areaZh(lot.balances().availableM2()) + "，本次需要 "
                                + Units.areaZh(e.getValue()),
                        "lot " + lot.id() + " has " + lot.balances().availableM2() + " m² available, " + e.getValue()
                                + " m² asked");
            }
            lotById.put(lot.id(), lot);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            LineRequest r = requests.get(i);
            IndicatorLot lot = lotById.get(r.lotId());
            OutflowApplication app = apps.get(r.applicationId());
            Supply supply = new Supply(lot.id(), lot.ownerRegionId(), lot.ownerRegionId() == countyId, lot.qualityGrade(),
                    lot.paddy(), lot.balances().availableM2());
            Need need = new Need(app.id(), app.townshipId(), app.qualityGrade(), app.paddy(), r.areaM2());
            boolean own = lot.ownerRegionId() == app.townshipId();
            if (scope == Scope.OWN && !own) {
                throw DomainException.field(ErrorCode.ADJUSTMENT_LOT_NOT_USABLE, "lines[" + i + "].lotId",
                        "指标批次 " + lot.id() + " 不属于乡镇 " + app.townshipId(),
                        "lot " + lot.id() + " is not township " + app.townshipId() + "'s own");
            }
            if (!supply.serves(need)) {
                throw DomainException.field(app.paddy() && !lot.paddy() ? ErrorCode.LOT_NOT_PADDY : ErrorCode.LOT_QUALITY_TOO_LOW,
                        "lines[" + i + "].lotId",
                        "指标批次 " + lot.id() + "（质量等别 " + lot.qualityGrade() + " 等" + (lot.paddy() ? "，水田" : "")
                                + "）不满足耕地转出申请 " + app.id() + "（质量等别 " + app.qualityGrade() + " 等"
                                + (app.paddy() ? "，水田" : "") + "）的要求",
                        "lot " + lot.id() + " (grade " + lot.qualityGrade() + (lot.paddy() ? ", paddy" : "")
                                + ") for application " + app.id() + " (grade " + app.qualityGrade()
                                + (app.paddy() ? ", paddy" : "") + ")");
            }
            long amount = own || compensation == Compensation.NONE ? 0 : Units.amountFen(r.areaM2(), price);
            lines.add(new Line(lot.id(), lot.ownerRegionId(), app.id(), app.townshipId(), r.areaM2(), amount));
        }
        long area = lines.stream().mapToLong(Line::areaM2).sum();
        long amount = lines.stream().mapToLong(Line::amountFen).sum();
        long id = book.open(countyId, year, scope, compensation, MoneyFen.of(price), AreaM2.of(area), MoneyFen.of(amount), actor.userId(), clock.instant(),
                rules.governing(countyId, year).map(RulesVersion::id).orElse(null));
        String reference = Adjustment.reference(id);
        List<Adjustment.Done> done = new ArrayList<>();
        for (Line line : lines) {
            IndicatorLot lot = lotById.get(line.lotId());
            Hold hold = indicators.reserve(line.lotId(), AreaM2.of(line.areaM2()), reference);
            indicators.consume(hold.id(), AreaM2.of(line.areaM2()));
            Coverage coverage = line.own()
                    ? Coverage.self(line.areaM2(), line.lotId(), line.fromRegionId(), lot.qualityGrade())
                    : Coverage.adjustment(line.areaM2(), reference, line.fromRegionId(), line.lotId(), lot.qualityGrade(),
                    line.amountFen());
            Coverage stored = applications.cover(apps.get(line.applicationId()), coverage);
            done.add(new Adjustment.Done(line, stored.id(), null));
        }
        listed.trim(askedOfLot.keySet(), ListedArea.Reason.ADJUSTED);
        TreeMap<Long, AccountKind> funds = new TreeMap<>();
        lines.stream().filter(l -> l.amountFen() > 0).forEach(l -> {
            funds.put(l.toTownshipId(), AccountKind.TOWNSHIP_FUND);
            funds.put(l.fromRegionId(), l.fromRegionId() == countyId ? AccountKind.RESERVE_FUND : AccountKind.TOWNSHIP_FUND);
        });
        money.lockInOrder(countyId, funds);
        List<Adjustment.Done> paid = new ArrayList<>();
        for (Adjustment.Done d : done) {
            Line line = d.line();
            if (line.amountFen() == 0) {
                paid.add(d);
                continue;
            }
            Transfer t = money.compensate(countyId, AccountKind.TOWNSHIP_FUND, line.toTownshipId(),
                    line.fromRegionId() == countyId ? AccountKind.RESERVE_FUND : AccountKind.TOWNSHIP_FUND,
                    line.fromRegionId(), MoneyFen.of(line.amountFen()), reference,
                    "调剂补偿：指标批次 " + line.lotId() + " 的 " + Units.m2ToMu(line.areaM2()) + " 亩用于转出申请 " + line.applicationId());
            paid.add(new Adjustment.Done(line, d.coverageId(), t.id()));
        }
        return book.finish(id, paid);
    }

    public List<Adjustment> list(Actor actor, long countyId, int year) {
        requireCountyRole(actor, countyId);
        return book.list(countyId, year);
    }

    public Adjustment get(Actor actor, long countyId, long id) {
        requireCountyRole(actor, countyId);
        return book.find(id).filter(a -> a.countyId() == countyId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "县级调剂 " + id, "adjustment " + id));
    }

    /** The guide price of the rules governing the year balanced. */
    private long priceOf(long countyId, int year) {
        return rules.forYear(countyId, year).guidePricePerMuFen();
    }

    /** The county itself (its reserve) and its townships. */
    private Set<Long> regionsOf(long countyId) {
        Set<Long> ids = regions.children(countyId).stream().filter(r -> r.level() == RegionLevel.TOWNSHIP)
                .map(Region::id).collect(Collectors.toSet());
        ids.add(countyId);
        return ids;
    }

    private void requireCountyRole(Actor actor, long countyId) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        regions.requireCounty(countyId);
    }

    private static Map<Long, Integer> firstLine(List<LineRequest> requests, java.util.function.Function<LineRequest, Long> key) {
        Map<Long, Integer> first = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            first.putIfAbsent(key.apply(requests.get(i)), i);
        }
        return first;
    }
}
