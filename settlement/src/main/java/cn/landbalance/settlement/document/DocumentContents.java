package cn.landbalance.settlement.document;

import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.identity.Organization;
import cn.landbalance.settlement.identity.Organizations;
import cn.landbalance.settlement.outflow.Coverage;
import cn.landbalance.settlement.outflow.Obligation;
import cn.landbalance.settlement.outflow.OutflowApplication;
import cn.landbalance.settlement.outflow.OutflowApplications;
import cn.landbalance.settlement.outflow.OutflowCategory;
import cn.landbalance.settlement.outflow.OutflowStatus;
import cn.landbalance.settlement.payment.AmountInWords;
import cn.landbalance.settlement.payment.PaymentNotice;
import cn.landbalance.settlement.payment.PaymentNotices;
import cn.landbalance.settlement.violation.ViolationCase;
import cn.landbalance.settlement.violation.Violations;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static cn.landbalance.ledger.common.Units.areaZh;
import static cn.landbalance.settlement.notification.NotificationText.yuan;

/**
 * What each document says of its subject as the records stand: the same builder serves the printing and the
 * verification, so a document is current exactly when printing it again would say the same.
 */
public final class DocumentContents implements DocumentService.CurrentContent {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    static final String NOTICE_NOTE = "请通过银行转账将上述款项汇入收款账户，并在汇款附言（用途）栏填写缴款识别码。"
            + "款项以乡镇财政确认到账为准；逾期未缴，预留的指标自动释放。";
    static final String RECEIPT_NOTE = "上述款项已到达乡镇耕地进出平衡资金专户，由乡镇财政确认。本凭证可凭核验码查验真伪。";
    static final String CONFIRMATION_NOTE = "该转出申请的耕地“进出平衡”责任已按上表全部落实。";
    static final String VIOLATION_NOTE = "违法占用耕地的，县级冻结所在乡镇相应面积的补充耕地指标；整改恢复后解冻，"
            + "依法完善手续的从冻结指标中扣减。";

    private final PaymentNotices notices;
    private final OutflowApplications applications;
    private final Violations violations;
    private final Regions regions;
    private final Organizations organizations;
    private final Clock clock;

