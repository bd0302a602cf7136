package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PaymentNoticeTest {
    private static PaymentNotice open() {
        return new PaymentNotice(1, 2, 3, PaymentNotice.Kind.FEE, null, 4, 100, 750_000, 5, "某合作社",
                RemittanceCode.of(2026, 1), new PaymentNotice.Payee("巩昌镇耕地进出平衡资金专户", null, null),
                Instant.parse("2026-12-02T01:00:00Z"), LocalDate.of(2026, 12, 16), PaymentNotice.Status.OPEN, null, 7L);
    }

    @Test
    void anOpenNoticeIsPaidExpiredOrCancelledOnce() {
        PaymentNotice.Receipt receipt = new PaymentNotice.Receipt("SN-1", LocalDate.of(2026, 12, 3), "某合作社", null, 9L,
                Instant.now(), null);
        PaymentNotice paid = open().to(PaymentNotice.Status.PAID, receipt);
        assertEquals(PaymentNotice.Status.PAID, paid.status());
        assertEquals("SN-1", paid.receipt().bankSerial());
        assertEquals(7L, paid.rulesVersionId(), "the version its amount was fixed under stays with it");
        assertNull(open().to(PaymentNotice.Status.EXPIRED, receipt).receipt(), "only a paid notice keeps a receipt");
        for (PaymentNotice.Status next : PaymentNotice.Status.values()) {
            DomainException e = assertThrows(DomainException.class, () -> paid.to(next, receipt));
            assertEquals(ErrorCode.ILLEGAL_TRANSITION, e.code());
        }
    }

    @Test
    void aPayeeWithoutBankOrNumberIsIncomplete() {
        assertEquals(false, open().payee().complete());
        assertEquals(true, new PaymentNotice.Payee("专户", "农行陇西支行", "6228480000000000").complete());
    }
}
