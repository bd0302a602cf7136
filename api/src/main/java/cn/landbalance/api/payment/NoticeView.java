package cn.landbalance.api.payment;

import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.payment.AmountInWords;
import cn.landbalance.settlement.payment.PaymentNotice;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** A payment notice as the payer and the township's finance read it. */
@Serdeable
public record NoticeView(long id, PaymentNotice.Kind kind, @Nullable Long orderId, long applicationId, long townshipId,
                         long areaM2, String areaMu, long amountFen, String amountYuan, String amountInWords,
                         long payerOrgId, String payerName, String remittanceCode, Payee payee, Instant issuedAt,
                         LocalDate dueOn, PaymentNotice.Status status, String statusLabel, @Nullable Receipt receipt,
                         @Nullable Long rulesVersionId) {
    @Serdeable
    public record Payee(String accountName, String bankName, String accountNo, boolean complete) {
    }

    @Serdeable
    public record Receipt(String bankSerial, LocalDate receivedOn, String payerName, String payerAccount,
                          @Nullable Long confirmedBy, Instant confirmedAt, @Nullable Long bankLineId) {
    }

    public static NoticeView of(PaymentNotice n) {
        PaymentNotice.Receipt r = n.receipt();
        return new NoticeView(n.id(), n.kind(), n.orderId(), n.applicationId(), n.townshipId(), n.areaM2(),
                Units.m2ToMu(n.areaM2()), n.amountFen(), Units.fenToYuan(n.amountFen()), "人民币" + AmountInWords.of(n.amountFen()),
                n.payerOrgId(), n.payerName(), n.remittanceCode(),
                new Payee(n.payee().accountName(), n.payee().bankName(), n.payee().accountNo(), n.payee().complete()),
                n.issuedAt(), n.dueOn(), n.status(), PaymentNotice.label(n.status()),
                r == null ? null : new Receipt(r.bankSerial(), r.receivedOn(), r.payerName(), r.payerAccount(), r.confirmedBy(),
                        r.confirmedAt(), r.bankLineId()), n.rulesVersionId());
    }
}
