package cn.landbalance.api.violation;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.County;
import cn.landbalance.api.support.journey.Enterprise;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import cn.landbalance.api.support.journey.Township;
import cn.landbalance.ledger.common.AreaM2;
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

    County county;
    Township gongchang;

    @Test
    void aCaseBeyondTheTownshipsHoldingsBorrowsFromTheCountyReserveAndIsRestoredThenLegalised() {
        county = county();
        gongchang = township("officer_gongchang");
        long countyId = county.id();
        acceptedLot("officer_gongchang", gongchang.id(), "旱地", 1_000, 12);
        long countyReserveLot = tx.executeWrite(s -> ledger.issue(countyId, countyId, 12, false, 2026, null, AreaM2.of(2_000),
                "county-reserve")).id();
        long city = tx.executeRead(s -> regions.findById(countyId).map(Region::parentId).orElseThrow());
        tx.executeWrite(s -> ledger.issue(city, countyId, 12, false, 2026, null, AreaM2.of(500), "city-reserve"));

        long caseId = theCountyFreezesMoreThanTheTownshipHolds();
        restorationGivesBorrowedAreaBackFirst(caseId, countyReserveLot);
        legalisationDeductsTheRest(caseId);
        theTownshipRepaysTheReserveInIndicatorsThenInMoney(caseId);
        aCaseLargerThanEveryReserveRecordsWhatCannotBeFrozen();

        assertEquals(404, township("officer_wenfeng").get("/api/violations/" + caseId).status());
        assertEquals(200, gongchang.get("/api/violations/" + caseId).status());
        assertEquals(403, user("county_viewer").post("/api/violations/" + caseId + "/legalize",
                Json.object("reason", "陇政土〔2026〕8号")).status());
    }

    private long theCountyFreezesMoreThanTheTownshipHolds() {
        Response opened = county.opensCase(gongchang.id(), 2_500, "陇自然资违〔2026〕1号", "擅自占用耕地建设彩钢房");
        assertEquals("OPEN", opened.string("status"));
        assertEquals(2_500, opened.number("frozenM2"));
        assertEquals(1_500, opened.number("owedM2"), "1 000 m² from the township, 1 500 m² borrowed from the county reserve");
        assertEquals(0, opened.number("unsecuredM2"));
        assertEquals(1_000, county.get("/api/townships/" + gongchang.id() + "/inventory").number("frozenM2"));
        assertEquals(409, county.tryOpenCase(gongchang.id(), 1, "陇自然资违〔2026〕1号", "重复").status());
        assertReportAndInvariants(county.id(), 2_500, 0, 0, 1_500);
        return opened.number("id");
    }

    private void restorationGivesBorrowedAreaBackFirst(long caseId, long countyReserveLot) {
        Response unexplained = county.post("/api/violations/" + caseId + "/restore", Json.object("areaM2", 1000));
        assertEquals(400, unexplained.status(), "a restoration gives its reason");
        assertEquals("reason", unexplained.string("field"));
        Response restored = county.tryRestoreCase(caseId, 1000, "拆除复垦");
        assertEquals(200, restored.status(), restored.body());
        assertEquals(1_500, restored.number("frozenM2"));
        assertEquals(500, restored.number("owedM2"), "restoration gives borrowed area back first");
        for (JsonNode f : restored.json().get("frozen")) {
            if (f.get("lotId").asLong() == countyReserveLot) {
                assertEquals(1_000, f.get("unfrozenM2").asLong());
            }
        }
        assertEquals(422, county.tryRestoreCase(caseId, 1501, "拆除复垦").status());
        assertReportAndInvariants(county.id(), 2_500, 1_000, 0, 500);
    }

    private void legalisationDeductsTheRest(long caseId) {
        Response legalised = county.tryLegalise(caseId, "陇政土〔2026〕8号");
        assertEquals("RESOLVED", legalised.string("status"));
        assertEquals(1_500, legalised.number("deductedM2"));
        assertEquals(0, legalised.number("frozenM2"));
        assertEquals(500, legalised.number("owedM2"), "borrowed area deducted for good stays owed to the county reserve");
        assertEquals(1_000, county.get("/api/townships/" + gongchang.id() + "/inventory").number("deductedM2"));
        Response closed = county.tryRestoreCase(caseId, 1, "拆除复垦");
        assertEquals(409, closed.status());
        assertEquals("CASE_CLOSED", closed.string("code"));
        assertReportAndInvariants(county.id(), 2_500, 1_000, 1_500, 500);
    }

    /** 巩昌镇 cannot give back the 500 m² deducted from the county reserve: it repays with equal indicators, then money. */
    private void theTownshipRepaysTheReserveInIndicatorsThenInMoney(long caseId) {
        String repay = "/api/violations/" + caseId + "/repay";
        long newLot = acceptedLot("officer_gongchang", gongchang.id(), "旱地", 400, 10);
        Response tooMuch = county.post(repay, Json.object("method", "INDICATORS", "areaM2", 501, "lotId", newLot));
        assertEquals("REPAYMENT_EXCEEDS_OWED", tooMuch.string("code"));
        Response inKind = county.post(repay, Json.object("method", "INDICATORS", "areaM2", 200, "lotId", newLot));
        assertEquals(200, inKind.status(), inKind.body());
        assertEquals(300, inKind.number("owedM2"));
        Response broke = county.post(repay, Json.object("method", "MONEY", "areaM2", 300));
        assertEquals("FUND_INSUFFICIENT", broke.string("code"), "the fund never goes below zero");
        Enterprise coop = enterprise("enterprise_coop");
        long app = coop.filesOutflow(OutflowDeclaration.in(gongchang.id()));
        Response fee = new Finance(api(), this::login).payFee(app, 1000, "BANK-GC-9", coop.token());
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));
        Response inMoney = county.post(repay, Json.object("method", "MONEY", "areaM2", 300));
        assertEquals(200, inMoney.status(), inMoney.body());
        assertEquals(0, inMoney.number("owedM2"));
        assertEquals(7_500_000 - 2_250_000, county.get("/api/townships/" + gongchang.id() + "/account").number("balanceFen"),
                "300 m² at the guide price of 5万元/亩 = 22 500.00 元");
        assertReportAndInvariants(county.id(), 2_500, 1_000, 1_500, 0);
    }

    private void aCaseLargerThanEveryReserveRecordsWhatCannotBeFrozen() {
        Response huge = county.opensCase(gongchang.id(), 5000, "陇自然资违〔2026〕2号", "擅自挖塘");
        assertEquals(2_400, huge.number("frozenM2"), "巩昌镇's own 200 m² left, then 1 500 m² in the county reserve "
                + "(2 000 less 500 deducted), the 200 m² lot repaid to it, and 500 m² in the city's");
        assertEquals(2_600, huge.number("unsecuredM2"));
    }

    @Test
    void convertingMoreThanApprovedOpensACaseByItself() {
        Township wenfeng = township("officer_wenfeng");
        County admin = county();
        acceptedLot("officer_wenfeng", wenfeng.id(), "旱地", 800, 12);
        Enterprise coop = enterprise("enterprise_coop");
        long app = coop.filesOutflow(OutflowDeclaration.in(wenfeng.id()));
        Response fee = new Finance(api(), this::login).payFee(app, 1000, "BANK-OVER-IMPL", coop.token());
        assertEquals(200, fee.status(), fee.body());
        assertEquals(7_500_000, fee.number("amountFen"));
        coop.tryDeclare(app);
        wenfeng.tryReview(app);
        assertEquals("APPROVED", admin.tryApprove(app, "同意").string("status"));
        Response implemented = admin.post("/api/outflow-applications/" + app + "/implement",
                Json.object("implementedAreaM2", 1300));
        assertEquals(200, implemented.status(), implemented.body());
        assertEquals("IMPLEMENTED", implemented.json().get("application").get("status").asText());
        assertEquals(300, implemented.number("excessM2"));
        Response opened = admin.get("/api/violations/" + implemented.number("excessViolationCaseId"));
        assertEquals("超方案-" + app, opened.string("caseNo"));
        assertEquals(300, opened.number("frozenM2"), "frozen from 文峰镇's own 800 m²");
        assertTrue(admin.get("/api/audit/invariants").json().get("ok").asBoolean());
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
