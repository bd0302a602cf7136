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
    IMPORT_FILE_INVALID(Kind.MALFORMED, "The import file is empty or its header is not the expected table format.", "导入文件为空或表头不是规定的格式。"),
    DECLARATION_WINDOW_INVALID(Kind.MALFORMED, "A declaration window is not a valid MM-DD range.", "申报时段不是有效的“月-日”区间。"),
    PARCEL_INVALID(Kind.MALFORMED, "The parcel is not a valid polygon in CGCS2000 or the county's Gauss-Krüger zone.", "地块不是有效的 CGCS2000 或本县高斯-克吕格投影带内的面。"),
    LAYER_INVALID(Kind.MALFORMED, "The layer file is not GeoJSON polygons in CGCS2000 or the county's Gauss-Krüger zone.", "图层文件不是 CGCS2000 或本县投影带内的 GeoJSON 面要素。"),
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
    TOWNSHIP_NOT_FOUND(Kind.NOT_FOUND, "The township does not exist or is not visible to you.", "乡镇不存在或您无权查看。"),
    LOT_NOT_FOUND(Kind.NOT_FOUND, "The indicator lot does not exist or is not visible to you.", "指标批次不存在或您无权查看。"),
    HOLD_NOT_FOUND(Kind.NOT_FOUND, "The reservation or freeze does not exist.", "预留或冻结记录不存在。"),
    OUTFLOW_APPLICATION_NOT_FOUND(Kind.NOT_FOUND, "The outflow application does not exist or is not visible to you.", "耕地转出申请不存在或您无权查看。"),
    LISTING_NOT_FOUND(Kind.NOT_FOUND, "The listing does not exist or is not visible to you.", "挂牌不存在或您无权查看。"),
    ORDER_NOT_FOUND(Kind.NOT_FOUND, "The order does not exist or is not visible to you.", "订单不存在或您无权查看。"),
    VIOLATION_NOT_FOUND(Kind.NOT_FOUND, "The violation case does not exist or is not visible to you.", "违法用地案件不存在或您无权查看。"),
    INFLOW_PROJECT_NOT_FOUND(Kind.NOT_FOUND, "The inflow project does not exist or is not visible to you.", "耕地转进项目不存在或您无权查看。"),
    EXPENSE_NOT_FOUND(Kind.NOT_FOUND, "The expense does not exist or is not visible to you.", "支出申请不存在或您无权查看。"),
    USER_NOT_FOUND(Kind.NOT_FOUND, "The user does not exist or is not visible to you.", "用户不存在或您无权查看。"),

    // 409
    USERNAME_TAKEN(Kind.CONFLICT, "The username is already taken.", "用户名已被占用。"),
    ORGANIZATION_EXISTS(Kind.CONFLICT, "An organisation with this name already exists in this region.", "该行政区内已有同名单位。"),
    ILLEGAL_TRANSITION(Kind.CONFLICT, "This action is not allowed in the current status.", "当前状态下不允许此操作。"),
    HOLD_NOT_PENDING(Kind.CONFLICT, "The reservation or freeze is already settled.", "该预留或冻结已处理完毕。"),
    HOLD_KIND_MISMATCH(Kind.CONFLICT, "This action does not apply to that kind of hold.", "此操作不适用于该类指标占用。"),
    PAYMENT_REFERENCE_REUSED(Kind.CONFLICT, "The payment reference was already used for a different payment.", "该支付流水号已用于另一笔不同的付款。"),
    APPLICATION_NOT_COVERABLE(Kind.CONFLICT, "A rejected or closed application takes no more coverage.", "已驳回或已办结的申请不能再落实平衡。"),
    CASE_NUMBER_EXISTS(Kind.CONFLICT, "A case with this number already exists in the county.", "本县已有相同编号的案件。"),
    DOCUMENT_ALTERED(Kind.CONFLICT, "The stored copy of this document is no longer the file that was issued; it is not handed out again. The county should check the audit log.", "该文书的存档文件已与签发时不一致，不再提供下载，请县级核查审计日志。"),
    NOTICE_NOT_PAID(Kind.CONFLICT, "The notice is not paid yet; there is no receipt for it.", "该缴款通知书尚未确认到账，没有收款凭证。"),
    CASE_CLOSED(Kind.CONFLICT, "The case is already resolved.", "案件已办结。"),
    ORDER_EXPIRED(Kind.CONFLICT, "The order has expired; its reservation was released.", "订单已过期，预留的指标已释放。"),
    ORDER_NOT_PAYABLE(Kind.CONFLICT, "The order is cancelled or already settled otherwise.", "订单已取消或已以其他方式结算。"),
    LISTING_NOT_OPEN(Kind.CONFLICT, "The listing is already withdrawn.", "挂牌已撤回。"),
    CONCURRENT_UPDATE(Kind.CONFLICT, "A concurrent change got in the way; nothing was changed, retry the request.", "与其他操作同时修改，未做任何变更，请重试。"),
    LOT_IN_USE(Kind.CONFLICT, "The indicator lot has already been used (reserved, sold, frozen or listed); it cannot be withdrawn.", "该指标批次已被使用（预留、售出、冻结或挂牌），不能撤销。"),
    PLAN_ALREADY_IMPORTED(Kind.CONFLICT, "This plan table, or a plan table of this county and year, is already imported; choose replace to reimport it.", "该计划表或本县本年度的计划表已导入；如需重新导入请选择“替换”。"),
    PLAN_IMPORT_IN_USE(Kind.CONFLICT, "Something the earlier import wrote has since been used (covered, listed, sold or paid); it cannot be replaced.", "前次导入的数据已被使用（已落实、挂牌、售出或缴费），不能替换。"),
    IMPORT_PREVIEW_STALE(Kind.CONFLICT, "The import no longer gives what its preview showed; preview it again.", "导入结果与预览不一致（数据已变化），请重新预览。"),
    PLACE_NAME_EXISTS(Kind.CONFLICT, "The county's place-name history already has this former name.", "本县地名沿革中已有该旧称。"),
    IDEMPOTENCY_KEY_REUSED(Kind.CONFLICT, "The idempotency key was already used with a different request.", "幂等键已用于另一个不同的请求。"),

    // 422: a business rule said no
    PARCEL_AREA_MISMATCH(Kind.RULE, "The area computed from the parcels differs from the declared area beyond the county's tolerance.", "按地块图形计算的面积与申报面积之差超出本县允许的误差。"),
    PARCELS_REQUIRED(Kind.RULE, "The county has loaded its constraint layers: the application must carry its parcels.", "本县已加载管控图层，申请须提交地块图形。"),
    REGION_OUTSIDE_COUNTY(Kind.RULE, "The region is not inside your county.", "该行政区不在您所在的县（区）内。"),
    ORGANIZATION_KIND_REGION_MISMATCH(Kind.RULE, "This kind of organisation cannot be placed at that level of region.", "此类单位不能设在该级行政区。"),
    ROLE_ORGANIZATION_MISMATCH(Kind.RULE, "This role does not fit that kind of organisation.", "该角色与单位类型不符。"),
    OUTFLOW_OUTSIDE_OWN_TOWNSHIP(Kind.RULE, "A township government declares outflows only in its own township.", "乡镇政府只能申报本乡镇范围内的耕地转出。"),
    CANNOT_DISABLE_SELF(Kind.RULE, "You cannot disable your own account.", "不能停用自己的账号。"),
    CURRENT_PASSWORD_WRONG(Kind.RULE, "The current password is wrong.", "当前密码不正确。"),

    INSUFFICIENT_AVAILABLE_INDICATORS(Kind.RULE, "Not enough available indicator area.", "可用指标面积不足。"),
    HOLD_EXCEEDED(Kind.RULE, "More area than the reservation or freeze still holds.", "超出预留或冻结的剩余面积。"),

    // 422: outflow rules (DOMAIN.md §5), in order of precedence, and covering obligations (§6)
    OUTFLOW_PERMANENT_BASIC_FARMLAND(Kind.RULE, "Permanent basic farmland can never be converted.", "永久基本农田不得转出。"),
    OUTFLOW_PLANNED_CONSTRUCTION_LAND(Kind.RULE, "Land inside planned construction land is not handled by in/out balance.", "规划建设用地范围内的耕地不纳入进出平衡转出。"),
    OUTFLOW_LAKE_OR_TURF(Kind.RULE, "Farmland may not be dug into landscape lakes or laid with turf.", "严禁占用耕地挖湖造景、铺草皮。"),
    OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN(Kind.RULE, "High-standard farmland may be converted only with a 补建 plan.", "高标准农田转出须有补建方案。"),
    OUTFLOW_GREEN_BELT_UNDESCRIBED(Kind.RULE, "A green belt needs its road type and width.", "绿化带须注明道路类型和宽度。"),
    OUTFLOW_GREEN_BELT_TOO_WIDE(Kind.RULE, "The green belt is wider than allowed (3 m along county/township roads, 5 m along railways and national/provincial roads).", "绿化带宽度超标（县乡道路不得超过3米，铁路、国道省道不得超过5米）。"),
    OUTFLOW_RURAL_ROAD_WIDTH(Kind.RULE, "A new rural road must be 1.0 m to 8.0 m wide.", "新增农村道路宽度须在1.0米至8.0米之间。"),
    OUTFLOW_OUTSIDE_DECLARATION_WINDOW(Kind.RULE, "Declarations are not open on this date in this county.", "当前不在本县耕地转出申报时段内。"),
    OBLIGATION_NOT_COVERED(Kind.RULE, "Under 先进后出 the obligation must be fully covered before approval.", "实行“先进后出”，平衡责任全部落实前不得批准转出。"),
    OBLIGATION_OVER_COVERED(Kind.RULE, "More area than the obligation still needs.", "超出尚需落实的平衡面积。"),
    FEE_AMOUNT_MISMATCH(Kind.RULE, "The amount is not the fee for this area.", "缴费金额与该面积应缴费用不符。"),
    PLAN_NOT_BALANCED(Kind.RULE, "The year's plan does not balance: its inflow does not cover the obligation, or a township is short.", "年度方案未平衡：转进不足以落实平衡责任，或有乡镇尚未平衡。"),
    EXPENSE_PROJECT_CLOSED(Kind.RULE, "The inflow project is rejected or withdrawn; the fund pays nothing more for it.", "该耕地转进项目已驳回或撤销，不能再为其支出。"),
    FUND_INSUFFICIENT(Kind.RULE, "The township fund does not hold enough money (超支不补).", "乡镇专项资金余额不足（超支不补）。"),
    LOT_QUALITY_TOO_LOW(Kind.RULE, "The indicators are of lower quality than the converted land.", "指标质量等别低于转出耕地。"),
    LOT_NOT_PADDY(Kind.RULE, "Paddy must be replaced by paddy (占水田补水田).", "占用水田须补充水田指标。"),
    LISTING_PRICE_BELOW_GUIDE(Kind.RULE, "The price is below the county's guide price.", "挂牌价格低于县级指导价。"),
    INSUFFICIENT_UNLISTED_INDICATORS(Kind.RULE, "The township does not have that much available area that is not already listed.", "乡镇可挂牌的可用指标面积不足。"),
    INSUFFICIENT_LISTED_INDICATORS(Kind.RULE, "Not enough listed indicators of the required quality are on the market.", "市场上符合质量要求的挂牌指标不足。"),
    PAYMENT_AMOUNT_MISMATCH(Kind.RULE, "The amount paid is not the order's amount.", "付款金额与订单金额不符。"),
    OBLIGATION_NOT_FULLY_COVERED(Kind.RULE, "The obligation is not yet fully covered.", "平衡责任尚未全部落实。"),
    REPAYMENT_EXCEEDS_OWED(Kind.RULE, "More than the township owes for this case.", "超出该案件尚欠的指标面积。"),
    RESTORE_EXCEEDS_FROZEN(Kind.RULE, "More area than the case still holds frozen.", "超出案件尚冻结的面积。"),
    LOT_NOT_OWN(Kind.RULE, "These indicators are not the applicant's own.", "该指标不属于申请主体自有。"),
    ADJUSTMENT_NOT_TOWNSHIP_OBLIGATION(Kind.RULE, "The county's 调剂 balances a township's own obligations only; an enterprise buys indicators or pays the fee.", "县级调剂只用于乡镇自身的平衡责任；企业须购买指标或缴纳费用。"),
    ADJUSTMENT_LOT_NOT_USABLE(Kind.RULE, "These indicators cannot be used by the 调剂: they belong to an enterprise, another county, or (for a self-balance) another township.", "该指标不能用于调剂：属于企业、外县，或（自行平衡时）属于其他乡镇。"),
    LOT_VINTAGE_TOO_LATE(Kind.RULE, "Indicators of a later year cannot cover an earlier year's obligation.", "晚于转出年度的指标不能用于落实该年度的平衡责任。"),

    // 422: inflow eligibility (DOMAIN.md §4; seeds 002 四(二), 000 二(一)), in order of precedence
    INFLOW_SLOPE_OVER_25_DEGREES(Kind.RULE, "Land steeper than 25° (slope grade 5) cannot be restored to farmland.", "坡度大于25度（坡度五级）的土地不得作为耕地转进来源。"),
    INFLOW_ECOLOGICAL_RED_LINE(Kind.RULE, "Land inside an ecological protection red line cannot be restored to farmland.", "生态保护红线内的土地不得作为耕地转进来源。"),
    INFLOW_NATURE_RESERVE(Kind.RULE, "Land inside a nature reserve cannot be restored to farmland.", "自然保护地内的土地不得作为耕地转进来源。"),
    INFLOW_WATER_SOURCE_LEVEL1(Kind.RULE, "Land in a level-1 drinking-water protection zone cannot be restored to farmland.", "饮用水水源一级保护区内的土地不得作为耕地转进来源。"),
    INFLOW_RIVER_LAKE_FOREST_PASTORAL_DESERT(Kind.RULE, "Land in a river, lake, forest area, pastoral area or desert cannot be restored to farmland.", "河道湖区、林区、牧区、沙漠及石漠化地区的土地不得作为耕地转进来源。"),
    INFLOW_BUILT_UP_AREA(Kind.RULE, "Land inside a town or village built-up area cannot be restored to farmland.", "城镇村建成区内的土地不得作为耕地转进来源。"),
    INFLOW_RETURNED_FARMLAND_FOREST(Kind.RULE, "Land returned from farmland to forest (退耕还林) cannot be restored to farmland.", "已退耕还林的土地不得作为耕地转进来源。"),
    INFLOW_POLLUTED_SOIL(Kind.RULE, "Seriously polluted land cannot be restored to farmland.", "土壤污染严重的土地不得作为耕地转进来源。"),
    INFLOW_ILLEGAL_DEFORESTATION(Kind.RULE, "Land of illegally destroyed forest cannot be restored to farmland.", "违法毁林的土地不得作为耕地转进来源。"),

    // import rows (reported per row inside an import report)
    IMPORT_UNKNOWN_TOWNSHIP(Kind.RULE, "The township is not one of the county's townships.", "乡镇名称不属于本县。"),
    IMPORT_SLOPE_SUM_MISMATCH(Kind.RULE, "The slope-grade areas do not add up to the row's total area.", "各坡度级面积之和与合计面积不一致。"),
    IMPORT_VALUE_INVALID(Kind.RULE, "A value of the row is missing or not valid.", "该行存在缺失或无效的数值。"),
    IMPORT_FORMER_PLACE_NAME(Kind.RULE, "The row names a township by a former name; it was imported under the current one.", "该行使用乡镇旧称，已按现名称导入。"),
    IMPORT_SLOPE_ROUNDING(Kind.RULE, "The slope-grade areas differ from the total by the table's rounding; the total counts.", "各坡度级面积之和与合计相差在表格取位误差内，以合计为准。"),
    IMPORT_LAND_CLASS_UNUSUAL(Kind.RULE, "The land class is not one of the usual classes of the land survey.", "地类名称不在国土调查常用地类之列。"),
    IMPORT_VALUE_CARRIED_DOWN(Kind.RULE, "A blank cell was taken from the row above (a merged cell of the printed table).", "空白单元格沿用了上一行的值（原表为合并单元格）。"),
    IMPORT_SUMMARY_ROW(Kind.RULE, "A total, subtotal or note row of the table; it is not imported.", "合计、小计或说明行，不导入。"),

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
