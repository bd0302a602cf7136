package cn.landbalance.api.support;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Longxi's 2022 plan in the demo county, and the county's self-balance and 调剂 over it. */
public final class LongxiYear {
    private LongxiYear() {
    }

    /**
     * Sets Gansu's rules (1 100‰, 进出同步, guide price 5万元/亩) and imports both 2022 tables (grade 14); the caller
     * restores the county's rules afterwards.
     */
    public static void imported(ApiClient api, long county, String adminToken) {
        assertEquals(200, api.put("/api/counties/" + county + "/rules", adminToken, Fixtures.gansuRules(5_000_000, "SYNCHRONOUS"))
                .status());
        String query = "?countyId=" + county + "&year=2022&qualityGrade=14";
        ApiClient.Response inflow = api.send("POST", "/api/imports/inflow" + query, adminToken, Fixtures.longxiInflow(), "text/csv");
        assertEquals(200, inflow.status(), inflow.body());
        ApiClient.Response outflow = api.send("POST", "/api/imports/outflow" + query, adminToken,
                Fixtures.resource("/longxi/longxi-2022-zhuanchu.csv"), "text/csv");
        assertEquals(200, outflow.status(), outflow.body());
    }

    /** The body confirming every line of a proposal as proposed. */
    public static Json confirmAll(String scope, String compensation, JsonNode proposal) {
        return confirmAll(2022, scope, compensation, proposal);
    }

    /** The body confirming every line of the {@code year}'s proposal as proposed. */
    public static Json confirmAll(int year, String scope, String compensation, JsonNode proposal) {
        java.util.List<Json> lines = new java.util.ArrayList<>();
        for (JsonNode l : proposal.get("lines")) {
            lines.add(Json.object("lotId", l.get("lotId").asLong(), "applicationId", l.get("applicationId").asLong(),
                    "areaM2", l.get("areaM2").asLong()));
        }
        return Json.object("year", year, "scope", scope, "compensation", compensation, "lines", lines);
    }
}
