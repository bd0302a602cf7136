package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.Hold;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.payment.PaymentTerm;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.RulesVersion;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Placing an order: the listed offers that satisfy the application's obligation are chosen and locked, reserved on
 * their lots, and one payment notice is issued per selling township.
 */
final class OrderPlacement {
    /** How often an order chooses again when concurrent orders took the offers it chose. */
    private static final int CHOICE_ATTEMPTS = 5;

    private final Regions regions;
    private final CountyRulesStore rules;
    private final OutflowApplications applications;
    private final IndicatorLedger ledger;
    private final Listings listingBook;
    private final Orders orderBook;
    private final PaymentNotices notices;
    private final Clock clock;

    OrderPlacement(Regions regions, CountyRulesStore rules, OutflowApplications applications, IndicatorLedger ledger,
                   Listings listingBook, Orders orderBook, PaymentNotices notices, Clock clock) {
        this.regions = regions;
        this.rules = rules;
        this.applications = applications;
        this.ledger = ledger;
        this.listingBook = listingBook;
        this.orderBook = orderBook;
        this.notices = notices;
        this.clock = clock;
    }

    /** Reserves listed indicators for {@code areaM2} of the application's obligation; nothing is reserved if not all can be. */
    Order placeOrder(Actor actor, long applicationId, long areaM2) {
        if (areaM2 <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "area must be a positive whole number of m²");
        }
        OutflowApplication app = applications.lock(applicationId)
                .filter(a -> a.applicantOrgId() == actor.orgId() && actor.inCounty(a.countyId()))
                .orElseThrow(() -> DomainException.field(ErrorCode.OUTFLOW_APPLICATION_NOT_FOUND, "outflowApplicationId",
                        "耕地转出申请 " + applicationId, "outflow application " + applicationId));
        if (!app.status().coverable()) {
            throw new DomainException(ErrorCode.APPLICATION_NOT_COVERABLE,
                    "耕地转出申请" + app.status().label(), "application is " + app.status());
        }
        long open = Math.max(0, app.requiredM2() - app.coveredM2()) - notices.pendingAreaFor(app.id());
        if (areaM2 > open) {
            throw DomainException.field(ErrorCode.OBLIGATION_OVER_COVERED, "areaM2",
                    "尚需落实且不在待缴订单或缴款通知书中的面积为 " + Units.areaZh(Math.max(0, open)) + "，本次 " + Units.areaZh(areaM2),
                    open + " m² of the obligation are neither covered nor in a pending order or fee notice; " + areaM2
                            + " m² asked");
        }
        List<Offer> chosen = choose(app, areaM2);
        java.time.LocalDate dueOn = rules.paymentDueOn(app.countyId(), java.time.LocalDate.now(clock));
        Instant expiresAt = PaymentTerm.endOf(dueOn, clock.getZone());
        List<Allocation> allocations = new ArrayList<>();
        long left = areaM2;
        long total = 0;
        String reference = "order-of-application:" + app.id();
        for (Offer offer : chosen) {
            long part = Math.min(left, offer.remainingM2());
            left -= part;
            long amount = Units.amountFen(part, offer.pricePerMuFen());
            total = Math.addExact(total, amount);
            allocations.add(new Allocation(0, offer.lotId(), offer.listingLotId(), offer.townshipId(), 0, part,
                    offer.pricePerMuFen(), amount, offer.qualityGrade()));
        }
        if (total == 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "订单金额不足 1 分", "the order's amount rounds to 0 fen");
        }
        allocations.sort(Comparator.comparingLong(Allocation::lotId));
        List<Allocation> held = new ArrayList<>();
        for (Allocation a : allocations) {
            Hold hold = ledger.reserve(a.lotId(), AreaM2.of(a.areaM2()), reference);
            listingBook.changeOffered(a.listingLotId(), -a.areaM2());
            held.add(new Allocation(0, a.lotId(), a.listingLotId(), a.townshipId(), hold.id(), a.areaM2(),
                    a.pricePerMuFen(), a.amountFen(), a.qualityGrade()));
        }
        Long version = rules.governing(app.countyId(), rules.currentYear()).map(RulesVersion::id).orElse(null);
        Order order = orderBook.insertOrder(new Order(0, app.countyId(), app.id(), actor.orgId(), areaM2, total,
                Order.Status.PENDING_PAYMENT, expiresAt, null, List.copyOf(held)), version);
        Map<Long, List<Allocation>> byTownship = byTownship(order.allocations());
        byTownship.forEach((township, part) -> {
            long amount = part.stream().mapToLong(Allocation::amountFen).sum();
            if (amount > 0) {
                notices.issue(new PaymentNotice(0, app.countyId(), township, PaymentNotice.Kind.ORDER, order.id(), app.id(),
                        part.stream().mapToLong(Allocation::areaM2).sum(), amount, actor.orgId(), null, null,
                        cn.landbalance.settlement.payment.PaymentService.payeeOf(notices, regions, township),
                        clock.instant(), dueOn, PaymentNotice.Status.OPEN, null, version));
            }
        });
        return order;
    }

    private static Map<Long, List<Allocation>> byTownship(List<Allocation> allocations) {
        Map<Long, List<Allocation>> grouped = new java.util.TreeMap<>();
        for (Allocation a : allocations) {
            grouped.computeIfAbsent(a.townshipId(), t -> new ArrayList<>()).add(a);
        }
        return grouped;
    }

    /**
     * The offers an order takes: own township first, then the cheapest, then the oldest listing. Chosen from the last
     * committed state; then only those rows are locked (ascending id) and read again. If a concurrent order took part
     * of them meanwhile, the choice is made again with the locks already held kept (rare: it needs a listing's last
     * square metres; a deadlock there answers 409 CONCURRENT_UPDATE and changes nothing). Orders buying from different
     * listings never wait for each other.
     */
    private List<Offer> choose(OutflowApplication app, long areaM2) {
        for (int attempt = 1; ; attempt++) {
            List<Offer> eligible = AllocationPolicy.preferred(app.townshipId(), app.qualityGrade(), app.paddy(), app.planYear(),
                    listingBook.offers(app.countyId()));
            List<Offer> picked = AllocationPolicy.covering(eligible, areaM2);
            if (picked == null) {
                long listed = eligible.stream().mapToLong(Offer::remainingM2).sum();
                throw DomainException.field(ErrorCode.INSUFFICIENT_LISTED_INDICATORS, "areaM2",
                        "符合条件（质量等别不低于 " + app.qualityGrade() + " 等" + (app.paddy() ? "、水田" : "") + "、年度不晚于 "
                                + app.planYear() + " 年）的挂牌指标共 " + Units.areaZh(listed) + "，需要 " + Units.areaZh(areaM2),
                        listed + " m² of suitable indicators (grade ≤ " + app.qualityGrade()
                                + (app.paddy() ? ", paddy" : "") + ", vintage ≤ " + app.planYear() + ") are listed, "
                                + areaM2 + " m² asked");
            }
            List<Offer> locked = listingBook.lockOffers(picked.stream().map(Offer::listingLotId).toList());
            List<Offer> chosen = AllocationPolicy.covering(
                    AllocationPolicy.preferred(app.townshipId(), app.qualityGrade(), app.paddy(), app.planYear(), locked), areaM2);
            if (chosen != null) {
                return chosen;
            }
            if (attempt == CHOICE_ATTEMPTS) {
                throw new DomainException(ErrorCode.CONCURRENT_UPDATE,
                        "挂牌情况在 " + attempt + " 次尝试期间不断变化，请重试", "the listings changed under " + attempt + " attempts");
            }
        }
    }
}
