package cn.landbalance.api.security;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import cn.landbalance.api.support.journey.OutflowDeclaration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A township government declares outflows only in its own township (its obligation is balanced from its own lots and
 * its fee goes to its own fund); an enterprise may declare anywhere in its county.
 */
@MicronautTest(transactional = false)
class TownshipOutflowsStayHomeTest extends ApiTest {
    /** An orchard (果园) of 1 000 m² in the township, for {@code applicant} (an organisation's id) when given. */
    private static Json outflow(long township, Long applicant) {
        OutflowDeclaration form = OutflowDeclaration.in(township).withUse("PLANTING_ADJUSTMENT", "果园");
        return (applicant == null ? form : form.with("applicantOrgId", applicant)).toJson();
    }

    @Test
    void aTownshipOfficerDeclaresOnlyInItsOwnTownship() {
        String officer = login("officer_wenfeng");
        long wenfeng = api().get("/api/me", officer).number("regionId");
        long wenfengGovernment = api().get("/api/me", officer).number("orgId");
        long gongchang = api().get("/api/me", login("officer_gongchang")).number("regionId");
        String before = api().get("/api/outflow-applications?size=500", login("county_admin")).body();

        Response elsewhere = api().post("/api/outflow-applications", officer, outflow(gongchang, null));
        assertEquals(422, elsewhere.status(), elsewhere.body());
        assertEquals("OUTFLOW_OUTSIDE_OWN_TOWNSHIP", elsewhere.string("code"));
        assertEquals("townshipId", elsewhere.string("field"));
        Response onBehalf = api().post("/api/outflow-applications", login("county_admin"),
                outflow(gongchang, wenfengGovernment));
        assertEquals("OUTFLOW_OUTSIDE_OWN_TOWNSHIP", onBehalf.string("code"), "nor may the county file it for them");
        assertEquals(before, api().get("/api/outflow-applications?size=500", login("county_admin")).body());

        assertEquals(201, api().post("/api/outflow-applications", officer, outflow(wenfeng, null)).status());
        assertEquals(201, api().post("/api/outflow-applications", login("enterprise_coop"), outflow(gongchang, null)).status());
        assertEquals(201, api().post("/api/outflow-applications", login("enterprise_coop"), outflow(wenfeng, null)).status(),
                "an enterprise converts land wherever in the county");
    }
}
