package cn.landbalance.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The township finance officer's side of a payment, as tests need it: money is never declared by the payer; a notice is
 * paid when the payee township's officer confirms it with the bank's serial. {@code tokenOf} logs in a user by name.
 */
public final class Finance {
    /** The demo county's township officers, who confirm their township's notices. */
    private static final List<String> OFFICERS = List.of("officer_gongchang", "officer_wenfeng", "officer_shouyang");
    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private final ApiClient api;
    private final Function<String, String> tokenOf;
    private final Map<Long, String> officerOfTownship = new HashMap<>();

    public Finance(ApiClient api, Function<String, String> tokenOf) {
        this.api = api;
        this.tokenOf = tokenOf;
    }

    /** The token of the demo officer of the township (the township's finance). */
    public String officerOf(long townshipId) {
        if (officerOfTownship.isEmpty()) {
            for (String officer : OFFICERS) {
                officerOfTownship.put(api.get("/api/me", tokenOf.apply(officer)).number("regionId"), officer);
            }
        }
        String officer = officerOfTownship.get(townshipId);
        if (officer == null) {
            throw new AssertionError("no demo officer for township " + townshipId);
        }
        return tokenOf.apply(officer);
    }

    /**
     * Confirms every open notice of the order as its township's finance, the money received on the day the notice was
     * issued, with {@code bankSerial} (suffixed "-1", "-2"… when the order has several notices); returns the order as its
     * buyer then sees it (read with {@code buyerToken}).
     */
    public ApiClient.Response settleOrder(long orderId, String bankSerial, String buyerToken) {
        JsonNode notices = api.get("/api/orders/" + orderId, buyerToken).json().get("notices");
        int i = 0;
        for (JsonNode notice : notices) {
            i++;
            if (!"OPEN".equals(notice.get("status").asText())) {
                continue;
            }
            String serial = notices.size() == 1 ? bankSerial : bankSerial + "-" + i;
            ApiClient.Response confirmed = confirm(notice, serial, officerOf(notice.get("townshipId").asLong()));
            if (confirmed.status() != 200) {
                return confirmed;
            }
        }
        return api.get("/api/orders/" + orderId, buyerToken);
    }

    /** Confirms one notice (its JSON as listed) with the given serial, as {@code officerToken}. */
    public ApiClient.Response confirm(JsonNode notice, String bankSerial, String officerToken) {
        return confirm(notice, bankSerial, notice.get("amountFen").asLong(), issuedOn(notice), officerToken);
    }

    /**
     * Confirms one notice as {@code officerToken} with what finance read off the receipt, which need not be what the
     * notice asks (a wrong amount, a day in the future…).
     */
    public ApiClient.Response confirm(JsonNode notice, String bankSerial, long amountFen, LocalDate receivedOn,
                                      String officerToken) {
        return api.post("/api/payment-notices/" + notice.get("id").asLong() + "/confirm", officerToken,
                Json.object("bankSerial", bankSerial, "receivedOn", receivedOn, "amountFen", amountFen,
                        "payerName", notice.get("payerName").asText()));
    }

    /** Asks for a fee notice for {@code areaM2} of the application as {@code payerToken}: 201 with the notice, or the refusal. */
    public ApiClient.Response feeNotice(long applicationId, long areaM2, String payerToken) {
        return api.post("/api/outflow-applications/" + applicationId + "/fee-notices", payerToken,
                Json.object("areaM2", areaM2));
    }

    /**
     * The fee for {@code areaM2} of the application, asked by {@code payerToken} and confirmed by the home township's
     * finance with {@code bankSerial}. Returns the confirmation (the paid notice), or the refusal of either step.
     */
    public ApiClient.Response payFee(long applicationId, long areaM2, String bankSerial, String payerToken) {
        ApiClient.Response notice = feeNotice(applicationId, areaM2, payerToken);
        if (notice.status() != 201) {
            return notice;
        }
        return confirm(notice.json(), bankSerial, officerOf(notice.number("townshipId")));
    }

    /**
     * Money out of a township's fund as it now goes: the township's officer proposes an expense (OTHER, or for an
     * inflow project), the county admin approves it, the officer pays it with {@code bankSerial} today. Returns the
     * payment, or the refusal of whichever step refused.
     */
    public ApiClient.Response spend(long townshipId, long amountFen, String bankSerial) {
        String officer = officerOf(townshipId);
        ApiClient.Response proposed = api.post("/api/townships/" + townshipId + "/account/expenses", officer,
                Json.object("amountFen", amountFen, "category", "OTHER", "payeeName", "某工程公司", "purpose", "复垦工程款"));
        if (proposed.status() != 201) {
            return proposed;
        }
        long id = proposed.number("id");
        ApiClient.Response approved = api.post("/api/expenses/" + id + "/approve", tokenOf.apply("county_admin"), Json.object());
        if (approved.status() != 200) {
            return approved;
        }
        return api.post("/api/expenses/" + id + "/pay", officer,
                Json.object("bankSerial", bankSerial, "paidOn", LocalDate.now(COUNTY_ZONE)));
    }

    /** The day the notice was issued, in the county's time. */
    public static LocalDate issuedOn(JsonNode notice) {
        return Instant.parse(notice.get("issuedAt").asText()).atZone(COUNTY_ZONE).toLocalDate();
    }
}
