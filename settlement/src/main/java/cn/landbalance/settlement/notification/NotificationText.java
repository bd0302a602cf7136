package cn.landbalance.settlement.notification;

import cn.landbalance.ledger.common.Units;

import java.util.Locale;

import static cn.landbalance.ledger.common.Units.areaEn;
import static cn.landbalance.ledger.common.Units.areaZh;

/**
 * What a notification says, in Chinese and English, in the units people read: areas in 公顷 with 亩, money in 元 with
 * thousands separators and 2 decimals (never m² or fen, the units the ledgers keep).
 */
public final class NotificationText {
    /** One notification's message in both languages. */
    public record Text(String zh, String en) {
    }

    private NotificationText() {
    }

    public static Text orderSettled(long orderId, long areaM2, long amountFen) {
        return new Text("订单 " + orderId + " 已结算：" + areaZh(areaM2) + "，" + yuan(amountFen),
                "Order " + orderId + " settled: " + areaEn(areaM2) + ", " + yuan(amountFen));
    }

    public static Text indicatorsFrozen(long areaM2, String reference) {
        return new Text("本乡镇指标被冻结 " + areaZh(areaM2) + "（" + reference + "）",
                areaEn(areaM2) + " of the township's indicators frozen (" + reference + ")");
    }

    public static Text feePaid(long amountFen, long areaM2) {
        return new Text("收到耕地转出缴费 " + yuan(amountFen) + "，须落实转进 " + areaZh(areaM2),
                "Fee of " + yuan(amountFen) + " received; inflow duty of " + areaEn(areaM2));
    }

    public static Text outflowApproved(long applicationId) {
        return new Text("耕地转出申请 " + applicationId + " 已批准", "Outflow application " + applicationId + " approved");
    }

    public static Text listingReduced(long listingId, long areaM2, String reason) {
        String why = switch (reason) {
            case "FROZEN" -> "指标被冻结";
            case "SELF_RESTORED" -> "指标用于自行平衡";
            case "REPAID" -> "指标用于归还借用";
            case "ADJUSTED" -> "指标用于县级调剂或自行平衡";
            default -> reason;
        };
        return new Text("挂牌 " + listingId + " 减少 " + areaZh(areaM2) + "（" + why + "）",
                "Listing " + listingId + " reduced by " + areaEn(areaM2) + " (" + reason.toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
    }

    /** 78 000 000 fen → "¥780,000.00". */
    public static String yuan(long fen) {
        return Units.yuanText(fen);
    }
}
