package cn.landbalance.api.fund;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.Enterprise;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payers forget the remittance code and pay twice. A line without a code settles the one open notice with its amount
 * and payer (the bank's 户名 written with other spaces and brackets), but only when nothing else could be meant: two
 * notices of the same payer and amount leave the line open for finance. A second payment of a paid notice stays open
 * with the reason, and finance books it as a refund: received and paid back, the fund unchanged; the bank's refund
 * line on the next statement matches the refund.
 */
@MicronautTest(transactional = false)
class PaymentsWithoutACodeTest extends ApiTest {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Test
    void aLineWithoutACodeSettlesTheOneNoticeItCanOnlyMeanAndADuplicatePaymentIsRefunded() {
        String officer = login("officer_gongchang");
        String enterprise = login("enterprise_coop");
        long gongchang = api().get("/api/me", officer).number("regionId");
        acceptedLot("officer_gongchang", gongchang, "旱地", 5_000, 10);
        assertEquals(201, api().post("/api/listings", officer, Json.object("townshipId", gongchang, "areaM2", 4000,
                "pricePerMuFen", 5_300_000)).status());
        long single = declaredOutflow(gongchang, 300);
        long twin = declaredOutflow(gongchang, 400);
        JsonNode alone = order(single, 300, enterprise);
        JsonNode first = order(twin, 200, enterprise);
        JsonNode second = order(twin, 200, enterprise);
        assertEquals(first.get("amountFen").asLong(), second.get("amountFen").asLong());
        String payer = alone.get("payerName").asText();
        String written = payer.replace("(", "（").replace(")", "）").replaceFirst("(.{2})", "$1 ");
        long fundBefore = fund(gongchang, officer);
        String path = "/api/townships/" + gongchang + "/account/reconciliations?fileName=nocode.csv";

        String csv = "交易日期,交易流水号,收入金额,支出金额,对方户名,摘要\n"
                + TODAY + ",NC-1," + yuan(alone.get("amountFen").asLong()) + ",," + written + ",指标款\n"
                + TODAY + ",NC-2," + yuan(first.get("amountFen").asLong()) + ",," + payer + ",指标款\n";
        Response run = api().upload(path, officer, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, run.status(), run.body());
        assertEquals(1, run.json().get("settled").size(), "only the line that can mean one notice: " + run.body());
        JsonNode settled = run.json().get("settled").get(0);
        assertTrue(settled.get("paid").asBoolean(), settled.toString());
        assertEquals("AMOUNT_AND_PAYER", settled.get("basis").asText());
        assertEquals(alone.get("remittanceCode").asText(), settled.get("remittanceCode").asText());
        assertEquals("SETTLED", api().get("/api/orders/" + alone.get("orderId").asLong(), enterprise).string("status"));
        assertEquals("PENDING_PAYMENT", api().get("/api/orders/" + first.get("orderId").asLong(), enterprise).string("status"));
        assertEquals("PENDING_PAYMENT", api().get("/api/orders/" + second.get("orderId").asLong(), enterprise).string("status"),
                "two notices of that payer and amount: finance decides");

        // the payer pays the settled notice again, quoting its code: the line stays open with the reason
        String again = TODAY + ",NC-3," + yuan(alone.get("amountFen").asLong()) + ",," + payer + ",缴款识别码"
                + alone.get("remittanceCode").asText() + "\n";
        Response duplicate = api().upload(path, officer, (csv + again).getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, duplicate.status(), duplicate.body());
        JsonNode refused = null;
        for (JsonNode s : duplicate.json().get("settled")) {
            if (s.get("remittanceCode").asText().equals(alone.get("remittanceCode").asText())) {
                refused = s;
            }
        }
        assertTrue(refused != null && !refused.get("paid").asBoolean() && refused.get("refusal").asText().contains("重复缴款"),
                duplicate.body());
        long fundAfterSale = fund(gongchang, officer);
        assertEquals(fundBefore + alone.get("amountFen").asLong(), fundAfterSale, "the order's money once");

        Response refund = api().post("/api/townships/" + gongchang + "/account/bank-lines/" + refused.get("lineId").asLong()
                + "/book", officer, Json.object("bookedAs", "REFUND", "reason", "重复缴款，原路退回"));
        assertEquals(200, refund.status(), refund.body());
        assertEquals("BOOKED", refund.string("status"));
        assertEquals("REFUND", refund.string("bookedAs"));
        assertEquals(fundAfterSale, fund(gongchang, officer), "received and paid back: the fund is as it was");
        Response outOfPlace = api().post("/api/townships/" + gongchang + "/account/bank-lines/" + refused.get("lineId").asLong()
                + "/book", officer, Json.object("bookedAs", "REFUND", "reason", "again"));
        assertEquals(409, outOfPlace.status(), "a line is booked once");
        String interest = TODAY + ",INT-9,12.34,,,结息\n";
        Response withInterest = api().upload(path, officer, (csv + again + interest).getBytes(StandardCharsets.UTF_8), "text/csv");
        assertEquals(200, withInterest.status(), withInterest.body());
        long interestLine = -1;
        for (JsonNode line : api().get("/api/townships/" + gongchang + "/account/bank-lines?status=OPEN", officer).json()) {
            if ("INT-9".equals(line.get("reference").asText())) {
                interestLine = line.get("id").asLong();
            }
        }
        Response noPayer = api().post("/api/townships/" + gongchang + "/account/bank-lines/" + interestLine + "/book", officer,
                Json.object("bookedAs", "REFUND", "reason", "x"));
        assertEquals(400, noPayer.status(), "no payer, no refund: " + noPayer.body());
        assertEquals("bookedAs", noPayer.string("field"));

        // the bank's refund appears on the next statement and matches the refund booked
        String bankRefund = TODAY + ",RF-1,," + yuan(alone.get("amountFen").asLong()) + "," + payer + ",退款 NC-3\n";
        Response next = api().upload(path, officer, (csv + again + interest + bankRefund).getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertEquals(200, next.status(), next.body());
        boolean refundMatched = false;
        for (JsonNode m : next.json().get("matched")) {
            refundMatched |= "RF-1".equals(m.get("bank").get("reference").asText());
        }
        assertTrue(refundMatched, next.body());
        JsonNode invariants = api().get("/api/audit/invariants", login("county_admin")).json();
        assertTrue(invariants.get("ok").asBoolean(), invariants.toString());
    }

    private JsonNode order(long application, long areaM2, String enterprise) {
        Response order = api().post("/api/orders", enterprise, Enterprise.order(application, areaM2));
        assertEquals(201, order.status(), order.body());
        return order.json().get("notices").get(0);
    }

    private static String yuan(long fen) {
        return "\"" + String.format("%,d.%02d", fen / 100, fen % 100) + "\"";
    }

    private long fund(long township, String officer) {
        return api().get("/api/townships/" + township + "/account", officer).number("balanceFen");
    }
}
