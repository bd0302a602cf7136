package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;

/** An enterprise: it converts land and buys the indicators its applications owe. */
public class Enterprise extends Applicant {
    public Enterprise(ApiClient api, String username, String token) {
        super(api, username, token);
    }

    /** Orders {@code areaM2} for the application (201); returns the order with its payment notices. */
    public Response placesOrder(long application, long areaM2) {
        return expect(201, tryOrder(application, areaM2), "orders " + areaM2 + " m² for " + application);
    }

    public Response tryOrder(long application, long areaM2) {
        return post("/api/orders", order(application, areaM2));
    }

    /** The body of an order, for tests that send it themselves (with an idempotency key, from many threads). */
    public static Json order(long application, long areaM2) {
        return Json.object("outflowApplicationId", application, "areaM2", areaM2);
    }

    /** Cancels a waiting order (200); returns it. */
    public Response cancelsOrder(long order) {
        return expect(200, tryCancelOrder(order), "cancels order " + order);
    }

    public Response tryCancelOrder(long order) {
        return post("/api/orders/" + order + "/cancel");
    }
}
