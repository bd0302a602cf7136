package cn.landbalance.ledger.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Conversions, checked with the seed documents' own numbers. */
class UnitsTest {

    @ParameterizedTest(name = "{0} 公顷 = {1} m²")
    @CsvSource({
            "88.1559, 881559",   // seed 003: total 耕地转进
            "80.1011, 801011",   // seed 003: total 耕地转出
            "1.8755, 18755",
            "0.0001, 1",
            "0.0035, 35",
            "1.3640, 13640",
            "0, 0",
            "12, 120000",
    })
    void hectaresAreWholeSquareMetres(String hectares, long m2) {
        assertEquals(m2, Units.hectaresToM2(hectares));
        assertEquals(new java.math.BigDecimal(hectares).setScale(4).toPlainString(), Units.m2ToHectares(m2));
    }

    @Test
    void finerThanOneSquareMetreOrNegativeIsRefusedNotRounded() {
        assertThrows(DomainException.class, () -> Units.hectaresToM2("0.00005"));
        assertThrows(DomainException.class, () -> Units.hectaresToM2("-1"));
        assertThrows(DomainException.class, () -> Units.hectaresToM2("abc"));
        assertThrows(DomainException.class, () -> Units.hectaresToM2("1000000000000000000"));
    }

    @Test
    void theFeeOf5WanYuanPerMuIs75YuanPerSquareMetre() {
        long feePerMuFen = 5_000_000;
        assertEquals(7_500, Units.amountFen(1, feePerMuFen));                       // 75.00 元/m²
        assertEquals(140_662_500, Units.amountFen(18_755, feePerMuFen));            // 1.8755 公顷 → 1 406 625.00 元
        assertEquals("1406625.00", Units.fenToYuan(Units.amountFen(18_755, feePerMuFen)));
        assertEquals(750_000_00L, Units.amountFen(10_000, feePerMuFen));            // 1 公顷 = 75 万元
    }

    @Test
    void oneMuIsFiftyThousandYuanAfterRoundingOnce() {
        // 1 亩 = 666.67 m², not a whole number of m²: 667 m² at 5万元/亩 is 50 025.00 元, 666 m² is 49 950.00 元
        assertEquals(5_002_500, Units.amountFen(667, 5_000_000));
        assertEquals(4_995_000, Units.amountFen(666, 5_000_000));
        assertEquals("1.0005", Units.m2ToMu(667));
    }

    @Test
    void roundingIsHalfUpOnce() {
        // 1 m² at 1 fen/亩 = 0.0015 fen → 0; 334 m² = 0.501 fen → 1; 333 m² = 0.4995 → 0
        assertEquals(0, Units.amountFen(1, 1));
        assertEquals(1, Units.amountFen(334, 1));
        assertEquals(0, Units.amountFen(333, 1));
    }

    @Test
    void amountsBeyond64BitsAreRefused() {
        assertThrows(DomainException.class, () -> Units.amountFen(Long.MAX_VALUE, 5_000_000));
    }

    @Test
    void theGansuSurplusFactorRoundsUpToWholeSquareMetres() {
        assertEquals(881_113, Units.applyPermilleRoundingUp(801_011, 1100)); // 80.1011 公顷 × 1.10 = 88.11121 → 88.1113
        assertEquals(801_011, Units.applyPermilleRoundingUp(801_011, 1000));
        assertEquals(2, Units.applyPermilleRoundingUp(1, 1100));
    }

    @Test
    void areaAndMoneyRefuseNegativeValues() {
        assertThrows(DomainException.class, () -> AreaM2.of(-1));
        assertThrows(DomainException.class, () -> MoneyFen.of(-1));
        assertThrows(DomainException.class, () -> AreaM2.of(5).minus(AreaM2.of(6)));
        assertEquals("0.0035", AreaM2.ofHectares("0.0035").hectares());
        assertEquals("123.45", MoneyFen.of(12_345).yuan());
    }
}
