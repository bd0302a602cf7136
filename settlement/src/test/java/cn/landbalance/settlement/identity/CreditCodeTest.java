package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 统一社会信用代码 as GB 32100-2015 checks it, and a profile's fields as typed. */
class CreditCodeTest {
    @Test
    void realCodesPassAndTheirCheckCharacterIsComputed() {
        for (String code : new String[]{"91350100M000100Y43", "91110000600037341L", "911100001000128855", "91310000132149237G"}) {
            assertEquals(code, CreditCode.require(code, "creditCode"));
        }
        assertEquals("91350100M000100Y43", CreditCode.require(" 91350100m000100y43 ", "creditCode"), "spaces and case as typed");
    }

    @Test
    void aWrongCharacterLengthOrCheckIsRefusedNamingTheField() {
        for (String code : new String[]{null, "", "91350100M000100Y4", "91350100M000100Y44", "91350100M000100O43", "9135010OM000100Y43",
                "91350100M000100Y43X"}) {
            DomainException e = assertThrows(DomainException.class, () -> CreditCode.require(code, "creditCode"), String.valueOf(code));
            assertEquals("creditCode", e.field());
        }
        DomainException check = assertThrows(DomainException.class, () -> CreditCode.require("91350100M000100Y44", "creditCode"));
        assertTrue(check.detailZh().contains("校验位"), check.detailZh());
    }

    @Test
    void aProfileKeepsWhatWasTypedAndRefusesABadPhone() {
        OrganizationProfile p = OrganizationProfile.of(7, "91350100M000100Y43", " 张三 ", "李四", "0932-1234567", "", Instant.EPOCH);
        assertEquals("张三", p.legalRepresentative());
        assertNull(p.address());
        assertEquals("contactPhone", assertThrows(DomainException.class, () -> OrganizationProfile.of(7, "91350100M000100Y43", null,
                null, "call me", null, Instant.EPOCH)).field());
        assertEquals("contactName", assertThrows(DomainException.class, () -> OrganizationProfile.of(7, "91350100M000100Y43", null,
                "名".repeat(101), null, null, Instant.EPOCH)).field());
    }
}
