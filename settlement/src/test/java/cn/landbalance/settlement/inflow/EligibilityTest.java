package cn.landbalance.settlement.inflow;

import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which land may not become farmland: one row per site fact, with the refusal it gives; the first refusal decides. */
class EligibilityTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "none,                          ''",
            "slope grade 5,                 INFLOW_SLOPE_OVER_25_DEGREES",
            "ecological red line,           INFLOW_ECOLOGICAL_RED_LINE",
            "nature reserve,                INFLOW_NATURE_RESERVE",
            "water source level 1,          INFLOW_WATER_SOURCE_LEVEL1",
            "river lake forest pastoral,    INFLOW_RIVER_LAKE_FOREST_PASTORAL_DESERT",
            "built-up area,                 INFLOW_BUILT_UP_AREA",
            "returned farmland forest,      INFLOW_RETURNED_FARMLAND_FOREST",
            "polluted soil,                 INFLOW_POLLUTED_SOIL",
            "illegal deforestation,         INFLOW_ILLEGAL_DEFORESTATION",
            "slope grade 5 + red line,      INFLOW_SLOPE_OVER_25_DEGREES",
            "built-up area + polluted soil, INFLOW_BUILT_UP_AREA",
    })
    void eachSiteFactRefusesWithItsCodeInOrderOfPrecedence(String facts, String expected) {
        boolean[] f = new boolean[9];
        String[] names = {"slope grade 5", "ecological red line", "red line", "nature reserve", "water source level 1",
                "river lake forest pastoral", "built-up area", "returned farmland forest", "polluted soil", "illegal deforestation"};
        for (String fact : facts.split("\\+")) {
            switch (fact.strip()) {
                case "slope grade 5" -> f[0] = true;
                case "ecological red line", "red line" -> f[1] = true;
                case "nature reserve" -> f[2] = true;
                case "water source level 1" -> f[3] = true;
                case "river lake forest pastoral" -> f[4] = true;
                case "built-up area" -> f[5] = true;
                case "returned farmland forest" -> f[6] = true;
                case "polluted soil" -> f[7] = true;
                case "illegal deforestation" -> f[8] = true;
                case "none" -> { }
                default -> throw new IllegalArgumentException(fact + " not one of " + List.of(names));
            }
        }
        SlopeAreas slopes = f[0] ? new SlopeAreas(100, 0, 0, 0, 50) : SlopeAreas.single(2, 150);
        SiteConstraints site = new SiteConstraints(f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        List<ErrorCode> refusals = Eligibility.refusals(slopes, site);
        if (expected.isEmpty()) {
            assertEquals(List.of(), refusals);
        } else {
            assertEquals(ErrorCode.valueOf(expected), refusals.get(0));
            assertEquals(facts.split("\\+").length, refusals.size(), "every fact is named: " + refusals);
        }
    }
}
