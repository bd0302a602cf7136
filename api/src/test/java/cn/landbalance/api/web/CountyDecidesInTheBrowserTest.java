package cn.landbalance.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The county admin finds the newest application at the top of 转出审批, rejects one only after confirming (cancelling
 * the dialog changes nothing) and approves the other.
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

        signIn("county_admin");
        clickTestId("menu-review");
        waitText(By.cssSelector("[data-testid=review] .el-table__body-wrapper tbody tr:first-child"), Long.toString(toApprove));

        clickTestId("reject-" + toReject);
        waitText(By.cssSelector(".el-message-box"), "申请编号 " + toReject);
        click(By.cssSelector(".el-message-box__btns .el-button:not(.el-button--primary)"));
        assertEquals("TOWNSHIP_REVIEWED", status(toReject), "cancelling the dialog changes nothing");
        clickTestId("reject-" + toReject);
        waitText(By.cssSelector(".el-message-box"), "申请编号 " + toReject);
        click(By.cssSelector(".el-message-box__btns .el-button--primary"));
        waitText(By.cssSelector("[data-testid=review]"), "已驳回");

        clickTestId("approve-" + toApprove);
        waitText(By.cssSelector(".el-message-box"), "批准");
        click(By.cssSelector(".el-message-box__btns .el-button--primary"));
        waitText(By.cssSelector("[data-testid=review]"), "已批准");
        assertEquals("REJECTED", status(toReject));
        assertEquals("APPROVED", status(toApprove));
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
