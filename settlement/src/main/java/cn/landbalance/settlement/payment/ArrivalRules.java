package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Which money pays a payment notice (docs/payments.md): the checks made before anything is settled, no database. */
final class ArrivalRules {
    /** Money may be booked by the bank the day before the notice was issued (a payer quick off the mark), not earlier. */
    static final int DAYS_BEFORE_ISSUE = 1;

    private ArrivalRules() {
    }

    /**
     * Why the arrival cannot pay the notice, whatever it pays for: only an open notice, its exact amount, money that
     * arrived no earlier than the day before the notice was issued (in {@code zone}) and no later than {@code today}, a
     * bank serial that paid nothing else ({@code serialUsed} when it did).
     */
    static Optional<Refusal> refusal(PaymentNotice notice, PaymentService.Arrival arrival, boolean serialUsed, ZoneId zone,
                                     LocalDate today) {
        if (notice.status() != PaymentNotice.Status.OPEN) {
            return Optional.of(new Refusal(ErrorCode.ILLEGAL_TRANSITION, null,
                    "缴款通知书 " + notice.remittanceCode() + " " + PaymentNotice.label(notice.status())
                            + (notice.status() == PaymentNotice.Status.PAID ? "，此笔可能为重复缴款" : "") + "，到账款项须退回",
                    "payment notice " + notice.remittanceCode() + " is " + notice.status()));
        }
        if (arrival.amountFen() != notice.amountFen()) {
            return Optional.of(new Refusal(ErrorCode.PAYMENT_AMOUNT_MISMATCH, "amountFen",
                    "到账 " + Units.fenToYuan(arrival.amountFen()) + " 元与通知书金额 " + Units.fenToYuan(notice.amountFen())
                            + " 元不符",
                    "the notice asks " + notice.amountFen() + " fen, " + arrival.amountFen() + " fen arrived"));
        }
        LocalDate issuedOn = notice.issuedAt().atZone(zone).toLocalDate();
        if (arrival.receivedOn().isBefore(issuedOn.minusDays(DAYS_BEFORE_ISSUE))) {
            return Optional.of(new Refusal(ErrorCode.VALIDATION_FAILED, "receivedOn",
                    "到账日期早于通知书开具日期 " + issuedOn,
                    "the money cannot have arrived before the notice was issued on " + issuedOn));
        }
        if (arrival.receivedOn().isAfter(today)) {
            return Optional.of(new Refusal(ErrorCode.VALIDATION_FAILED, "receivedOn",
                    "到账日期不能晚于今天", "the money cannot arrive in the future"));
        }
        if (serialUsed) {
            return Optional.of(new Refusal(ErrorCode.PAYMENT_REFERENCE_REUSED, "bankSerial",
                    "流水号“" + arrival.bankSerial().strip() + "”已用于其他款项", "the bank serial already paid something else"));
        }
        return Optional.empty();
    }

    /** The arrival names its bank serial (≤ 128 characters) and its day; payer name and account within their lengths. */
    static void requireComplete(PaymentService.Arrival arrival) {
        if (arrival.bankSerial() == null || arrival.bankSerial().isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "bankSerial",
                    "请填写银行流水号", "the bank serial is required");
        }
        if (arrival.bankSerial().strip().length() > 128) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "bankSerial", "流水号过长", "at most 128 characters");
        }
        if (arrival.receivedOn() == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "receivedOn",
                    "请填写到账日期", "the day the money arrived is required");
        }
        if (arrival.payerName() != null && arrival.payerName().length() > 200) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "payerName",
                    "缴款人户名最多 200 个字", "at most 200 characters");
        }
        if (arrival.payerAccount() != null && arrival.payerAccount().length() > 64) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "payerAccount",
                    "缴款账号最多 64 个字符", "at most 64 characters");
        }
    }
}
