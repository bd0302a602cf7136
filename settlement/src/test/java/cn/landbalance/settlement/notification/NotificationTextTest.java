package cn.landbalance.settlement.notification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Notifications speak 公顷, 亩 and 元, in both languages; never m² or fen. */
class NotificationTextTest {
    @Test
    void areasInHectaresAndMuMoneyInYuan() {
        var settled = NotificationText.orderSettled(12, 12_000, 78_000_000);
        assertEquals("订单 12 已结算：1.2000 公顷（18.0000 亩），¥780,000.00", settled.zh());
        assertEquals("Order 12 settled: 1.2000 ha (18.0000 mu), ¥780,000.00", settled.en());
        assertEquals("收到耕地转出缴费 ¥150,000.00，须落实转进 0.2000 公顷（3.0000 亩）", NotificationText.feePaid(15_000_000, 2_000).zh());
        assertEquals("本乡镇指标被冻结 0.4198 公顷（6.2970 亩）（violation:3）", NotificationText.indicatorsFrozen(4_198, "violation:3").zh());
        assertEquals("挂牌 5 减少 0.0400 公顷（0.6000 亩）（指标被冻结）", NotificationText.listingReduced(5, 400, "FROZEN").zh());
        assertEquals("Listing 5 reduced by 0.0400 ha (0.6000 mu) (self restored)",
                NotificationText.listingReduced(5, 400, "SELF_RESTORED").en());
        assertEquals("¥0.01", NotificationText.yuan(1));
        assertEquals("¥12.34", NotificationText.yuan(1_234));
    }
}
