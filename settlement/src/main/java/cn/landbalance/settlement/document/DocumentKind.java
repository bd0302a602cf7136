package cn.landbalance.settlement.document;

/** The documents the system prints and anyone can verify by their code; each is about one record (its subject). */
public enum DocumentKind {
    /** 缴款通知书: a payment notice, its subject the notice. */
    PAYMENT_NOTICE("缴款通知书"),
    /** 收款凭证: the township's receipt for money that arrived, its subject the paid notice. */
    PAYMENT_RECEIPT("收款凭证"),
    /** 平衡确认单: an outflow application's balance confirmed, its subject the application. */
    BALANCE_CONFIRMATION("耕地“进出平衡”平衡确认单"),
    /** 指标冻结/扣减通知书: what a violation case froze, unfroze and deducted, its subject the case. */
    VIOLATION_NOTICE("违法占用耕地指标冻结扣减通知书");

    private final String title;

    DocumentKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
