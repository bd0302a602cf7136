package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/**
 * Why a payment cannot settle what it is for, decided once: a confirmation throws it, a bank statement writes its text
 * on the line it leaves open.
 *
 * @param field  the request field at fault, or null
 * @param textZh in Chinese
 * @param textEn in English
 */
public record Refusal(ErrorCode code, String field, String textZh, String textEn) {
    public DomainException exception() {
        return DomainException.field(code, field, textZh, textEn);
    }

    /** Both languages in one line, "中文 / English", as a bank statement line keeps it. */
    public String text() {
        return textZh + " / " + textEn;
    }
}
