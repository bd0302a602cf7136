package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.fund.PaymentReferences;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.market.OrderSettlements;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowService;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.RulesVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Payment notices from issue to settlement. A payer asks for a fee notice (an order's notices come with the order); the
 * payee township's finance confirms the money arrived — typed in from the bank's receipt, or found in the bank statement
 * by the notice's remittance code — and only then is the order or fee settled. A payer cannot declare a payment.
 */
public class PaymentService {
    private final PaymentNotices notices;
    private final OutflowService outflow;
    private final Regions regions;
    private final CountyRulesStore rules;
    private final Clock clock;
    private final NoticeConfirmation confirmation;

    public PaymentService(PaymentNotices notices, OrderSettlements market, OutflowService outflow, Regions regions,
                          CountyRulesStore rules, PaymentReferences references, Clock clock) {
        this.notices = notices;
        this.outflow = outflow;
        this.regions = regions;
        this.rules = rules;
        this.clock = clock;
        this.confirmation = new NoticeConfirmation(notices, market, outflow, references, clock);
    }

    /** What finance read off the bank's receipt or statement line. */
    public record Arrival(String bankSerial, LocalDate receivedOn, long amountFen, String payerName, String payerAccount,
                          Long bankLineId) {
    }

    /** A fee notice for {@code areaM2} of the application, payable to its home township's fund. */
    public PaymentNotice issueFee(Actor actor, long applicationId, long areaM2) {
        OutflowService.FeeQuote quote = outflow.quoteFee(actor, applicationId, areaM2);
        OutflowApplication app = quote.application();
        if (quote.amountFen() <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2", "费用不足 1 分", "the fee rounds to 0 fen");
        }
        LocalDate dueOn = rules.paymentDueOn(app.countyId(), LocalDate.now(clock));
        return notices.issue(new PaymentNotice(0, app.countyId(), app.townshipId(), PaymentNotice.Kind.FEE, null, app.id(),
                areaM2, quote.amountFen(), app.applicantOrgId(), null, null, payeeOf(notices, regions, app.townshipId()), clock.instant(), dueOn,
                PaymentNotice.Status.OPEN, null, rules.governing(app.countyId(), app.planYear()).map(RulesVersion::id)
                        .orElse(null)));
    }

    /**
     * The payee township's finance confirms the notice's money arrived: the order's indicators from that township or the
     * fee's area are settled, the money booked on the day the bank credited it. The amount must be the notice's, to the
     * fen; a bank serial pays one thing only. Repeating the same confirmation answers with the paid notice.
     */
    public PaymentNotice confirm(Actor actor, long noticeId, Arrival arrival) {
        PaymentNotice seen = notices.find(noticeId).filter(n -> mayConfirm(actor, n))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "缴款通知书 " + noticeId + " 不存在或不归本乡镇收款", "payment notice " + noticeId));
        return confirmation.confirmVisible(seen, arrival, actor.userId());
    }

    /** The township's open notices (at most {@code limit}, newest first), for matching lines that quote no code. */
    public List<PaymentNotice> openNotices(Region township, int limit) {
        return notices.list(new NoticeQuery(township.countyId(), null, township.id(), false, PaymentNotice.Status.OPEN, null,
                null, null), 0, limit);
    }

    /**
     * The township's notices a bank statement's lines quote by remittance code, by code (whatever their state: the
     * caller reports why a line does not settle its notice).
     */
    public Map<String, PaymentNotice> quoted(long townshipId, java.util.Collection<String> codes) {
        Map<String, PaymentNotice> found = new java.util.HashMap<>();
        notices.findByCodes(codes).stream().filter(n -> n.townshipId() == townshipId)
                .forEach(n -> found.put(n.remittanceCode(), n));
        return found;
    }

    /**
     * Why the arrival cannot settle the notice, if it cannot — decided without changing anything (the notice as last
     * read; a confirmation decides again under its locks), so that a bank statement settles what it can and leaves the
     * rest open with the reason as a note, and a confirmation is refused with the same reason.
     */
    public java.util.Optional<Refusal> refusal(PaymentNotice notice, Arrival arrival) {
        return confirmation.refusal(notice, arrival);
    }

    /** A notice a bank statement line quotes (as last read) and the money the line shows arrived. */
    public record Quoted(PaymentNotice notice, Arrival arrival) {
    }

    /**
     * Confirms the notices a bank statement pays, all in the caller's transaction: each line settles its notice unless
     * a refusal says why not (returned in the same order, empty when it settled). Order notices are settled together —
     * the same checks and writes as {@link #confirm}, each kind of row written in one statement for them all — so a
     * statement of thousands of payments costs a few dozen statements, not thousands; fee notices one by one. A serial
     * pays one line only; a notice quoted twice is paid by the first line.
     */
    public List<java.util.Optional<Refusal>> confirmAll(List<Quoted> quoted, Long userId) {
        return confirmation.confirmAll(quoted, userId);
    }

    /** The payer withdraws an open fee notice (an order's notices end with the order). */
    public PaymentNotice cancelFee(Actor actor, long noticeId) {
        PaymentNotice notice = notices.lock(noticeId).filter(n -> mayRead(actor, n))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "缴款通知书 " + noticeId, "payment notice " + noticeId));
        if (notice.payerOrgId() != actor.orgId() && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有缴款人或县级管理员可撤销", "only the payer or the county may cancel it");
        }
        if (notice.kind() != PaymentNotice.Kind.FEE) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION, "订单的缴款通知书随订单撤销", "cancel the order instead");
        }
        PaymentNotice cancelled = notice.to(PaymentNotice.Status.CANCELLED, null);
        notices.save(notice, cancelled);
        return cancelled;
    }

    /** Expires one open fee notice past its due date (the system does this without anyone calling). */
    public boolean expireFee(long noticeId) {
        PaymentNotice notice = notices.lock(noticeId).orElse(null);
        if (notice == null || notice.kind() != PaymentNotice.Kind.FEE || notice.status() != PaymentNotice.Status.OPEN
                || !LocalDate.now(clock).isAfter(notice.dueOn())) {
            return false;
        }
        notices.save(notice, notice.to(PaymentNotice.Status.EXPIRED, null));
        return true;
    }

    public List<Long> dueFeeNotices(int limit) {
        return notices.dueFeeNotices(LocalDate.now(clock), limit);
    }

    /** The notices of orders the caller has checked are visible, by order. */
    public java.util.Map<Long, List<PaymentNotice>> ofOrders(java.util.Collection<Long> orderIds) {
        return notices.ofOrders(orderIds);
    }

    public PaymentNotice get(Actor actor, long noticeId) {
        return notices.find(noticeId).filter(n -> mayRead(actor, n))
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                        "缴款通知书 " + noticeId, "payment notice " + noticeId));
    }

    /** One page of notices and how many there are in all. */
    public record NoticeList(List<PaymentNotice> notices, long total) {
    }

    /**
     * The notices an actor may see, newest first: an enterprise those it owes; a township officer those payable to its
     * township and those it owes; county roles the county's.
     */
    public NoticeList list(Actor actor, NoticeQuery filters, int page, int size) {
        NoticeQuery query = switch (actor.role()) {
            case ENTERPRISE -> new NoticeQuery(actor.countyId(), actor.orgId(), null, false, filters.status(), filters.kind(),
                    filters.orderId(), filters.applicationId());
            case TOWNSHIP_OFFICER -> new NoticeQuery(actor.countyId(), actor.orgId(), actor.regionId(), true, filters.status(),
                    filters.kind(), filters.orderId(), filters.applicationId());
            case COUNTY_ADMIN, COUNTY_VIEWER -> new NoticeQuery(actor.countyId(), filters.payerOrgId(), filters.townshipId(),
                    false, filters.status(), filters.kind(), filters.orderId(), filters.applicationId());
        };
        return new NoticeList(notices.list(query, Math.multiplyExact(page, size), size), notices.count(query));
    }

    /** The township fund's bank account (the caller checked the township is visible to the user). */
    public PaymentNotice.Payee payee(Region township) {
        return payeeOf(notices, regions, township.id());
    }

    /** Sets the account later notices name (notices already issued keep theirs); the township's officer or the county. */
    public PaymentNotice.Payee setPayee(Actor actor, Region township, PaymentNotice.Payee payee) {
        if (!(actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == township.id()) && actor.role() != Role.COUNTY_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有本乡镇或县级管理员可设置收款账户", "only the township or the county sets it");
        }
        requireText("accountName", payee.accountName(), 100);
        requireText("bankName", payee.bankName(), 100);
        requireText("accountNo", payee.accountNo(), 40);
        String number = payee.accountNo().replaceAll("[\\s-]", "");
        if (!number.matches("\\d{6,32}")) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "accountNo",
                    "账号应为 6 至 32 位数字", "an account number is 6 to 32 digits");
        }
        PaymentNotice.Payee saved = new PaymentNotice.Payee(payee.accountName().strip(), payee.bankName().strip(), number);
        notices.savePayee(township.id(), saved, actor.userId());
        return saved;
    }

    /**
     * The account a notice payable to the township names: as its finance set it, or the fund's name alone (户名 only,
     * 开户行 and 账号 blank) until it is.
     */
    public static PaymentNotice.Payee payeeOf(PaymentNotices notices, Regions regions, long townshipId) {
        return notices.payeeOf(townshipId).orElseGet(() -> new PaymentNotice.Payee(
                regions.findById(townshipId).map(r -> r.name() + "耕地进出平衡资金专户").orElse(""), null, null));
    }

    private static boolean mayConfirm(Actor actor, PaymentNotice n) {
        return actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == n.townshipId() && actor.inCounty(n.countyId());
    }

    private static boolean mayRead(Actor actor, PaymentNotice n) {
        return actor.inCounty(n.countyId()) && (actor.isCountyRole() || actor.orgId() == n.payerOrgId()
                || (actor.role() == Role.TOWNSHIP_OFFICER && actor.regionId() == n.townshipId()));
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field, "请填写" + fieldZh(field), field + " is required");
        }
        if (value.strip().length() > max) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    fieldZh(field) + "最多 " + max + " 个字", "at most " + max + " characters");
        }
    }

    /** The payee fields {@link #requireText} checks, named in Chinese. */
    private static String fieldZh(String field) {
        return switch (field) {
            case "accountName" -> "户名";
            case "bankName" -> "开户银行";
            case "accountNo" -> "账号";
            default -> field;
        };
    }
}
