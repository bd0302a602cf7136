package cn.landbalance.api.violation;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Land occupied illegally in 巩昌镇: the county freezes more than the township holds, the shortfall is borrowed
 * from the county reserve, restoration gives back borrowed area first, legalisation deducts the rest; the report
 * and the invariants agree with the ledger after every step.
 */
@MicronautTest(transactional = false)
class ViolationCascadeTest extends ApiTest {
    @Inject
    IndicatorLedger ledger;
    @Inject
    Regions regions;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void aCaseBeyondTheTownshipsHoldingsBorrowsFromTheCountyReserveAndIsRestoredThenLegalised() {
        long county = countyId();
        String admin = login("county_admin");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 1_000, 12);
        long countyReserveLot = tx.executeWrite(s -> ledger.issue(county, county, 12, false, 2026, null, 2_000,
                "county-reserve")).id();
        long city = tx.executeRead(s -> regions.findById(county).map(Region::parentId).orElseThrow());
        tx.executeWrite(s -> ledger.issue(city, county, 12, false, 2026, null, 500, "city-reserve"));

        Response opened = api().post("/api/violations", admin, "{\"townshipId\":" + gongchang
                + ",\"areaM2\":2500,\"caseNo\":\"陇自然资违〔2026〕1号\",\"description\":\"擅自占用耕地建设彩钢房\"}");
        assertEquals(201, opened.status(), opened.body());
        assertEquals("OPEN", opened.string("status"));
        assertEquals(2_500, opened.number("frozenM2"));
        assertEquals(1_500, opened.number("owedM2"), "1 000 m² from the township, 1 500 m² borrowed from the county reserve");
        assertEquals(0, opened.number("unsecuredM2"));
        assertEquals(1_000, api().get("/api/townships/" + gongchang + "/inventory", admin).number("frozenM2"));
        assertEquals(409, api().post("/api/violations", admin, "{\"townshipId\":" + gongchang
                + ",\"areaM2\":1,\"caseNo\":\"陇自然资违〔2026〕1号\",\"description\":\"重复\"}").status());
        assertReportAndInvariants(county, 2_500, 0, 0, 1_500);

        long caseId = opened.number("id");
        Response unexplained = api().post("/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":1000}");
        assertEquals(400, unexplained.status(), "a restoration gives its reason");
        assertEquals("reason", unexplained.string("field"));
        Response restored = api().post("/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":1000,\"reason\":\"拆除复垦\"}");
        assertEquals(200, restored.status(), restored.body());
        assertEquals(1_500, restored.number("frozenM2"));
        assertEquals(500, restored.number("owedM2"), "restoration gives borrowed area back first");
        for (JsonNode f : restored.json().get("frozen")) {
            if (f.get("lotId").asLong() == countyReserveLot) {
                assertEquals(1_000, f.get("unfrozenM2").asLong());
            }
        }
        assertEquals(422, api().post("/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":1501,\"reason\":\"拆除复垦\"}").status());
        assertReportAndInvariants(county, 2_500, 1_000, 0, 500);

        Response legalised = api().post("/api/violations/" + caseId + "/legalize", admin, "{\"reason\":\"陇政土〔2026〕8号\"}");
        assertEquals("RESOLVED", legalised.string("status"));
        assertEquals(1_500, legalised.number("deductedM2"));
        assertEquals(0, legalised.number("frozenM2"));
        assertEquals(500, legalised.number("owedM2"), "borrowed area deducted for good stays owed to the county reserve");
        assertEquals(1_000, api().get("/api/townships/" + gongchang + "/inventory", admin).number("deductedM2"));
        Response closed = api().post("/api/violations/" + caseId + "/restore", admin, "{\"areaM2\":1,\"reason\":\"拆除复垦\"}");
        assertEquals(409, closed.status());
        assertEquals("CASE_CLOSED", closed.string("code"));
        assertReportAndInvariants(county, 2_500, 1_000, 1_500, 500);

