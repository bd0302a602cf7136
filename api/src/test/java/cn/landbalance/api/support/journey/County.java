package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;

/** The county's administrator: sets the rules, decides applications, accepts restored land, handles violations. */
public class County extends Actor {
    public County(ApiClient api, String username, String token) {
        super(api, username, token);
    }

    /** The county's region id. */
    public long id() {
        return me().get("countyId").asLong();
    }

    /** Sets the county's rules (200). */
    public Response setsRules(CharSequence rules) {
        return expect(200, api.put("/api/counties/" + id() + "/rules", token(), rules), "sets the rules");
    }

    /** Approves an application with the reason (200); returns it. */
    public Response approves(long application, String reason) {
        return expect(200, tryApprove(application, reason), "approves application " + application);
    }

    public Response tryApprove(long application, String reason) {
        return post("/api/outflow-applications/" + application + "/approve", Json.object("reason", reason));
    }

    /** Rejects an application with the reason (200); returns it. */
    public Response rejects(long application, String reason) {
        return expect(200, tryReject(application, reason), "rejects application " + application);
    }

    public Response tryReject(long application, String reason) {
        return post("/api/outflow-applications/" + application + "/reject", Json.object("reason", reason));
    }

    /** Accepts a submitted inflow project at the quality grade (200); returns the new lot's id. */
    public long acceptsProject(long project, int qualityGrade) {
        return expect(200, tryAcceptProject(project, qualityGrade), "accepts project " + project).number("lotId");
    }

    public Response tryAcceptProject(long project, int qualityGrade) {
        return post("/api/inflow-projects/" + project + "/accept", Json.object("qualityGrade", qualityGrade));
    }

    /** Approves a township's proposed expense of its fund, with no note; returns the response. */
    public Response tryApproveExpense(long expense) {
        return post("/api/expenses/" + expense + "/approve", Json.object());
    }

    /** Approves a township's proposed expense with the note; returns the response. */
    public Response tryApproveExpense(long expense, String note) {
        return post("/api/expenses/" + expense + "/approve", Json.object("note", note));
    }

    /** Rejects a township's proposed expense with the reason; returns the response. */
    public Response tryRejectExpense(long expense, String reason) {
        return post("/api/expenses/" + expense + "/reject", Json.object("reason", reason));
    }

    /** Opens a violation case freezing {@code areaM2} in the township (201); returns the case. */
    public Response opensCase(long township, long areaM2, String caseNo, String description) {
        return expect(201, tryOpenCase(township, areaM2, caseNo, description), "opens case " + caseNo);
    }

    public Response tryOpenCase(long township, long areaM2, String caseNo, String description) {
        return post("/api/violations", Json.object("townshipId", township, "areaM2", areaM2, "caseNo", caseNo,
                "description", description));
    }

    /** Gives back {@code areaM2} of a case's frozen land, restored, for the reason; returns the response. */
    public Response tryRestoreCase(long caseId, long areaM2, String reason) {
        return post("/api/violations/" + caseId + "/restore", Json.object("areaM2", areaM2, "reason", reason));
    }

    /** Legalises the rest of a case, deducting what is still frozen; returns the response. */
    public Response tryLegalise(long caseId, String reason) {
        return post("/api/violations/" + caseId + "/legalize", Json.object("reason", reason));
    }
}