    public DocumentContents(PaymentNotices notices, OutflowApplications applications, Violations violations, Regions regions,
                            Organizations organizations, Clock clock) {
        this.notices = notices;
        this.applications = applications;
        this.violations = violations;
        this.regions = regions;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public Optional<DocumentContent> of(DocumentKind kind, long subjectId) {
        return switch (kind) {
            case PAYMENT_NOTICE -> notices.find(subjectId).map(this::notice);
            case PAYMENT_RECEIPT -> notices.find(subjectId).filter(n -> n.status() == PaymentNotice.Status.PAID).map(this::receipt);
            case BALANCE_CONFIRMATION -> applications.find(subjectId).flatMap(this::confirmation);
            case VIOLATION_NOTICE -> violations.find(subjectId).map(this::violation);
        };
    }

    public DocumentContent notice(PaymentNotice n) {
        List<DocumentContent.Line> lines = new ArrayList<>();
        line(lines, "缴款识别码", spaced(n.remittanceCode()));
        line(lines, "开具日期", DAY.format(n.issuedAt().atZone(clock.getZone())));
        line(lines, "缴款期限", DAY.format(n.dueOn()) + "前（含当日）");
        line(lines, "缴款人", n.payerName() == null ? "" : n.payerName());
        payee(lines, n);
        line(lines, "款项", purpose(n));
        line(lines, "面积", areaZh(n.areaM2()));
        line(lines, "金额（小写）", yuan(n.amountFen()));
        line(lines, "金额（大写）", "人民币" + AmountInWords.of(n.amountFen()));
        line(lines, "状态", PaymentNotice.label(n.status()));
        return new DocumentContent(DocumentKind.PAYMENT_NOTICE, n.id(), n.countyId(), issuer(n.countyId()), lines, List.of(),
                List.of(), NOTICE_NOTE);
    }

    /** The township's receipt for a paid notice: what arrived, when, from whom, and how finance confirmed it. */
    public DocumentContent receipt(PaymentNotice n) {
        PaymentNotice.Receipt r = n.receipt();
        List<DocumentContent.Line> lines = new ArrayList<>();
        line(lines, "缴款识别码", spaced(n.remittanceCode()));
        line(lines, "到账日期", DAY.format(r.receivedOn()));
        line(lines, "缴款人", r.payerName() != null && !r.payerName().isBlank() ? r.payerName() : nullToEmpty(n.payerName()));
        line(lines, "付款账号", nullToEmpty(r.payerAccount()));
        payee(lines, n);
        line(lines, "款项", purpose(n));
        line(lines, "面积", areaZh(n.areaM2()));
        line(lines, "金额（小写）", yuan(n.amountFen()));
        line(lines, "金额（大写）", "人民币" + AmountInWords.of(n.amountFen()));
        line(lines, "银行流水号", r.bankSerial());
        line(lines, "确认方式", r.bankLineId() != null ? "银行对账单（第 " + r.bankLineId() + " 行）" : "乡镇财政逐笔确认");
        line(lines, "确认时间", r.confirmedAt() == null ? "" : MINUTE.format(r.confirmedAt().atZone(clock.getZone())));
        return new DocumentContent(DocumentKind.PAYMENT_RECEIPT, n.id(), n.countyId(), issuer(n.countyId()), lines, List.of(),
                List.of(), RECEIPT_NOTE);
    }

    /**
     * The balance confirmation of an application whose obligation is fully covered and that was not rejected or
     * withdrawn; empty otherwise (it cannot be printed, and one printed earlier is no longer current).
     */
    public Optional<DocumentContent> confirmation(OutflowApplication app) {
        if (app.status() == OutflowStatus.REJECTED || app.status() == OutflowStatus.WITHDRAWN) {
            return Optional.empty();
        }
        Obligation obligation = Obligation.of(app.requiredM2(), applications.coverages(app.id()));
        if (!obligation.fullyCovered()) {
            return Optional.empty();
        }
        List<DocumentContent.Line> lines = new ArrayList<>();
        line(lines, "申请编号", Long.toString(app.id()));
        line(lines, "转出主体", organizations.findById(app.applicantOrgId()).map(Organization::name).orElse(""));
        line(lines, "所在乡镇", regionName(app.townshipId()));
        line(lines, "计划年度", app.planYear() + " 年");
        line(lines, "转出类别", category(app.category()));
        line(lines, "转出后地类", nullToEmpty(app.landClassAfter()));
        line(lines, "转出面积", areaZh(app.areaM2()));
        line(lines, "平衡责任面积", areaZh(obligation.requiredM2()));
        line(lines, "已落实面积", areaZh(obligation.coveredM2()));
        long amount = 0;
        List<List<String>> rows = new ArrayList<>();
        for (Coverage c : obligation.coverages()) {
            amount += c.amountFen() == null ? 0 : c.amountFen();
            rows.add(List.of(coverageKind(c), Units.m2ToHectares(c.areaM2()), regionName(c.townshipId()),
                    c.lotId() == null ? "" : Long.toString(c.lotId()), c.qualityGrade() == null ? "" : Integer.toString(c.qualityGrade()),
                    c.amountFen() == null ? "" : Units.fenToYuan(c.amountFen()), nullToEmpty(c.ref())));
        }
        line(lines, "费用合计", yuan(amount));
        return Optional.of(new DocumentContent(DocumentKind.BALANCE_CONFIRMATION, app.id(), app.countyId(),
                issuer(app.countyId()), lines, List.of("落实方式", "面积(公顷)", "指标来源乡镇", "指标批次", "质量等别", "金额(元)",
                "凭证号"), rows, CONFIRMATION_NOTE));
    }

    /** A violation case as the township is notified of it: the area, what was frozen, unfrozen, deducted and owed. */
    public DocumentContent violation(ViolationCase c) {
        List<DocumentContent.Line> lines = new ArrayList<>();
        line(lines, "案件编号", c.caseNo());
        line(lines, "所在乡镇", regionName(c.townshipId()));
        line(lines, "违法占用面积", areaZh(c.areaM2()));
        line(lines, "冻结指标", areaZh(c.freezes().stream().mapToLong(ViolationCase.Freeze::areaM2).sum()));
        line(lines, "已解冻", areaZh(c.unfrozenM2()));
        line(lines, "已扣减", areaZh(c.deductedM2()));
        line(lines, "仍冻结", areaZh(c.frozenM2()));
        line(lines, "借用储备待还", areaZh(Math.max(0, c.owedM2())));
        line(lines, "无指标可冻结", areaZh(c.unsecuredM2()));
        line(lines, "办理状态", c.status() == ViolationCase.Status.OPEN ? "办理中" : "已办结");
        line(lines, "情况说明", nullToEmpty(c.description()));
        List<List<String>> rows = new ArrayList<>();
        for (ViolationCase.Freeze f : c.freezes()) {
            rows.add(List.of(Long.toString(f.lotId()), f.borrowed() ? "借用" + regionName(f.regionId()) + "储备" : regionName(f.regionId()),
                    Units.m2ToHectares(f.areaM2()), Units.m2ToHectares(f.unfrozenM2()), Units.m2ToHectares(f.deductedM2())));
        }
        return new DocumentContent(DocumentKind.VIOLATION_NOTICE, c.id(), c.countyId(), issuer(c.countyId()), lines,
                List.of("指标批次", "指标来源", "冻结(公顷)", "解冻(公顷)", "扣减(公顷)"), rows, VIOLATION_NOTE);
    }

    private void payee(List<DocumentContent.Line> lines, PaymentNotice n) {
        line(lines, "收款人户名", n.payee().accountName());
        line(lines, "收款人开户行", orMissing(n.payee().bankName()));
        line(lines, "收款人账号", orMissing(n.payee().accountNo()));
    }

    private String purpose(PaymentNotice n) {
        return n.kind() == PaymentNotice.Kind.ORDER
                ? "购买耕地进出平衡指标（订单 " + n.orderId() + "，" + regionName(n.townshipId()) + "）"
                : "耕地转出补充耕地费用（转出申请 " + n.applicationId() + "，" + regionName(n.townshipId()) + "）";
    }

    /** The county government that issues the county's documents. */
    private String issuer(long countyId) {
        return regionName(countyId) + "人民政府";
    }

    private String regionName(long regionId) {
        return regions.findById(regionId).map(Region::name).orElse("");
    }

    private static void line(List<DocumentContent.Line> lines, String label, String value) {
        lines.add(new DocumentContent.Line(label, value == null ? "" : value));
    }

    static String coverageKind(Coverage c) {
        String kind = label(c.kind());
        return c.reversesId() == null ? kind : kind + "（冲回）";
    }

    /** How a coverage kind is named on the confirmation, printed or as a workbook. */
    public static String label(cn.landbalance.settlement.outflow.CoverageKind kind) {
        return switch (kind) {
            case SELF -> "自行补充";
            case PURCHASE -> "购买指标";
            case ADJUSTMENT -> "县级调剂";
            case FEE -> "缴纳费用";
        };
    }

    static String category(OutflowCategory category) {
        return switch (category) {
            case GREENING -> "国土绿化";
            case GREEN_BELT -> "绿化带";
            case SHELTER_FOREST -> "农田防护林";
            case CAPITAL_FOREST_ORCHARD -> "工商资本造林种果";
            case AGRI_FACILITY -> "农村道路及农业设施";
            case RESERVOIR -> "水库水面";
            case PLANTING_ADJUSTMENT -> "种植结构调整";
        };
    }

    /** The code in groups of four, as it is read aloud and typed: 2026 0000 0123 45. */
    static String spaced(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(code, i, Math.min(code.length(), i + 4));
        }
        return out.toString();
    }

    private static String orMissing(String value) {
        return value == null || value.isBlank() ? "（未设置，请向乡镇财政所询问）" : value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
