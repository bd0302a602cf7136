package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A logged-in user of the demo county in a journey test: every method sends one real request (or the few a step
 * takes) through {@link ApiClient} with this user's token. The naming rule of the journey DSL: a method named after
 * what the user does ({@code declaresOutflow}, {@code approves}) expects the step to succeed, fails the test with the
 * response body otherwise, and returns an id or the response; its {@code try…} twin returns the raw response, for
 * tests of refusals. Nothing else is asserted on the way.
 */
public class Actor {
    protected final ApiClient api;
    private final String username;
    private final String token;
    private JsonNode me;

    public Actor(ApiClient api, String username, String token) {
        this.api = api;
        this.username = username;
        this.token = token;
    }

    /** The demo user's name ({@code enterprise_coop}, {@code officer_gongchang}, {@code county_admin}…). */
    public String name() {
        return username;
    }

    /** The bearer token, for what the DSL does not cover. */
    public String token() {
        return token;
    }

    /** {@code GET /api/me} as this user, read once. */
    public JsonNode me() {
        if (me == null) {
            me = get("/api/me").json();
        }
        return me;
    }

    /** The user's organisation. */
    public long orgId() {
        return me().get("orgId").asLong();
    }

    public Response get(String path) {
        return api.get(path, token);
    }

    public Response post(String path, Json body) {
        return api.post(path, token, body);
    }

    /** A POST without a body. */
    public Response post(String path) {
        return api.post(path, token, null);
    }

    public Response put(String path, Json body) {
        return api.put(path, token, body);
    }

    /**
     * Files an inflow project (201): a township's officer for the township, the county admin for the county's own
     * reserve. Returns its id.
     */
    public long filesProject(RestorationProject project) {
        return expect(201, tryFileProject(project), "files " + project).number("id");
    }

    public Response tryFileProject(RestorationProject project) {
        return post("/api/inflow-projects", project.toJson());
    }

    /** Submits a filed inflow project for acceptance; returns the response (the test asserts what it expects). */
    public Response trySubmitProject(long project) {
        return post("/api/inflow-projects/" + project + "/submit");
    }

    /** An outflow application as this user sees it (200, or 404 when it is not this user's to see). */
    public Response application(long application) {
        return get("/api/outflow-applications/" + application);
    }

    /**
     * Reviews and reports a declared application (200): the township's officer does, or the county admin for the
     * township; returns the application.
     */
    public Response reviews(long application) {
        return expect(200, tryReview(application), "reviews application " + application);
    }

    public Response tryReview(long application) {
        return post("/api/outflow-applications/" + application + "/review");
    }

    /** {@code response} when it has {@code status}; else the test fails naming the step and the body. */
    protected Response expect(int status, Response response, String step) {
        if (response.status() != status) {
            throw new AssertionError(username + " " + step + ": expected " + status + ", got " + response.status()
                    + " " + response.body());
        }
        return response;
    }
}
