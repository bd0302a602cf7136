package cn.landbalance.api.error;

import cn.landbalance.api.support.ApiClient.Response;
import cn.landbalance.api.support.ApiTest;
import cn.landbalance.api.support.Finance;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated corpus of bad requests against every write endpoint: each field of a valid body in turn replaced by
 * values of the wrong type, negative, zero, beyond 64 bits, 10⁹ 公顷, too long, unicode-mangled or injection-shaped;
 * then broken paths, queries and bodies. Every one must be answered 4xx with problem+json (no 5xx, no stack trace,
 * no SQL) and change nothing: the county's ledgers, listings, cases, applications, rules, users and funds read the
 * same before and after.
 */
@MicronautTest(transactional = false)
class BadInputCorpusTest extends ApiTest {
    enum Kind { ID, AREA, MONEY, INT, TEXT, ENUM, BOOL, DATE }

    record Field(String name, Kind kind, int min, int max) {
        static Field of(String name, Kind kind) {
            return new Field(name, kind, 1, kind == Kind.TEXT ? 200 : Integer.MAX_VALUE);
        }

        static Field text(String name, int maxLength) {
            return new Field(name, Kind.TEXT, 1, maxLength);
        }

        static Field range(String name, int min, int max) {
            return new Field(name, Kind.INT, min, max);
        }
    }

    record Endpoint(String method, String path, String user, Map<String, String> valid, List<Field> fields) {
    }

    record Case(String name, String method, String path, String user, String body, String contentType) {
    }

    private static final String SITE = "{\"ecologicalRedLine\":false,\"natureReserve\":false,\"waterSourceLevel1\":false,"
            + "\"riverLakeForestPastoralDesert\":false,\"builtUpArea\":false,\"returnedFarmlandForest\":false,"
            + "\"pollutedSoil\":false,\"illegalDeforestation\":false}";

    private final Map<String, String> tokens = new LinkedHashMap<>();

    private String token(String user) {
        return tokens.computeIfAbsent(user, this::login);
    }

