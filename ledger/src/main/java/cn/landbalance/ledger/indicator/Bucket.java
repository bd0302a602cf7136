package cn.landbalance.ledger.indicator;

/**
 * The sub-balances of an indicator lot; issued = available + reserved + frozen + consumed + deducted + revoked.
 * REVOKED holds area whose issue was withdrawn before anything used it (its plan import was replaced).
 */
public enum Bucket {
    AVAILABLE, RESERVED, FROZEN, CONSUMED, DEDUCTED, REVOKED;

    /** The sub-balance in Chinese, as refusals name it ("可用", "已冻结"). */
    public String label() {
        return switch (this) {
            case AVAILABLE -> "可用";
            case RESERVED -> "已预留";
            case FROZEN -> "已冻结";
            case CONSUMED -> "已使用";
            case DEDUCTED -> "已扣减";
            case REVOKED -> "已撤销";
        };
    }
}
