package cn.landbalance.settlement.rules;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesVersionTest {
    private static RulesVersion v(long id, int fromYear) {
        return new RulesVersion(id, 3, fromYear, CountyRules.defaults(), Instant.EPOCH);
    }

    @Test
    void aYearIsGovernedByTheNewestVersionOfTheLatestYearNotAfterIt() {
        // seed 001: 进出同步 for 2022 (set twice: the second replaces the first from then on), 先进后出 from 2023
        List<RulesVersion> versions = List.of(v(1, 2022), v(2, 2023), v(3, 2022));
        assertEquals(3, RulesVersion.governing(versions, 2022).orElseThrow().id());
        assertEquals(2, RulesVersion.governing(versions, 2023).orElseThrow().id());
        assertEquals(2, RulesVersion.governing(versions, 2030).orElseThrow().id());
        assertEquals(3, RulesVersion.governing(versions, 2019).orElseThrow().id(), "before the first year: the first year's");
        assertTrue(RulesVersion.governing(List.of(), 2022).isEmpty());
    }
}
