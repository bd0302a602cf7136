package cn.landbalance.ledger.indicator;

/** The two kinds of pending (two-phase) hold on a lot. */
public enum HoldKind {
    /** Reserved for an order: posted by CONSUME, voided by RELEASE. */
    RESERVATION(MovementKind.RESERVE, MovementKind.CONSUME, MovementKind.RELEASE),
    /** Frozen for a violation case: posted by DEDUCT, voided by UNFREEZE. */
    FREEZE(MovementKind.FREEZE, MovementKind.DEDUCT, MovementKind.UNFREEZE);

    private final MovementKind open;
    private final MovementKind post;
    private final MovementKind voidKind;

    HoldKind(MovementKind open, MovementKind post, MovementKind voidKind) {
        this.open = open;
        this.post = post;
        this.voidKind = voidKind;
    }

    public MovementKind open() {
        return open;
    }

    public MovementKind post() {
        return post;
    }

    public MovementKind voids() {
        return voidKind;
    }

    /** The kind in Chinese, as refusals name it ("预留", "冻结"). */
    public String label() {
        return this == RESERVATION ? "预留" : "冻结";
    }
}
