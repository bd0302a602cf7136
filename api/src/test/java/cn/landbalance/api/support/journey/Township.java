package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A township's officer, who acts for the township: restores land, lists indicators, reviews its applicants' outflows,
 * delivers fee land, spends the township's fund, and files outflows of its own.
 */
public class Township extends Applicant {
    public Township(ApiClient api, String username, String token) {
        super(api, username, token);
    }

    /** The township's region id. */
    public long id() {
        return me().get("regionId").asLong();
    }

    /** Lists {@code areaM2} of the township's indicators at the price (201); returns the listing's id. */
    public long lists(long areaM2, long pricePerMuFen) {
        return expect(201, tryList(areaM2, pricePerMuFen), "lists " + areaM2 + " m²").number("id");
    }

    public Response tryList(long areaM2, long pricePerMuFen) {
        return post("/api/listings", Json.object("townshipId", id(), "areaM2", areaM2, "pricePerMuFen", pricePerMuFen));
    }

    /** Delivers {@code areaM2} of {@code lot} as the land a fee paid for (201); returns the delivery. */
    public Response deliversFeeLand(long application, long feePayment, long lot, long areaM2) {
        return expect(201, post("/api/outflow-applications/" + application + "/fee-payments/" + feePayment + "/deliveries",
                Json.object("lotId", lot, "areaM2", areaM2)), "delivers fee land of " + application);
    }

    /** Proposes an expense of the township's fund; returns the response. */
    public Response tryProposeExpense(long amountFen, String category, String payeeName, String purpose) {
        return tryProposeExpense(Json.object("amountFen", amountFen, "category", category, "payeeName", payeeName,
                "purpose", purpose));
    }

    /** Proposes an expense of the township's fund as the whole form (with a project, a reference…); returns the response. */
    public Response tryProposeExpense(Json expense) {
        return post("/api/townships/" + id() + "/account/expenses", expense);
    }

    /** Pays an approved expense with the bank's serial and the day the bank paid it; returns the response. */
    public Response tryPayExpense(long expense, String bankSerial, java.time.LocalDate paidOn) {
        return post("/api/expenses/" + expense + "/pay", Json.object("bankSerial", bankSerial, "paidOn", paidOn));
    }

    /** The township's inventory: its lots and what is listed, frozen, consumed. */
    public JsonNode inventory() {
        return get("/api/townships/" + id() + "/inventory").json();
    }

    /** The balance of the township's fund, in fen. */
    public long fundBalance() {
        return get("/api/townships/" + id() + "/account").number("balanceFen");
    }
}
