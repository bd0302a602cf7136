package cn.landbalance.ledger.common;

/**
 * The one list of rejection codes. Each code has a kind (which fixes its HTTP status, mapped once in
 * the api module) and a message in English and Chinese. Codes are stable: clients match on them.
 */
public enum ErrorCode {
    // 400: the request itself is malformed
    MALFORMED_JSON(Kind.MALFORMED, "The request body is not valid JSON.", "请求体不是有效的 JSON。"),
    MALFORMED_REQUEST(Kind.MALFORMED, "The request is malformed.", "请求格式错误。"),
    INVALID_FIELD(Kind.MALFORMED, "A field has a value of the wrong type or outside the allowed set.", "字段的类型或取值无效。"),
    MISSING_FIELD(Kind.MALFORMED, "A required field is missing.", "缺少必填字段。"),
    VALIDATION_FAILED(Kind.MALFORMED, "A field failed validation.", "字段校验未通过。"),
    UNSUPPORTED_MEDIA_TYPE(Kind.MALFORMED, "The content type is not supported.", "不支持的内容类型。"),
    METHOD_NOT_ALLOWED(Kind.MALFORMED, "The method is not allowed on this resource.", "该资源不支持此请求方法。"),
    DECLARATION_WINDOW_INVALID(Kind.MALFORMED, "A declaration window is not a valid MM-DD range.", "申报时段不是有效的“月-日”区间。"),
    PAYLOAD_TOO_LARGE(Kind.MALFORMED, "The request body is too large.", "请求体过大。"),

    // 401 / 403
    UNAUTHENTICATED(Kind.UNAUTHENTICATED, "Authentication is required, or the token is invalid or expired.", "需要登录，或令牌无效、已过期。"),
    INVALID_CREDENTIALS(Kind.UNAUTHENTICATED, "Wrong username or password.", "用户名或密码错误。"),
    FORBIDDEN(Kind.FORBIDDEN, "Your role may not perform this action.", "您的角色无权执行此操作。"),
    TOO_MANY_LOGIN_ATTEMPTS(Kind.RATE_LIMITED, "Too many login attempts; try again later.", "登录尝试过于频繁，请稍后再试。"),

    // 404
    NOT_FOUND(Kind.NOT_FOUND, "The resource does not exist or is not visible to you.", "资源不存在或您无权查看。"),
    REGION_NOT_FOUND(Kind.NOT_FOUND, "The region does not exist or is not visible to you.", "行政区不存在或您无权查看。"),
    COUNTY_NOT_FOUND(Kind.NOT_FOUND, "The county does not exist or is not visible to you.", "县（区）不存在或您无权查看。"),
    ORGANIZATION_NOT_FOUND(Kind.NOT_FOUND, "The organisation does not exist or is not visible to you.", "单位不存在或您无权查看。"),

    // 409
    USERNAME_TAKEN(Kind.CONFLICT, "The username is already taken.", "用户名已被占用。"),
    ORGANIZATION_EXISTS(Kind.CONFLICT, "An organisation with this name already exists in this region.", "该行政区内已有同名单位。"),
    IDEMPOTENCY_KEY_REUSED(Kind.CONFLICT, "The idempotency key was already used with a different request.", "幂等键已用于另一个不同的请求。"),

    // 422: a business rule said no
    REGION_OUTSIDE_COUNTY(Kind.RULE, "The region is not inside your county.", "该行政区不在您所在的县（区）内。"),
    ORGANIZATION_KIND_REGION_MISMATCH(Kind.RULE, "This kind of organisation cannot be placed at that level of region.", "此类单位不能设在该级行政区。"),
    ROLE_ORGANIZATION_MISMATCH(Kind.RULE, "This role does not fit that kind of organisation.", "该角色与单位类型不符。"),

    // 503 / 500
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE, "The service is temporarily unavailable; try again shortly.", "服务暂时不可用，请稍后重试。"),
    INTERNAL_ERROR(Kind.INTERNAL, "An unexpected error occurred; it has been logged.", "发生意外错误，已记录日志。");

    /** What kind of refusal a code is; the api module maps each kind to exactly one HTTP status. */
    public enum Kind { MALFORMED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RULE, RATE_LIMITED, UNAVAILABLE, INTERNAL }

    private final Kind kind;
    private final String messageEn;
    private final String messageZh;

    ErrorCode(Kind kind, String messageEn, String messageZh) {
        this.kind = kind;
        this.messageEn = messageEn;
        this.messageZh = messageZh;
    }

    public Kind kind() {
        return kind;
    }

    public String messageEn() {
        return messageEn;
    }

    public String messageZh() {
        return messageZh;
    }
}
