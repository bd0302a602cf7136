package cn.landbalance.api.assessment;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Fixtures;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county sets the year's points and the tasks the city assigned, and reads the assessment of its townships on
 * Longxi's 2022 plan (seed 001 五1): self-balanced → base score, short → proportional deduction, beyond the task →
 * bonus.
 */
@MicronautTest(transactional = false)
class CountyAssessesTownshipsTest extends ApiTest {

    @Test
    void townshipsAreScoredOnTheirOwnBalanceAndTheirTask() {
        long county = countyId();
        String admin = login("county_admin");
        assertEquals(200, api().put("/api/counties/" + county + "/rules", admin, Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"))
                .status());
        String query = "?countyId=" + county + "&year=2022&qualityGrade=14";
        assertEquals(56, api().send("POST", "/api/imports/inflow" + query, admin, Fixtures.longxiInflow(), "text/csv")
                .number("imported"));
        String outflow = Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv").replace("双泉乡", "双泉镇");
        assertEquals(200, api().send("POST", "/api/imports/outflow" + query, admin, outflow, "text/csv").status());

        // before any plan: the defaults, 100 base points and up to 10 bonus points, no tasks
        Response defaults = api().get("/api/counties/" + county + "/assessment-plans/2022", login("officer_gongchang"));
        assertEquals(200, defaults.status(), defaults.body());
        assertEquals(100, defaults.number("basePoints"));
        assertEquals(0, defaults.json().get("tasks").size());

        Map<String, JsonNode> balance = byName(api().get("/api/counties/" + county + "/balance?year=2022", admin)
                .json().get("townships"));
        JsonNode gongchang = balance.get("巩昌镇");
        JsonNode biyan = balance.get("碧岩镇");
        assertTrue(gongchang.get("inflowM2").asLong() >= gongchang.get("obligationM2").asLong());
        assertTrue(biyan.get("inflowM2").asLong() < biyan.get("obligationM2").asLong(), "碧岩镇 cannot balance alone");
        long gongchangInflow = gongchang.get("inflowM2").asLong();
        // 巩昌镇's task is two thirds of what it restored: its surplus is half the task → half the bonus
        long gongchangTask = gongchangInflow * 2 / 3;
        long biyanTask = 1_000;
        Response saved = api().put("/api/counties/" + county + "/assessment-plans/2022", admin,
                plan(100, task(gongchang.get("townshipId").asLong(), gongchangTask),
                        task(biyan.get("townshipId").asLong(), biyanTask)));
        assertEquals(200, saved.status(), saved.body());

        Response report = api().get("/api/reports/assessment?countyId=" + county + "&year=2022", login("county_viewer"));
        assertEquals(200, report.status(), report.body());
        Map<String, JsonNode> scores = byName(report.json().get("townships"));
        assertEquals(17, scores.size());
        int self = 0;
        for (JsonNode t : scores.values()) {
            JsonNode b = balance.get(t.get("name").asText());
            long obligation = b.get("obligationM2").asLong();
            long inflow = b.get("inflowM2").asLong();
            assertEquals(obligation, t.get("obligationM2").asLong());
            assertEquals(inflow, t.get("inflowM2").asLong());
            long shortfall = b.get("shortfallM2").asLong();
            assertEquals(shortfall, t.get("shortfallM2").asLong(), "the assessment reads the one year's balance");
            if (shortfall == 0) {
                self++;
                assertEquals("BALANCED", t.get("standing").asText());
                assertPoints(BigDecimal.ZERO, t.get("deduction"));
            } else {
                assertEquals("SHORTFALL", t.get("standing").asText());
                BigDecimal expected = BigDecimal.valueOf(100L * shortfall)
                        .divide(BigDecimal.valueOf(obligation), 2, RoundingMode.HALF_UP);
                assertPoints(expected, t.get("deduction"));
            }
            assertPoints(t.get("baseScore").decimalValue().subtract(t.get("deduction").decimalValue())
                    .add(t.get("bonus").decimalValue()), t.get("score"));
        }
        assertEquals(self, report.number("balanced"));
        assertEquals(17 - self, report.number("shortfall"));

        JsonNode g = scores.get("巩昌镇");
        assertEquals(gongchangTask, g.get("taskM2").asLong());
        assertEquals(gongchangInflow - gongchangTask, g.get("surplusOverTaskM2").asLong());
        BigDecimal halfBonus = BigDecimal.valueOf(10L * (gongchangInflow - gongchangTask))
                .divide(BigDecimal.valueOf(gongchangTask), 2, RoundingMode.HALF_UP);
        assertPoints(halfBonus, g.get("bonus"));
        assertTrue(halfBonus.compareTo(new BigDecimal("4.99")) >= 0 && halfBonus.compareTo(new BigDecimal("5.01")) <= 0);
        // 碧岩镇 restored more than its small task, so it earns the whole bonus even though it is short on its own duty
        JsonNode b = scores.get("碧岩镇");
        assertPoints(new BigDecimal("10"), b.get("bonus"));
        assertEquals("SHORTFALL", b.get("standing").asText());
        // a township without an outflow and without a task: the base score, no more
        JsonNode anyOther = scores.values().stream().filter(t -> t.get("obligationM2").asLong() == 0
                && t.get("taskM2").asLong() == 0).findFirst().orElse(null);
        if (anyOther != null) {
            assertPoints(new BigDecimal("100"), anyOther.get("score"));
        }

        var xlsx = api().download("/api/reports/assessment?countyId=" + county + "&year=2022", admin,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, xlsx.status());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheet("考核");
            assertEquals(1 + 17, sheet.getPhysicalNumberOfRows());
            for (int r = 1; r <= 17; r++) {
                var row = sheet.getRow(r);
                JsonNode t = scores.get(row.getCell(0).getStringCellValue());
                assertEquals(t.get("score").decimalValue().doubleValue(), row.getCell(10).getNumericCellValue(), 0.001);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPlanThatNoCountyCouldMeanIsRefusedAndChangesNothing() {
        long county = countyId();
        String admin = login("county_admin");
        String path = "/api/counties/" + county + "/assessment-plans/2023";
        long township = api().get("/api/regions?parentId=" + county, admin).json().get(0).get("id").asLong();
        Json task = task(township, 100);

        Response twice = api().put(path, admin, plan(100, task, task));
        assertEquals(400, twice.status(), twice.body());
        assertEquals("tasks[1].townshipId", twice.json().get("field").asText());
        Response foreign = api().put(path, admin, plan(100, task(county, 100)));
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("TOWNSHIP_NOT_FOUND", foreign.json().get("code").asText());
        assertEquals(400, api().put(path, admin, plan(0)).status());
        assertEquals(400, api().put(path, admin, plan(100, task(township, -5))).status());
        assertEquals(403, api().put(path, login("county_viewer"), plan(100)).status());
        assertEquals(403, api().get("/api/reports/assessment?countyId=" + county, login("officer_gongchang")).status());

        Response unchanged = api().get(path, admin);
        assertEquals(100, unchanged.number("basePoints"));
        assertEquals(0, unchanged.json().get("tasks").size());
    }

    /** Points compare by value: the JSON number 5.70 reads back as 5.7. */
    private static void assertPoints(BigDecimal expected, JsonNode actual) {
        assertEquals(0, expected.compareTo(actual.decimalValue()), "expected " + expected + " but was " + actual);
    }

    private static Map<String, JsonNode> byName(JsonNode rows) {
        Map<String, JsonNode> map = new HashMap<>();
        rows.forEach(r -> map.put(r.get("name").asText(), r));
        return map;
    }

    /** An assessment plan: {@code basePoints}, up to 10 bonus points, the townships' tasks. */
    private static Json plan(int basePoints, Json... tasks) {
        return Json.object("basePoints", basePoints, "maxBonusPoints", 10, "tasks", Json.array((Object[]) tasks));
    }

    private static Json task(long township, long taskM2) {
        return Json.object("townshipId", township, "taskM2", taskM2);
    }
}
