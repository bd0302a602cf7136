package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.Instant;

/**
 * What an organisation tells about itself: its 统一社会信用代码 (checked), its legal representative, a contact person,
 * phone and address. An enterprise keeps its own; the county may correct any of its county's.
 */
public record OrganizationProfile(long orgId, String creditCode, String legalRepresentative, String contactName,
                                  String contactPhone, String address, Instant updatedAt) {
    public static final int MAX_TEXT = 100;

    /** A profile from what was typed, each field checked and named when refused; blank optional fields become null. */
    public static OrganizationProfile of(long orgId, String creditCode, String legalRepresentative, String contactName,
                                         String contactPhone, String address, Instant at) {
        String phone = optional(contactPhone, "contactPhone");
        if (phone != null && !phone.matches("[+0-9][0-9 ()-]{6,24}")) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "contactPhone",
                    "联系电话应为 7 至 25 位数字（可含 +、-、括号）", "a phone number is 7 to 25 digits (+, -, brackets allowed)");
        }
        return new OrganizationProfile(orgId, CreditCode.require(creditCode, "creditCode"),
                optional(legalRepresentative, "legalRepresentative"), optional(contactName, "contactName"), phone,
                optional(address, "address"), at);
    }

    private static String optional(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_TEXT) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "不超过 " + MAX_TEXT + " 字", "at most " + MAX_TEXT + " characters");
        }
        return t;
    }
}
