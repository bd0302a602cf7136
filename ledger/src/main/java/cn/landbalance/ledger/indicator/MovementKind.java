package cn.landbalance.ledger.indicator;

/**
 * Every change of an indicator lot is one of these transfers between two buckets (each entry has two sides: what
 * leaves one bucket enters another). ISSUE brings area in from outside (the acceptance of restored land).
 * The two-phase pairs: RESERVE then CONSUME or RELEASE; FREEZE then DEDUCT or UNFREEZE. REVOKE undoes an ISSUE;
 * RETURN undoes a CONSUME when the obligation it covered is reversed (its application rejected or withdrawn).
 */
public enum MovementKind {
    ISSUE(null, Bucket.AVAILABLE),
    RESERVE(Bucket.AVAILABLE, Bucket.RESERVED),
    RELEASE(Bucket.RESERVED, Bucket.AVAILABLE),
    CONSUME(Bucket.RESERVED, Bucket.CONSUMED),
    FREEZE(Bucket.AVAILABLE, Bucket.FROZEN),
    UNFREEZE(Bucket.FROZEN, Bucket.AVAILABLE),
    DEDUCT(Bucket.FROZEN, Bucket.DEDUCTED),
    /** The issue withdrawn: only a lot nothing has touched, all its area at once. */
    REVOKE(Bucket.AVAILABLE, Bucket.REVOKED),
    /** Consumed area given back to its lot because the coverage it made was reversed; a new entry, never an edit. */
    RETURN(Bucket.CONSUMED, Bucket.AVAILABLE);

    private final Bucket from;
    private final Bucket to;

    MovementKind(Bucket from, Bucket to) {
        this.from = from;
        this.to = to;
    }

    /** The bucket debited, or null for ISSUE. */
    public Bucket from() {
        return from;
    }

    public Bucket to() {
        return to;
    }

    /** The movement in Chinese, as refusals name it ("冻结", "扣减"). */
    public String label() {
        return switch (this) {
            case ISSUE -> "入库";
            case RESERVE -> "预留";
            case RELEASE -> "释放预留";
            case CONSUME -> "使用";
            case FREEZE -> "冻结";
            case UNFREEZE -> "解冻";
            case DEDUCT -> "扣减";
            case REVOKE -> "撤销";
            case RETURN -> "退回";
        };
    }
}
