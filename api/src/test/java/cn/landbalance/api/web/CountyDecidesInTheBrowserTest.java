package cn.landbalance.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county admin finds the newest application at the top of 转出审批 and rejects one only with a reason, after the
 * server's preview showed what rejecting undoes (its paid fee refunded); cancelling the dialog changes nothing. It
 * approves the other. An enterprise withdraws its own application from its detail page, with a reason, and sees the
 * decision in the application's record.
 */
@MicronautTest(transactional = false)
class CountyDecidesInTheBrowserTest extends BrowserTest {

    @Test
    void decisionsAreConfirmedAndTheNewestApplicationComesFirst() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        assertEquals(200, api().put("/api/counties/" + countyId() + "/rules", login("county_admin"),
                cn.landbalance.api.support.Fixtures.gansuRules(5_000_000, "SYNCHRONOUS")).status(), "进出同步: approved before covered");
        long toReject = reviewed(gongchang);
        long toApprove = reviewed(gongchang);
        // 1 000 m² under Gansu's 1 100‰: 1 100 m² = 1.65 亩 × 5万 = 82 500.00 元 paid as the fee
        assertEquals(200, new cn.landbalance.api.support.Finance(api(), this::login)
                .payFee(toReject, 1_100, "BROWSER-REJECT-FEE", login("enterprise_coop")).status());

        signIn("county_admin");
        clickTestId("menu-review");
        waitText(By.cssSelector("[data-testid=review] .el-table__body-wrapper tbody tr:first-child"), Long.toString(toApprove));

        clickTestId("reject-" + toReject);
        waitText(By.cssSelector("[data-testid=end-preview]"), "退款合计");
        waitText(By.cssSelector("[data-testid=end-refund]"), "82,500.00");
        assertEquals("true", testId("end-submit").getAttribute("disabled") == null ? "false" : "true",
                "no reason, no rejection");
        click(By.cssSelector(".el-dialog__footer .el-button:not(.el-button--danger)"));
        assertEquals("TOWNSHIP_REVIEWED", status(toReject), "cancelling the dialog changes nothing");
        clickTestId("reject-" + toReject);
        waitText(By.cssSelector("[data-testid=end-preview]"), "退款合计");
        type(By.cssSelector("[data-testid=end-reason]"), "占用永久基本农田");
        clickTestId("end-submit");
        waitText(By.cssSelector("[data-testid=review]"), "已驳回");
        assertEquals(0, api().get("/api/outflow-applications/" + toReject, login("county_admin")).json()
                .get("obligation").get("coveredM2").asLong(), "the fee's coverage is reversed");

        clickTestId("approve-" + toApprove);
        waitText(By.cssSelector(".el-message-box"), "批准");
        answerPrompt("县自然资源局 2026 年第 12 次会议同意");
        waitText(By.cssSelector("[data-testid=review]"), "已批准");
        assertTrue(api().get("/api/outflow-applications/" + toApprove + "/decisions", login("county_admin")).body()
                .contains("第 12 次会议同意"), "the opinion is recorded with the approval");
        assertEquals("REJECTED", status(toReject));
        assertEquals("APPROVED", status(toApprove));
    }

    @Test
    void anEnterpriseWithdrawsItsOwnApplicationWithAReason() {
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        long application = declaredOutflow(gongchang, 800);
        signIn("enterprise_coop");
        go("/outflows/" + application);
        clickTestId("withdraw");
        waitText(By.cssSelector("[data-testid=end-preview]"), "无需撤销");
        type(By.cssSelector("[data-testid=end-reason]"), "项目取消");
        clickTestId("end-submit");
        waitText(By.cssSelector("[data-testid=decisions]"), "项目取消");
        assertEquals("WITHDRAWN", status(application));
    }

    private long reviewed(long township) {
        long id = declaredOutflow(township, 1_000);
        assertEquals(200, api().post("/api/outflow-applications/" + id + "/review", login("officer_gongchang"), null).status());
        return id;
    }

    private String status(long id) {
        return api().get("/api/outflow-applications/" + id, login("county_admin")).string("status");
    }
}
