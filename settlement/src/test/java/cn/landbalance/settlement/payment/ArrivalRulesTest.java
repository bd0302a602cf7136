package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which money pays a 7 500-yuan notice issued 2026-12-02 (Beijing time), checked on 2026-12-10, without a database. */
class ArrivalRulesTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    private static PaymentNotice notice(PaymentNotice.Status status) {
        // issued 2026-12-01T17:30Z = 2026-12-02 01:30 in Beijing
        return new PaymentNotice(1, 2, 3, PaymentNotice.Kind.FEE, null, 4, 100, 750_000, 5, "某合作社", RemittanceCode.of(2026, 1),
                new PaymentNotice.Payee("巩昌镇耕地进出平衡资金专户", null, null), Instant.parse("2026-12-01T17:30:00Z"),
                LocalDate.of(2026, 12, 16), status, null, 7L);
    }

    private static PaymentService.Arrival arrival(long amountFen, LocalDate on) {
        return new PaymentService.Arrival("ABC-1", on, amountFen, "某合作社", "6228 0000", null);
    }

    private static Optional<ErrorCode> refusal(PaymentNotice notice, PaymentService.Arrival arrival, boolean serialUsed) {
        return ArrivalRules.refusal(notice, arrival, serialUsed, BEIJING, TODAY).map(Refusal::code);
    }

    @Test
    void theExactAmountOnAPossibleDayWithANewSerialPays() {
        assertEquals(Optional.empty(), refusal(notice(PaymentNotice.Status.OPEN), arrival(750_000, LocalDate.of(2026, 12, 5)), false));
        // the day before the notice's Beijing date is still possible (the bank books before the notice is printed)
        assertEquals(Optional.empty(), refusal(notice(PaymentNotice.Status.OPEN), arrival(750_000, LocalDate.of(2026, 12, 1)), false));
        assertEquals(Optional.empty(), refusal(notice(PaymentNotice.Status.OPEN), arrival(750_000, TODAY), false));
    }

    @Test
    void eachWayOfNotPayingIsNamedInTheOrderChecked() {
        PaymentNotice open = notice(PaymentNotice.Status.OPEN);
        assertEquals(Optional.of(ErrorCode.ILLEGAL_TRANSITION), refusal(notice(PaymentNotice.Status.PAID),
                arrival(1, LocalDate.of(2030, 1, 1)), true), "a notice no longer open comes first");
        assertEquals(Optional.of(ErrorCode.PAYMENT_AMOUNT_MISMATCH), refusal(open, arrival(749_999, LocalDate.of(2026, 12, 5)), false));
        assertEquals(Optional.of(ErrorCode.VALIDATION_FAILED), refusal(open, arrival(750_000, LocalDate.of(2026, 11, 30)), false));
        assertEquals(Optional.of(ErrorCode.VALIDATION_FAILED), refusal(open, arrival(750_000, TODAY.plusDays(1)), false));
        assertEquals(Optional.of(ErrorCode.PAYMENT_REFERENCE_REUSED), refusal(open, arrival(750_000, LocalDate.of(2026, 12, 5)), true));
        Refusal paidTwice = ArrivalRules.refusal(notice(PaymentNotice.Status.PAID), arrival(750_000, TODAY), false, BEIJING, TODAY)
                .orElseThrow();
        assertTrue(paidTwice.textZh().contains("重复缴款"), paidTwice.textZh());
        assertEquals("amountFen", ArrivalRules.refusal(open, arrival(1, TODAY), false, BEIJING, TODAY).orElseThrow().field());
    }

    @Test
    void anArrivalNamesItsSerialAndDay() {
        DomainException noSerial = assertThrows(DomainException.class, () -> ArrivalRules.requireComplete(
                new PaymentService.Arrival(" ", TODAY, 1, null, null, null)));
        assertEquals("bankSerial", noSerial.field());
        assertEquals("receivedOn", assertThrows(DomainException.class, () -> ArrivalRules.requireComplete(
                new PaymentService.Arrival("A", null, 1, null, null, null))).field());
        assertEquals("payerAccount", assertThrows(DomainException.class, () -> ArrivalRules.requireComplete(
                new PaymentService.Arrival("A", TODAY, 1, null, "9".repeat(65), null))).field());
        ArrivalRules.requireComplete(new PaymentService.Arrival("A", TODAY, 1, "某合作社", "6228", null));
    }
}
