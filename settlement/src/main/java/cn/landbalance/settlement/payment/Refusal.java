package cn.landbalance.settlement.payment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/**
 * Why a payment cannot settle what it is for, decided once: a confirmation throws it, a bank statement writes its text
 * on the line it leaves open.
 *
 * @param field the request field at fault, or null
 * @param text  in Chinese and English
 */
public record Refusal(ErrorCode code, String field, String text) {
    public DomainException exception() {
        return field == null ? new DomainException(code, text) : DomainException.field(code, field, text);
    }
}