    @TestFactory
    Stream<DynamicTest> everyBadRequestIsRefusedAndChangesNothing() {
        long county = countyId();
        long township = api().get("/api/me", token("officer_gongchang")).number("regionId");
        acceptedLot("officer_gongchang", township, "旱地", 20_000, 10);
        long org = api().get("/api/me", token("enterprise_coop")).number("orgId");
        long app = api().post("/api/outflow-applications", token("enterprise_coop"), "{\"townshipId\":" + township
                + ",\"category\":\"GREENING\",\"landClassAfter\":\"乔木林地\",\"areaM2\":1000,\"qualityGrade\":12,\"paddy\":false,"
                + "\"permanentBasicFarmland\":false,\"plannedConstructionLand\":false,\"highStandardFarmland\":false}").number("id");
        api().post("/api/outflow-applications/" + app + "/declare", token("enterprise_coop"), null);
        long project = api().post("/api/inflow-projects", token("officer_gongchang"), inflowBody(township)).number("id");
        api().post("/api/inflow-projects/" + project + "/submit", token("officer_gongchang"), null);
        Response notice = api().post("/api/outflow-applications/" + app + "/fee-notices", token("enterprise_coop"),
                "{\"areaM2\":10}");
        assertEquals(201, notice.status(), notice.body());

        List<Case> cases = new ArrayList<>();
        for (Endpoint e : endpoints(county, township, org, app, project, notice.json())) {
            for (Field f : e.fields()) {
                for (String bad : badValues(f)) {
                    Map<String, String> body = new LinkedHashMap<>(e.valid());
                    if (bad == null) {
                        body.remove(f.name());
                    } else {
                        body.put(f.name(), bad);
                    }
                    cases.add(new Case(e.method() + " " + e.path() + " " + f.name() + "=" + abbreviate(bad), e.method(),
                            e.path(), e.user(), json(body), "application/json"));
                }
            }
        }
        cases.addAll(brokenRequests(county, township, app));
        assertTrue(cases.size() >= 300, "the corpus has " + cases.size() + " requests");

        String before = countySnapshot(token("county_admin"), county, township);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Response r = api().send(c.method(), c.path(), c.user() == null ? null : token(c.user()), c.body(), c.contentType());
            assertTrue(r.status() >= 400 && r.status() < 500, () -> c.name() + " → " + r.status() + " " + r.body());
            assertTrue(r.isProblem(), () -> "not problem+json: " + r);
            assertTrue(r.string("messageZh") != null && r.string("title") != null, r::body);
            String lower = r.body().toLowerCase();
            assertFalse(lower.contains("exception") || lower.contains("select ") || lower.contains("at cn.landbalance"), r::body);
            assertEquals(before, countySnapshot(token("county_admin"), county, township), () -> c.name() + " changed something");
        }));
    }

    private List<Endpoint> endpoints(long county, long township, long org, long app, long project,
                                     com.fasterxml.jackson.databind.JsonNode notice) {
        String t = Long.toString(township);
        return List.of(
                new Endpoint("POST", "/api/organizations", "county_admin",
                        map("name", "\"某农业公司\"", "kind", "\"ENTERPRISE\"", "regionId", Long.toString(county)),
                        List.of(Field.text("name", 128), Field.of("kind", Kind.ENUM), Field.of("regionId", Kind.ID))),
                new Endpoint("POST", "/api/users", "county_admin",
                        map("username", "\"new_user\"", "password", "\"secret-123\"", "role", "\"ENTERPRISE\"", "orgId", Long.toString(org)),
                        List.of(Field.text("username", 64), Field.text("password", 200), Field.of("role", Kind.ENUM), Field.of("orgId", Kind.ID))),
                new Endpoint("PUT", "/api/counties/" + county + "/rules", "county_admin",
                        map("feePerMuFen", "5000000", "guidePricePerMuFen", "5000000", "surplusFactorPermille", "1000",
                                "sequencing", "\"INFLOW_FIRST\"", "qualityRule", "\"PER_LOT\"", "paymentTermWorkingDays", "10",
                                "declarationWindows", "[{\"from\":\"01-01\",\"to\":\"12-31\"}]"),
                        List.of(Field.of("feePerMuFen", Kind.MONEY), Field.of("guidePricePerMuFen", Kind.MONEY),
                                Field.range("surplusFactorPermille", 1000, 3000), Field.of("sequencing", Kind.ENUM),
                                Field.of("qualityRule", Kind.ENUM), Field.range("paymentTermWorkingDays", 1, 60))),
                new Endpoint("POST", "/api/inflow-projects", "officer_gongchang", parse(inflowBody(township)),
                        List.of(Field.of("townshipId", Kind.ID), Field.text("village", 200), Field.text("landClassBefore", 200),
                                Field.of("targetClass", Kind.ENUM), Field.of("ownership", Kind.ENUM), Field.range("slopeGrade", 1, 5),
                                Field.of("areaM2", Kind.AREA))),
                new Endpoint("POST", "/api/inflow-projects/" + project + "/accept", "county_admin", map("qualityGrade", "10"),
                        List.of(Field.range("qualityGrade", 1, 15))),
                new Endpoint("POST", "/api/outflow-applications", "enterprise_coop",
                        map("townshipId", t, "category", "\"GREENING\"", "landClassAfter", "\"乔木林地\"", "areaM2", "1000",
                                "qualityGrade", "12", "paddy", "false", "permanentBasicFarmland", "false",
                                "plannedConstructionLand", "false", "highStandardFarmland", "false"),
                        List.of(Field.of("townshipId", Kind.ID), Field.of("category", Kind.ENUM), Field.text("landClassAfter", 100),
                                Field.of("areaM2", Kind.AREA), Field.range("qualityGrade", 1, 15), Field.of("paddy", Kind.BOOL),
                                Field.of("permanentBasicFarmland", Kind.BOOL))),
                new Endpoint("POST", "/api/outflow-applications/" + app + "/fee-notices", "enterprise_coop",
                        map("areaM2", "100"), List.of(Field.of("areaM2", Kind.AREA))),
                new Endpoint("POST", "/api/payment-notices/" + notice.get("id").asLong() + "/confirm", "officer_gongchang",
                        map("bankSerial", "\"FEE-CORPUS\"", "receivedOn", "\"" + Finance.issuedOn(notice) + "\"",
                                "amountFen", Long.toString(notice.get("amountFen").asLong()), "payerName", "\"某企业\""),
                        List.of(Field.text("bankSerial", 128), Field.of("receivedOn", Kind.DATE), Field.of("amountFen", Kind.MONEY))),
                new Endpoint("POST", "/api/listings", "officer_gongchang",
                        map("townshipId", t, "areaM2", "1000", "pricePerMuFen", "5000000"),
                        List.of(Field.of("townshipId", Kind.ID), Field.of("areaM2", Kind.AREA), Field.of("pricePerMuFen", Kind.MONEY))),
                new Endpoint("POST", "/api/orders", "enterprise_coop",
                        map("outflowApplicationId", Long.toString(app), "areaM2", "10"),
                        List.of(Field.of("outflowApplicationId", Kind.ID), Field.of("areaM2", Kind.AREA))),
                new Endpoint("POST", "/api/townships/" + township + "/account/expenses", "officer_gongchang",
                        map("amountFen", "100", "category", "\"OTHER\"", "payeeName", "\"某工程公司\"", "purpose",
                                "\"复垦工程款\"", "reference", "\"EXP-1\""),
                        List.of(Field.of("amountFen", Kind.MONEY), Field.of("category", Kind.ENUM),
                                Field.text("payeeName", 200), Field.text("purpose", 500))),
                new Endpoint("POST", "/api/violations", "county_admin",
                        map("townshipId", t, "areaM2", "100", "caseNo", "\"CASE-CORPUS\"", "description", "\"违法占地\""),
                        List.of(Field.of("townshipId", Kind.ID), Field.of("areaM2", Kind.AREA), Field.text("caseNo", 64),
                                Field.text("description", 500))),
                new Endpoint("PUT", "/api/counties/" + county + "/assessment-plans/2026", "county_admin",
                        map("basePoints", "100", "maxBonusPoints", "10", "tasks", "[{\"townshipId\":" + t + ",\"taskM2\":100}]"),
                        List.of(Field.range("basePoints", 1, 1000), Field.range("maxBonusPoints", 0, 1000))),
                new Endpoint("POST", "/api/auth/login", null, map("username", "\"county_admin\"", "password", "\"wrong\""),
                        List.of(Field.text("username", 64), Field.text("password", 200))));
    }

    /** Values no field of that kind accepts; null means "leave the field out". */
    private static List<String> badValues(Field f) {
        List<String> common = List.of("[]", "{}", "\"' or 1=1 --\"");
        List<String> values = new ArrayList<>();
        switch (f.kind()) {
            case ID, AREA, MONEY -> {
                values.addAll(List.of("-1", "0", "1.5", "\"12\"", "1e400", "99999999999999999999", "9223372036854775808",
                        "-9223372036854775809", "true", "null"));
                values.add(null);
                if (f.kind() == Kind.AREA) {
                    values.add("10000000000000"); // 10⁹ 公顷
                }
            }
            case INT -> values.addAll(List.of(Integer.toString(f.min() - 1), Long.toString((long) f.max() + 1), "2.5", "\"7\"",
                    "2147483648", "1e400", "null"));
            case TEXT -> {
                values.addAll(List.of("\"\"", "\"   \"", "\"" + "长".repeat(f.max() + 1) + "\"", "123", "true", "null",
                        "\"a\\u0000b\"", "\"\\ud800\"", "\"\\u0007bell\""));
                values.add(null);
            }
            case ENUM -> values.addAll(List.of("\"BOGUS\"", "\"'; drop table region; --\"", "\"<script>alert(1)</script>\"",
                    "1", "null", "\"\\u202eGREENING\"", "\"greening \""));
            case BOOL -> values.addAll(List.of("\"yes\"", "1", "\"true\"", "null"));
            case DATE -> {
                values.addAll(List.of("\"2026-02-30\"", "\"2026-13-01\"", "\"01/12/2026\"", "\"today\"", "\"\"", "20261201",
                        "\"2999-01-01\"", "\"1999-01-01\"", "true", "null"));
                values.add(null);
            }
        }
        if (f.kind() != Kind.BOOL && f.kind() != Kind.TEXT) {
            values.addAll(common);
        } else if (f.kind() == Kind.TEXT) {
            values.addAll(List.of("[]", "{}")); // injection-shaped text is legitimate text, stored as such
        }
        return values;
    }

    private List<Case> brokenRequests(long county, long township, long app) {
        String huge = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<Case> c = new ArrayList<>();
        String[][] raw = {
                {"POST", "/api/organizations", "county_admin", "{\"name\":\"x\",", "application/json"},
                {"POST", "/api/organizations", "county_admin", "", "application/json"},
                {"POST", "/api/organizations", "county_admin", "null", "application/json"},
                {"POST", "/api/organizations", "county_admin", "[1,2,3]", "application/json"},
                {"POST", "/api/organizations", "county_admin", "\"just a string\"", "application/json"},
                {"POST", "/api/organizations", "county_admin", deep, "application/json"},
                {"POST", "/api/organizations", "county_admin", huge, "application/json"},
                {"POST", "/api/organizations", "county_admin", "<xml/>", "application/xml"},
                {"POST", "/api/organizations", "county_admin", "name=x", "application/x-www-form-urlencoded"},
                {"POST", "/api/orders", "enterprise_coop", "{\"outflowApplicationId\":" + app + ",\"areaM2\":10,\"areaM2\":-5}", "application/json"},
                {"GET", "/api/outflow-applications/1%20or%201=1", "enterprise_coop", null, null},
                {"GET", "/api/outflow-applications/-1", "enterprise_coop", null, null},
                {"GET", "/api/outflow-applications/99999999999999999999", "enterprise_coop", null, null},
                {"GET", "/api/orders/abc", "enterprise_coop", null, null},
                {"POST", "/api/payment-notices/0/confirm", "officer_gongchang", "{\"bankSerial\":\"x\",\"receivedOn\":\"2026-01-01\",\"amountFen\":1}", "application/json"},
                {"POST", "/api/orders/99999/cancel", "enterprise_coop", null, null},
                {"GET", "/api/townships/abc/inventory", "officer_gongchang", null, null},
                {"GET", "/api/townships/" + township + "%27%3B/inventory", "officer_gongchang", null, null},
                {"GET", "/api/listings?countyId=1;drop%20table%20region", "enterprise_coop", null, null},
                {"GET", "/api/listings?countyId=" + county + "&size=0", "enterprise_coop", null, null},
                {"GET", "/api/listings?countyId=" + county + "&size=100000", "enterprise_coop", null, null},
                {"GET", "/api/listings?countyId=" + county + "&page=-1", "enterprise_coop", null, null},
                {"GET", "/api/reports/freeze-deduction?countyId=" + county + "&year=abc", "county_admin", null, null},
                {"GET", "/api/reports/annual-balance?countyId=" + county + "&year=99999999999", "county_admin", null, null},
                {"GET", "/api/reports/funds?countyId=%00", "county_admin", null, null},
                {"GET", "/api/reports/market?countyId=" + county + "&year=1999", "county_admin", null, null},
                {"GET", "/api/reports/assessment?countyId=-1", "county_admin", null, null},
                {"GET", "/api/counties/" + county + "/fee-quote?areaM2=10000000000000", "enterprise_coop", null, null},
                {"GET", "/api/counties/" + county + "/fee-quote?areaMu=-3", "enterprise_coop", null, null},
                {"GET", "/api/counties/" + county + "/fee-quote?areaMu=1e9999", "enterprise_coop", null, null},
                {"GET", "/api/townships/" + township + "/account/statement?from=2026-02-30", "officer_gongchang", null, null},
                {"GET", "/api/townships/" + township + "/account/statement?from=2026-12-31&to=2026-01-01", "officer_gongchang", null, null},
                {"POST", "/api/townships/" + township + "/account/reconciliations", "officer_gongchang", "date,amount,reference,counterparty\n2026-01-01,abc,R,x\n", "text/csv"},
                {"POST", "/api/townships/" + township + "/account/reconciliations", "officer_gongchang", "date,amount,reference,counterparty\n2026-01-01,1.001,R,x\n", "text/csv"},
                {"POST", "/api/townships/" + township + "/account/reconciliations", "officer_gongchang", "date,amount,reference,counterparty\n2026-01-01,99999999999999999999,R,x\n", "text/csv"},
                {"POST", "/api/townships/" + township + "/account/reconciliations", "officer_gongchang", "\u0000\u0001binary\u0002", "text/csv"},
                {"POST", "/api/imports/inflow?countyId=" + county + "&year=2022", "county_admin", "\u0000PK\u0003\u0004", "text/csv"},
                {"POST", "/api/imports/inflow?countyId=" + county + "&year=2022", "county_admin", "", "text/csv"},
                {"POST", "/api/imports/outflow?countyId=" + county + "&year=2022&qualityGrade=99", "county_admin", "a,b\n", "text/csv"},
                {"POST", "/api/imports/outflow?countyId=" + county + "&year=2022", "county_admin", "{\"json\":true}", "application/json"},
                {"POST", "/api/imports/outflow?countyId=" + county + "&year=2022&qualityGrade=12", "county_admin", "PK\u0003\u0004not a zip at all", "text/csv"},
                {"POST", "/api/imports/outflow?countyId=" + county + "&year=2022&qualityGrade=12", "county_admin", "\u00D0\u00CF\u0011\u00E0old xls", "application/octet-stream"},
                {"POST", "/api/imports/outflow?countyId=" + county + "&year=2022&qualityGrade=12", "county_admin", "乡镇,地类,坡度1级,坡度2级,坡度3级,坡度4级,坡度5级,权属,面积\n碧岩镇,果园,99999999999999999999,,,,,集体,99999999999999999999\n", "text/csv"},
                {"POST", "/api/imports/outflow/preview?countyId=" + county + "&qualityGrade=12", "county_admin", "乡镇,地类,坡度1级,坡度2级,坡度3级,坡度4级,坡度5级,权属,面积\n碧岩镇,果园,1,,,,,集体,1\n", "text/csv"},
                {"POST", "/api/imports/outflow/preview?countyId=" + county + "&year=2022", "county_admin", "乡镇,地类,坡度1级,坡度2级,坡度3级,坡度4级,坡度5级,权属,面积(亩)\n碧岩镇,果园,1,,,,,集体,1\n", "text/csv"},
                {"POST", "/api/imports/bogus?countyId=" + county + "&year=2022", "county_admin", "a,b\n", "text/csv"},
                {"POST", "/api/counties/" + county + "/place-names", "county_admin", "{\"formerName\":\"\",\"townshipId\":1}", "application/json"},
                {"POST", "/api/townships/" + township + "/account/bank-lines/999999/book", "officer_gongchang", "{\"bookedAs\":\"INTEREST\",\"reason\":\"x\"}", "application/json"},
                {"POST", "/api/townships/" + township + "/account/bank-lines/999999/book", "officer_gongchang", "{\"bookedAs\":\"GIFT\",\"reason\":\"x\"}", "application/json"},
                {"POST", "/api/violations/99999/restore", "county_admin", "{\"areaM2\":1,\"reason\":\"拆除复垦\"}", "application/json"},
                {"POST", "/api/violations/abc/legalize", "county_admin", null, null},
                {"POST", "/api/outflow-applications/" + app + "/explode", "enterprise_coop", null, null},
                {"DELETE", "/api/outflow-applications/" + app, "enterprise_coop", null, null},
                {"PATCH", "/api/counties/" + county + "/rules", "county_admin", "{}", "application/json"},
                {"GET", "/api/audit/invariants", null, null, null},
                {"POST", "/api/listings", null, "{\"townshipId\":" + township + ",\"areaM2\":1,\"pricePerMuFen\":5000000}", "application/json"},
        };
        for (String[] r : raw) {
            c.add(new Case(r[0] + " " + abbreviate(r[1]) + " " + abbreviate(r[3]), r[0], r[1], r[2], r[3], r[4]));
        }
        return c;
    }


    private static String inflowBody(long township) {
        return "{\"townshipId\":" + township + ",\"village\":\"西关村\",\"landClassBefore\":\"其他林地\",\"targetClass\":\"旱地\","
                + "\"ownership\":\"集体\",\"slopeGrade\":2,\"areaM2\":5000,\"constraints\":" + SITE + "}";
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The top-level fields of a flat JSON template, values kept as raw JSON. */
    private static Map<String, String> parse(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().toString()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        return m;
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "(absent)";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
