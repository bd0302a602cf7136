package cn.landbalance.api.rules;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Json;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CountyRulesTest extends ApiTest {
    private static final Json GANSU = Json.object("feePerMuFen", 5_000_000, "guidePricePerMuFen", 4_500_000,
            "surplusFactorPermille", 1100, "sequencing", "SYNCHRONOUS", "qualityRule", "WEIGHTED_AVERAGE",
            "paymentTermWorkingDays", 15, "declarationWindows", Json.array(Json.object("from", "01-01", "to", "01-31"),
                    Json.object("from", "11-15", "to", "02-15")));

    @Test
    void aNewCountyHasTheContractDefaults() {
        Response rules = api().get("/api/counties/" + countyId() + "/rules", login("enterprise_coop"));
        assertEquals(200, rules.status());
        assertEquals(5_000_000, rules.number("feePerMuFen"));
        assertEquals(1000, rules.number("surplusFactorPermille"));
        assertEquals("INFLOW_FIRST", rules.string("sequencing"));
        assertEquals("PER_LOT", rules.string("qualityRule"));
        assertEquals(10, rules.number("paymentTermWorkingDays"));
    }

    @Test
    void theCountyAdminAdoptsTheGansuRuleAndEveryoneInTheCountySeesIt() {
        long county = countyId();
        Response put = api().put("/api/counties/" + county + "/rules", login("county_admin"), GANSU);
        assertEquals(200, put.status(), put.body());
        Response seen = api().get("/api/counties/" + county + "/rules", login("officer_wenfeng"));
        assertEquals(1100, seen.number("surplusFactorPermille"));
        assertEquals(4_500_000, seen.number("guidePricePerMuFen"));
        assertEquals("WEIGHTED_AVERAGE", seen.string("qualityRule"));
        assertEquals(2, seen.json().get("declarationWindows").size());
        assertEquals("11-15", seen.json().get("declarationWindows").get(1).get("from").asText());
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "surplusFactorPermille | 999          | VALIDATION_FAILED          | surplusFactorPermille",
            "surplusFactorPermille | 3001         | VALIDATION_FAILED          | surplusFactorPermille",
            "feePerMuFen           | 0            | VALIDATION_FAILED          | feePerMuFen",
            "feePerMuFen           | -5           | VALIDATION_FAILED          | feePerMuFen",
            "guidePricePerMuFen    | 10000000001  | VALIDATION_FAILED          | guidePricePerMuFen",
            "paymentTermWorkingDays | 0           | VALIDATION_FAILED          | paymentTermWorkingDays",
            "paymentTermWorkingDays | 61          | VALIDATION_FAILED          | paymentTermWorkingDays",
            "sequencing            | \"LATER\"    | INVALID_FIELD              | sequencing",
            "qualityRule           | 7            | INVALID_FIELD              | qualityRule",
            "feePerMuFen           | \"lots\"     | INVALID_FIELD              | feePerMuFen",
            "feePerMuFen           | 99999999999999999999999 | INVALID_FIELD  | feePerMuFen",
            "feePerMuFen           | null         | MISSING_FIELD              | feePerMuFen",
            "declarationWindows    | []           | VALIDATION_FAILED          | declarationWindows",
            "declarationWindows    | [{\"from\":\"13-01\",\"to\":\"12-31\"}] | DECLARATION_WINDOW_INVALID | declarationWindows[0].from",
            "declarationWindows    | [{\"from\":\"02-30\",\"to\":\"12-31\"}] | DECLARATION_WINDOW_INVALID | declarationWindows[0].from",
            "declarationWindows    | [{\"from\":\"01-01\",\"to\":\"1-5\"}]   | DECLARATION_WINDOW_INVALID | declarationWindows[0].to",
    })
    void badRulesAreRefusedNamingTheFieldAndChangeNothing(String field, String value, String code, String namedField) {
        long county = countyId();
        String admin = login("county_admin");
        String before = api().get("/api/counties/" + county + "/rules", admin).body();
        Json body = GANSU.with(field, Json.parse(value));
        Response response = api().put("/api/counties/" + county + "/rules", admin, body);
        assertEquals(400, response.status(), body + " -> " + response.body());
        assertTrue(response.isProblem());
        assertEquals(code, response.string("code"), response.body());
        assertEquals(namedField, response.string("field"), response.body());
        assertEquals(before, api().get("/api/counties/" + county + "/rules", admin).body());
    }

    @Test
    void anUnknownCountyIs404() {
        assertEquals(404, api().get("/api/counties/987654/rules", login("county_admin")).status());
        long township = api().get("/api/regions?parentId=" + countyId(), login("county_admin")).json().get(0).get("id").asLong();
        assertEquals(404, api().get("/api/counties/" + township + "/rules", login("county_admin")).status());
    }
}
