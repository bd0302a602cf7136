package cn.landbalance.settlement.identity;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The rules for usernames and passwords chosen by a county admin. */
public final class Credentials {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,63}");
    /** bcrypt reads at most 72 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MIN_PASSWORD_LENGTH = 10;

    private Credentials() {
    }

    public static String requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "username",
                    "用户名应为 3-64 个字符，只含字母、数字、“_”“.”“-”，并以字母或数字开头",
                    "3-64 characters: letters, digits, '_', '.', '-'; starting with a letter or digit");
        }
        return username;
    }

    public static String requireValidPassword(String password) {
        return requireValidPassword(password, "password");
    }

    /** The password rules, naming {@code field} in the refusal. */
    public static String requireValidPassword(String password, String field) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "密码至少 " + MIN_PASSWORD_LENGTH + " 个字符", "at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "密码最多 " + MAX_PASSWORD_BYTES + " 字节（UTF-8 编码）",
                    "at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        return password;
    }
}
