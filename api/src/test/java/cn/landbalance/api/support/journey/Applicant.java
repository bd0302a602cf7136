package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.ApiClient;
import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.Json;

/** Whoever applies to convert farmland: an enterprise, or a township for its own projects. */
public class Applicant extends Actor {
    private static final String APPLICATIONS = "/api/outflow-applications";

    public Applicant(ApiClient api, String username, String token) {
        super(api, username, token);
    }

    /** Files the application (201, a draft) and returns its id. */
    public long filesOutflow(OutflowDeclaration form) {
        return expect(201, tryFileOutflow(form), "files " + form).number("id");
    }

    public Response tryFileOutflow(OutflowDeclaration form) {
        return post(APPLICATIONS, form.toJson());
    }

    /** Files the application (201) and declares it (200); returns its id. */
    public long declaresOutflow(OutflowDeclaration form) {
        long id = filesOutflow(form);
        declares(id);
        return id;
    }

    /** Declares a filed application (200); returns the application. */
    public Response declares(long application) {
        return expect(200, tryDeclare(application), "declares application " + application);
    }

    public Response tryDeclare(long application) {
        return post(APPLICATIONS + "/" + application + "/declare");
    }

    /** Covers {@code areaM2} of the application's obligation from its own {@code lot} (200); returns the application. */
    public Response selfRestores(long application, long lot, long areaM2) {
        return expect(200, trySelfRestore(application, lot, areaM2), "self-restores for " + application);
    }

    public Response trySelfRestore(long application, long lot, long areaM2) {
        return post(APPLICATIONS + "/" + application + "/self-restore", Json.object("lotId", lot, "areaM2", areaM2));
    }
}