        // 巩昌镇 cannot give back the 500 m² deducted from the county reserve: it repays with equal indicators, then money
        long newLot = acceptedLot("officer_gongchang", gongchang, "旱地", 400, 10);
        Response tooMuch = api().post("/api/violations/" + caseId + "/repay", admin,
                "{\"method\":\"INDICATORS\",\"areaM2\":501,\"lotId\":" + newLot + "}");
        assertEquals("REPAYMENT_EXCEEDS_OWED", tooMuch.string("code"));
        Response inKind = api().post("/api/violations/" + caseId + "/repay", admin,
                "{\"method\":\"INDICATORS\",\"areaM2\":200,\"lotId\":" + newLot + "}");
        assertEquals(200, inKind.status(), inKind.body());
        assertEquals(300, inKind.number("owedM2"));
        Response broke = api().post("/api/violations/" + caseId + "/repay", admin, "{\"method\":\"MONEY\",\"areaM2\":300}");
        assertEquals("FUND_INSUFFICIENT", broke.string("code"), "the fund never goes below zero");
        long app = api().post("/api/outflow-applications", login("enterprise_coop"), "{\"townshipId\":" + gongchang
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":1000,\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false}").number("id");
        Response fee = new Finance(api(), this::login).payFee(app, 1000, "BANK-GC-9", login("enterprise_coop"));
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));
        Response inMoney = api().post("/api/violations/" + caseId + "/repay", admin, "{\"method\":\"MONEY\",\"areaM2\":300}");
        assertEquals(200, inMoney.status(), inMoney.body());
        assertEquals(0, inMoney.number("owedM2"));
        assertEquals(7_500_000 - 2_250_000, api().get("/api/townships/" + gongchang + "/account", admin).number("balanceFen"),
                "300 m² at the guide price of 5万元/亩 = 22 500.00 元");
        assertReportAndInvariants(county, 2_500, 1_000, 1_500, 0);

        // a case larger than township, county and city reserves together: what cannot be frozen is recorded
        Response huge = api().post("/api/violations", admin, "{\"townshipId\":" + gongchang
                + ",\"areaM2\":5000,\"caseNo\":\"陇自然资违〔2026〕2号\",\"description\":\"擅自挖塘\"}");
        assertEquals(201, huge.status(), huge.body());
        assertEquals(2_400, huge.number("frozenM2"), "巩昌镇's own 200 m² left, then 1 500 m² in the county reserve "
                + "(2 000 less 500 deducted), the 200 m² lot repaid to it, and 500 m² in the city's");
        assertEquals(2_600, huge.number("unsecuredM2"));

        assertEquals(404, api().get("/api/violations/" + caseId, login("officer_wenfeng")).status());
        assertEquals(200, api().get("/api/violations/" + caseId, login("officer_gongchang")).status());
        assertEquals(403, api().post("/api/violations/" + caseId + "/legalize", login("county_viewer"), "{\"reason\":\"陇政土〔2026〕8号\"}").status());
    }

    @Test
    void convertingMoreThanApprovedOpensACaseByItself() {
        long wenfeng = api().get("/api/me", login("officer_wenfeng")).number("regionId");
        acceptedLot("officer_wenfeng", wenfeng, "旱地", 800, 12);
        String enterprise = login("enterprise_coop");
        long app = api().post("/api/outflow-applications", enterprise, "{\"townshipId\":" + wenfeng
                + ",\"category\":\"AGRI_FACILITY\",\"landClassAfter\":\"设施农用地\",\"areaM2\":1000,\"qualityGrade\":12,"
                + "\"paddy\":false,\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,"
                + "\"highStandardFarmland\":false}").number("id");
        Response fee = new Finance(api(), this::login).payFee(app, 1000, "BANK-OVER-IMPL", enterprise);
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));
        api().post("/api/outflow-applications/" + app + "/declare", enterprise, null);
        api().post("/api/outflow-applications/" + app + "/review", login("officer_wenfeng"), null);
        assertEquals("APPROVED", api().post("/api/outflow-applications/" + app + "/approve", login("county_admin"), "{\"reason\":\"同意\"}")
                .string("status"));
        Response implemented = api().post("/api/outflow-applications/" + app + "/implement", login("county_admin"),
                "{\"implementedAreaM2\":1300}");
        assertEquals(200, implemented.status(), implemented.body());
        assertEquals("IMPLEMENTED", implemented.json().get("application").get("status").asText());
        assertEquals(300, implemented.number("excessM2"));
        Response opened = api().get("/api/violations/" + implemented.number("excessViolationCaseId"), login("county_admin"));
        assertEquals("超方案-" + app, opened.string("caseNo"));
        assertEquals(300, opened.number("frozenM2"), "frozen from 文峰镇's own 800 m²");
        assertTrue(api().get("/api/audit/invariants", login("county_admin")).json().get("ok").asBoolean());
    }

    private void assertReportAndInvariants(long county, long frozen, long unfrozen, long deducted, long owed) {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Response report = api().get("/api/reports/freeze-deduction?countyId=" + county + "&year=" + year, login("county_viewer"));
        assertEquals(200, report.status(), report.body());
        JsonNode totals = report.json().get("totals");
        assertEquals(frozen, totals.get("frozenM2").asLong(), report.body());
        assertEquals(unfrozen, totals.get("unfrozenM2").asLong());
        assertEquals(deducted, totals.get("deductedM2").asLong());
        assertEquals(owed, totals.get("owedM2").asLong());
        long monthFrozen = 0;
        for (JsonNode m : report.json().get("byMonth")) {
            monthFrozen += m.get("frozenM2").asLong();
        }
        assertEquals(frozen, monthFrozen, "the monthly trend adds up to the totals");
        var xlsx = api().download("/api/reports/freeze-deduction?countyId=" + county + "&year=" + year,
                login("county_viewer"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertEquals(200, xlsx.status());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheet("乡镇");
            var totalsRow = sheet.getRow(sheet.getLastRowNum());
            assertEquals("合计", totalsRow.getCell(0).getStringCellValue());
            assertEquals(frozen, (long) totalsRow.getCell(2).getNumericCellValue());
            assertEquals(deducted, (long) totalsRow.getCell(4).getNumericCellValue());
            assertEquals(owed, (long) totalsRow.getCell(5).getNumericCellValue());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        JsonNode invariants = api().get("/api/audit/invariants", login("county_admin")).json();
        assertTrue(invariants.get("ok").asBoolean(), invariants.toString());
    }
}
