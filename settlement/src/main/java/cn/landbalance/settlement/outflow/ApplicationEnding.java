package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.AccountKind;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.settlement.market.MarketService;
import cn.landbalance.settlement.market.Order;
import cn.landbalance.settlement.payment.NoticeQuery;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.rules.FeeOnReversal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Undoes what an application started when it ends without being carried out (rejected or withdrawn): its orders awaiting
 * payment are cancelled (their reservations released), its open fee notices cancelled, and its coverage reversed as
 * {@link Reversal} decides — consumed indicators given back to their lots, purchase money refunded by the selling
 * townships, fees refunded or kept. All in the caller's transaction, in the global lock order: orders and notices
 * ({@link #lockPending}) before the application, then lots by id, then funds by township.
 */
public class ApplicationEnding {
    private final MarketService market;
    private final PaymentNotices notices;
    private final OutflowApplications applications;
    private final FeePayments feeBook;
    private final IndicatorLedger indicators;
    private final MoneyLedger money;

    public ApplicationEnding(MarketService market, PaymentNotices notices, OutflowApplications applications, FeePayments feeBook,
                             IndicatorLedger indicators, MoneyLedger money) {
        this.market = market;
        this.notices = notices;
        this.applications = applications;
        this.feeBook = feeBook;
        this.indicators = indicators;
        this.money = money;
    }

    /** What awaits payment against an application: its pending orders and its open fee notices, by id. */
    public record Pending(List<Order> orders, List<PaymentNotice> feeNotices) {
        static final Pending NONE = new Pending(List.of(), List.of());

        boolean sameAs(Pending other) {
            return orders.stream().map(Order::id).toList().equals(other.orders.stream().map(Order::id).toList())
                    && feeNotices.stream().map(PaymentNotice::id).toList()
                    .equals(other.feeNotices.stream().map(PaymentNotice::id).toList());
        }
    }

    /** What awaits payment against the application, as last committed (no locks). */
    public Pending pending(OutflowApplication app) {
        List<PaymentNotice> fees = notices.list(new NoticeQuery(app.countyId(), null, null, false,
                        PaymentNotice.Status.OPEN, PaymentNotice.Kind.FEE, null, app.id()), 0, Integer.MAX_VALUE).stream()
                .sorted(Comparator.comparingLong(PaymentNotice::id)).toList();
        return new Pending(market.pendingOrdersOf(app.countyId(), app.id()), fees);
    }

    /** Locks what awaits payment against the application — before the application's own lock, as settlement does. */
    public Pending lockPending(long applicationId) {
        OutflowApplication app = applications.find(applicationId).orElse(null);
        if (app == null) {
            return Pending.NONE;
        }
        Pending pending = pending(app);
        pending.orders().forEach(o -> market.lockForSettlement(o.id()));
        pending.feeNotices().forEach(n -> notices.lock(n.id()));
        return pending;
    }

    /** What ending the application now would undo (no locks, nothing changed). */
    public Reversal preview(OutflowApplication app, FeeOnReversal feeRule) {
        return Reversal.of(app.townshipId(), applications.coverages(app.id()), feeBook.feePaymentsOf(app.id()), feeRule);
    }

    /**
     * Ends what {@code locked} found pending and reverses the application's coverage. {@code app} was read under its
     * row lock after {@link #lockPending}; if an order or a notice appeared in between, nothing is changed and the
     * caller is asked to retry.
     */
    public Reversal undo(OutflowApplication app, Pending locked, FeeOnReversal feeRule) {
        if (!pending(app).sameAs(locked)) {
            throw new DomainException(ErrorCode.CONCURRENT_UPDATE,
                    "处理期间耕地转出申请 " + app.id() + " 又生成了订单或缴款通知书",
                    "an order or a fee notice of application " + app.id() + " was created meanwhile");
        }
        locked.orders().forEach(o -> market.cancelWithApplication(o.id()));
        for (PaymentNotice n : locked.feeNotices()) {
            PaymentNotice now = notices.lock(n.id()).orElseThrow();
            if (now.status() == PaymentNotice.Status.OPEN) {
                notices.save(now, now.to(PaymentNotice.Status.CANCELLED, null));
            }
        }
        List<FeePayment> fees = feeBook.feePaymentsOf(app.id()).stream()
                .sorted(Comparator.comparingLong(FeePayment::id))
                .map(f -> feeBook.lockFeePayment(f.id()).orElseThrow()).toList();
        Reversal reversal = Reversal.of(app.townshipId(), applications.coverages(app.id()), fees, feeRule);
        String reference = "outflow:" + app.id() + ":reversal";
        for (Reversal.GiveBack g : reversal.giveBacks()) {
            indicators.giveBack(g.lotId(), AreaM2.of(g.areaM2()), reference);
        }
        Map<Long, Long> refundOfCoverage = new HashMap<>();
        Map<Long, Long> refundOfFee = new HashMap<>();
        for (Reversal.Refund r : reversal.refunds()) {
            Transfer t = r.toTownshipId() != null
                    ? money.compensate(app.countyId(), r.townshipId() == app.countyId() ? AccountKind.RESERVE_FUND
                            : AccountKind.TOWNSHIP_FUND, r.townshipId(), AccountKind.TOWNSHIP_FUND, r.toTownshipId(),
                            MoneyFen.of(r.amountFen()), r.paymentReference() + ":reversal:" + app.id(),
                            "调剂补偿退回：转出申请 " + app.id() + " 已终止（" + r.paymentReference() + "）")
                    : money.refund(app.countyId(), r.townshipId(), MoneyFen.of(r.amountFen()), "refund:" + r.paymentReference(),
                    "退款：转出申请 " + app.id() + (r.feePaymentId() != null ? " 的费用" : " 的购买指标款") + "（原流水 "
                            + r.paymentReference() + "）");
            if (r.coverageId() != null) {
                refundOfCoverage.put(r.coverageId(), t.id());
            } else {
                refundOfFee.put(Objects.requireNonNull(r.feePaymentId()), t.id());
            }
        }
        List<Coverage> reversed = new ArrayList<>();
        for (Coverage c : reversal.coverages()) {
            reversed.add(applications.reverse(app, c.reversal(), refundOfCoverage.get(c.id())));
        }
        for (FeePayment f : fees) {
            if (refundOfFee.containsKey(f.id())) {
                feeBook.recordFeeReversal(app, f, FeePayment.Outcome.REFUNDED, refundOfFee.get(f.id()));
            } else if (reversal.feesKept().contains(f)) {
                feeBook.recordFeeReversal(app, f, FeePayment.Outcome.KEPT, null);
            }
        }
        return reversal;
    }
}
