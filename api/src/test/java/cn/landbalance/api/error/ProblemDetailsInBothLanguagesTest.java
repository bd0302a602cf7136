package cn.landbalance.api.error;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refusal's detail comes in both languages (detailZh, detailEn) with areas in 公顷 and money in 元, so the Chinese
 * screen never shows an English sentence with raw units under its Chinese headline; {@code detail} holds both,
 * "中文 / English".
 */
@MicronautTest(transactional = false)
class ProblemDetailsInBothLanguagesTest extends ApiTest {
    @Test
    void validationTypeAndRuleRefusalsAreWordedInBothLanguages() {
        County admin = county();
        long wenfeng = township("officer_wenfeng").id();

        JsonNode blank = admin.tryOpenCase(wenfeng, 100, " ", "违法建房").json();
        assertEquals("caseNo", blank.get("field").asText());
        assertEquals("字段“caseNo”不能为空", blank.get("detailZh").asText());
        assertTrue(blank.get("detailEn").asText().startsWith("'caseNo' must not be blank"), blank.toString());

        JsonNode type = admin.post("/api/violations", Json.object("townshipId", "文峰镇", "areaM2", 100, "caseNo", "x",
                "description", "x")).json();
        assertEquals("字段“townshipId”的类型或取值无效", type.get("detailZh").asText());

        JsonNode tooLong = admin.tryOpenCase(wenfeng, 100, "x".repeat(65), "x").json();
        assertEquals("字段“caseNo”的长度不能超过 64", tooLong.get("detailZh").asText(), tooLong.toString());

        // a rule: the market holds no suitable indicators for the order — in 公顷 and 亩, not m²
        long application = declaredOutflow(wenfeng, 2_000);
        Response order = enterprise("enterprise_coop").tryOrder(application, 2_000);
        assertEquals("INSUFFICIENT_LISTED_INDICATORS", order.json().get("code").asText(), order.body());
        String zh = order.json().get("detailZh").asText();
        assertTrue(zh.contains("0.2000 公顷（3.0000 亩）") && !zh.contains("m²"), zh);
        assertFalse(order.json().get("detailEn").asText().isBlank());
    }

    @Test
    void refusalsOnceWordedInEnglishOnlyNowSayItInChineseToo() {
        County admin = county();
        Township wenfengOfficer = township("officer_wenfeng");
        long wenfeng = wenfengOfficer.id();
        long gongchang = township("officer_gongchang").id();

        // a lot that is not the applicant's own
        long foreign = acceptedLot("officer_gongchang", gongchang, "旱地", 5_000, 5);
        long own = wenfengOfficer.filesOutflow(OutflowDeclaration.in(wenfeng).withUse("PLANTING_ADJUSTMENT", "果园")
                .withArea(2_000));
        JsonNode notOwn = wenfengOfficer.trySelfRestore(own, foreign, 100).json();
        assertEquals("LOT_NOT_OWN", notOwn.get("code").asText(), notOwn.toString());
        assertEquals("指标批次 " + foreign + " 不是申请主体自有的指标", notOwn.get("detailZh").asText());
        assertEquals("lot " + foreign, notOwn.get("detailEn").asText());
        assertEquals("指标批次 " + foreign + " 不是申请主体自有的指标 / lot " + foreign, notOwn.get("detail").asText());

        // a status that does not allow the action
        long declared = declaredOutflow(wenfeng, 1_000);
        JsonNode early = admin.tryApprove(declared, "同意").json();
        assertEquals("ILLEGAL_TRANSITION", early.get("code").asText(), early.toString());
        String zh = early.get("detailZh").asText();
        assertTrue(zh.startsWith("耕地转出申请已申报，不能批准；可进行的操作：") && zh.contains("审核"), zh);
        assertFalse(zh.contains("DECLARED") || zh.contains("REVIEW"), zh);
        assertTrue(early.get("detailEn").asText()
                .startsWith("cannot APPROVE an outflow application that is DECLARED; allowed: "), early.toString());

        // a fund that cannot pay
        long balance = wenfengOfficer.fundBalance();
        long expense = wenfengOfficer.tryProposeExpense(balance + 100_000, "OTHER", "某工程公司", "复垦工程款").number("id");
        JsonNode poor = admin.tryApproveExpense(expense).json();
        assertEquals("FUND_INSUFFICIENT", poor.get("code").asText(), poor.toString());
        assertTrue(poor.get("detailZh").asText().startsWith("专项资金余额 "), poor.toString());
        assertFalse(poor.get("detailZh").asText().contains("fen"), poor.toString());
        assertTrue(poor.get("detailEn").asText().startsWith("the fund holds " + balance + " fen of which "),
                poor.toString());
        assertEquals(200, wenfengOfficer.post("/api/expenses/" + expense + "/withdraw").status());

        // a lot, an application that is not there: the id in a Chinese sentence, the English as before
        JsonNode missing = admin.get("/api/outflow-applications/987654321").json();
        assertEquals("OUTFLOW_APPLICATION_NOT_FOUND", missing.get("code").asText(), missing.toString());
        assertEquals("耕地转出申请 987654321", missing.get("detailZh").asText());
        assertEquals("outflow application 987654321", missing.get("detailEn").asText());
    }

    @Test
    void aProblemTakesBothPartsFromTheRefusalAndJoinsThemInDetail() {
        Problem closed = Problem.of(new DomainException(ErrorCode.CASE_CLOSED, "案件 陇 / 1 号已办结",
                "case L / 1 is RESOLVED"));
        assertEquals("案件 陇 / 1 号已办结", closed.detailZh(), "a case number holding ' / ' stays whole");
        assertEquals("case L / 1 is RESOLVED", closed.detailEn());
        assertEquals("案件 陇 / 1 号已办结 / case L / 1 is RESOLVED", closed.detail());
        assertEquals("CASE_CLOSED", closed.code());
        assertEquals(ErrorCode.CASE_CLOSED.messageZh(), closed.messageZh());

        Problem onAField = Problem.of(DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2", "面积须为正的整数平方米",
                "area must be a positive whole number of m²"));
        assertEquals("areaM2", onAField.field());
        assertEquals("面积须为正的整数平方米", onAField.detailZh());

        Problem plain = Problem.of(ErrorCode.FORBIDDEN, null);
        assertEquals(ErrorCode.FORBIDDEN.messageZh(), plain.detailZh());
        assertEquals(ErrorCode.FORBIDDEN.messageEn(), plain.detailEn());
        assertEquals(ErrorCode.FORBIDDEN.messageZh() + " / " + ErrorCode.FORBIDDEN.messageEn(), plain.detail());
    }
}
