package cn.landbalance.ledger.common;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refusal carries its detail in Chinese and in English; areas in messages read as 公顷 with 亩. */
class BilingualRefusalTest {

    @Test
    void aRefusalCarriesBothLanguagesAndLogsInEnglish() {
        DomainException e = new DomainException(ErrorCode.LOT_NOT_FOUND, "指标批次 5", "lot 5");
        assertEquals(ErrorCode.LOT_NOT_FOUND, e.code());
        assertNull(e.field());
        assertEquals("指标批次 5", e.detailZh());
        assertEquals("lot 5", e.detailEn());
        assertEquals("lot 5", e.getMessage());
    }

    @Test
    void aRefusalAboutAFieldNamesIt() {
        DomainException e = DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2", "面积须为正的整数平方米",
                "area must be a positive whole number of m²");
        assertEquals("areaM2", e.field());
        assertEquals("面积须为正的整数平方米", e.detailZh());
        assertEquals("area must be a positive whole number of m²", e.getMessage());
    }

    @Test
    void withoutADetailTheCodesOwnMessagesAreTheDetail() {
        DomainException plain = new DomainException(ErrorCode.FORBIDDEN);
        assertEquals(ErrorCode.FORBIDDEN.messageZh(), plain.detailZh());
        assertEquals(ErrorCode.FORBIDDEN.messageEn(), plain.detailEn());
        assertEquals(ErrorCode.FORBIDDEN.messageEn(), plain.getMessage());

        DomainException onAField = DomainException.field(ErrorCode.CURRENT_PASSWORD_WRONG, "currentPassword");
        assertEquals("currentPassword", onAField.field());
        assertEquals("当前密码不正确。", onAField.detailZh());
        assertEquals("The current password is wrong.", onAField.detailEn());
    }

    @Test
    void thereIsNoWayToGiveADetailInOneLanguageOnly() {
        Set<List<Class<?>>> constructors = Arrays.stream(DomainException.class.getConstructors())
                .map(Constructor::getParameterTypes).map(List::of).collect(Collectors.toSet());
        assertEquals(Set.of(List.of(ErrorCode.class), List.of(ErrorCode.class, String.class, String.class)), constructors,
                "(code) and (code, detailZh, detailEn) only: a (code, detail) call must not compile");
        Set<List<Class<?>>> factories = Arrays.stream(DomainException.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getName().equals("field"))
                .map(Method::getParameterTypes).map(List::of).collect(Collectors.toSet());
        assertEquals(Set.of(List.of(ErrorCode.class, String.class),
                        List.of(ErrorCode.class, String.class, String.class, String.class)), factories,
                "field(code, field) and field(code, field, detailZh, detailEn) only");
    }

    @Test
    void aRefusalNeedsItsCode() {
        assertThrows(NullPointerException.class, () -> new DomainException(null, "中文", "English"));
    }

    @Test
    void areasReadAsHectaresWithMu() {
        assertEquals("0.5000 公顷（7.5000 亩）", Units.areaZh(5_000));
        assertEquals("0.5000 ha (7.5000 mu)", Units.areaEn(5_000));
        assertEquals("1.8755 公顷（28.1325 亩）", Units.areaZh(18_755));
        assertEquals("0.0001 ha (0.0015 mu)", Units.areaEn(1));
        assertEquals("0.0000 公顷（0.0000 亩）", Units.areaZh(0));
    }

    @Test
    void unitRefusalsSayTheSameInChinese() {
        DomainException finer = assertThrows(DomainException.class, () -> Units.hectaresToM2("1.00001"));
        assertTrue(finer.detailZh().startsWith("公顷数最多 4 位小数"), finer.detailZh());
        assertTrue(finer.detailEn().startsWith("hectares have more than 4 decimals"), finer.detailEn());
        DomainException negative = assertThrows(DomainException.class, () -> new AreaM2(-5_000));
        assertEquals("面积不能为负数：-0.5000 公顷（-7.5000 亩）", negative.detailZh());
        assertEquals("area must not be negative: -5000", negative.detailEn());
    }
}
