package cn.landbalance.api.error;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refusal's detail comes in both languages (detailZh, detailEn) with areas in 公顷 and money in 元, so the Chinese
 * screen never shows an English sentence with raw units under its Chinese headline.
 */
@MicronautTest(transactional = false)
class ProblemDetailsInBothLanguagesTest extends ApiTest {
    @Test
    void validationTypeAndRuleRefusalsAreWordedInBothLanguages() {
        String admin = login("county_admin");
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");

        JsonNode blank = api().post("/api/violations", admin, "{\"townshipId\":" + wenfeng
                + ",\"areaM2\":100,\"caseNo\":\" \",\"description\":\"违法建房\"}").json();
        assertEquals("caseNo", blank.get("field").asText());
        assertEquals("字段“caseNo”不能为空", blank.get("detailZh").asText());
        assertTrue(blank.get("detailEn").asText().startsWith("'caseNo' must not be blank"), blank.toString());

        JsonNode type = api().post("/api/violations", admin, "{\"townshipId\":\"文峰镇\",\"areaM2\":100,\"caseNo\":\"x\","
                + "\"description\":\"x\"}").json();
        assertEquals("字段“townshipId”的类型或取值无效", type.get("detailZh").asText());

        JsonNode tooLong = api().post("/api/violations", admin, "{\"townshipId\":" + wenfeng + ",\"areaM2\":100,\"caseNo\":\""
                + "x".repeat(65) + "\",\"description\":\"x\"}").json();
        assertEquals("字段“caseNo”的长度不能超过 64", tooLong.get("detailZh").asText(), tooLong.toString());

        // a rule: the market holds no suitable indicators for the order — in 公顷 and 亩, not m²
        long application = declaredOutflow(wenfeng, 2_000);
        Response order = api().post("/api/orders", login("enterprise_coop"), "{\"outflowApplicationId\":" + application
                + ",\"areaM2\":2000}");
        assertEquals("INSUFFICIENT_LISTED_INDICATORS", order.json().get("code").asText(), order.body());
        String zh = order.json().get("detailZh").asText();
        assertTrue(zh.contains("0.2000 公顷（3.0000 亩）") && !zh.contains("m²"), zh);
        assertFalse(order.json().get("detailEn").asText().isBlank());
    }

    @Test
    void aDetailIsSplitAtItsSeparatorOnlyWhenChineseComesFirst() {
        assertArrayEquals(new String[]{"费用不足 1 分", "the fee rounds to 0 fen"}, Problem.split("费用不足 1 分 / the fee rounds to 0 fen"));
        assertArrayEquals(new String[]{null, "format is pdf / xlsx"}, Problem.split("format is pdf / xlsx"));
        assertArrayEquals(new String[]{"当前密码不正确", null}, Problem.split("当前密码不正确"));
        assertArrayEquals(new String[]{null, "lot 7 (巩昌镇) has 30 m² left"}, Problem.split("lot 7 (巩昌镇) has 30 m² left"));
        assertArrayEquals(new String[]{"案件 陇 / 1 号已办结", "case 陇 / 1 is closed".replace("陇", "L")},
                Problem.split("案件 陇 / 1 号已办结 / case L / 1 is closed"), "a case number holding the separator");
    }
}
