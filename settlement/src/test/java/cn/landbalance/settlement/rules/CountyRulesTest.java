package cn.landbalance.settlement.rules;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountyRulesTest {

    @Test
    void defaultsAreThoseOfTheApiContract() {
        CountyRules rules = CountyRules.defaults();
        assertEquals(5_000_000, rules.feePerMuFen());
        assertEquals(1000, rules.surplusFactorPermille());
        assertEquals(Sequencing.INFLOW_FIRST, rules.sequencing());
        assertTrue(rules.declarationOpenOn(LocalDate.of(2026, 7, 1)));
    }

    @Test
    void aRugaoWindowOfJanuaryToFebruaryIsOpenOnlyThen() {
        CountyRules rugao = new CountyRules(5_000_000, 5_000_000, 1000, Sequencing.INFLOW_FIRST, QualityRule.PER_LOT,
                30, List.of(DeclarationWindow.parse("01-01", "02-28", "w")), FeeOnReversal.REFUND);
        assertTrue(rugao.declarationOpenOn(LocalDate.of(2026, 2, 28)));
        assertFalse(rugao.declarationOpenOn(LocalDate.of(2026, 3, 1)));
    }

    @Test
    void aWindowMayWrapTheYearEnd() {
        DeclarationWindow winter = new DeclarationWindow(MonthDay.of(11, 15), MonthDay.of(2, 15));
        assertTrue(winter.contains(LocalDate.of(2026, 12, 31)));
        assertTrue(winter.contains(LocalDate.of(2027, 1, 10)));
        assertFalse(winter.contains(LocalDate.of(2027, 6, 1)));
    }

    @Test
    void impossibleValuesAreRefusedNamingTheField() {
        DomainException e = assertThrows(DomainException.class, () -> new CountyRules(5_000_000, 5_000_000, 999,
                Sequencing.INFLOW_FIRST, QualityRule.PER_LOT, 30, CountyRules.defaults().declarationWindows(),
                FeeOnReversal.REFUND));
        assertEquals("surplusFactorPermille", e.field());
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        DomainException window = assertThrows(DomainException.class,
                () -> DeclarationWindow.parse("02-30", "03-01", "declarationWindows[2]"));
        assertEquals("declarationWindows[2].from", window.field());
        assertEquals(ErrorCode.DECLARATION_WINDOW_INVALID, window.code());
    }
}
