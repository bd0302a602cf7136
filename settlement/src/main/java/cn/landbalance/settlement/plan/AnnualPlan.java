package cn.landbalance.settlement.plan;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.settlement.outflow.YearBalance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A county's annual in/out balance plan (年度耕地“进出平衡”方案) for one year: the year's imported and declared outflows
 * and inflows, with a lifecycle and the deadlines it runs against.
 *
 * <pre>
 * DRAFT → SUBMITTED (报批: the county's total 转进 covers its obligation)
 *       → APPROVED (批准: date and document number) → FILED (备案) → IMPLEMENTED (实施完成)
 *       → ACCEPTED (验收: every township of the year balanced)
 * </pre>
 * Default deadlines follow the policy calendar (plan approved by the end of March, implementation April to October,
 * acceptance and filing November to December); a county sets its own per year. Fee-funded restoration of the year's fees
 * is due by {@link Deadlines#feeDeliveryDue()}, by default the end of the next year's implementation season.
 *
 * @param stored whether the plan was saved (a year nobody touched reads as an unsaved DRAFT with the default deadlines)
 */
public record AnnualPlan(long countyId, int year, Status status, Deadlines deadlines, LocalDate submittedOn,
                         LocalDate approvedOn, String approvalDocNo, LocalDate filedOn, String filingNo,
                         LocalDate implementedOn, LocalDate acceptedOn, boolean stored) {

    public enum Status { DRAFT, SUBMITTED, APPROVED, FILED, IMPLEMENTED, ACCEPTED }

    /** The plan's deadlines; each on or after the one before. */
    public record Deadlines(LocalDate approvalDue, LocalDate implementationDue, LocalDate acceptanceDue,
                            LocalDate feeDeliveryDue) {
        public Deadlines {
            require(approvalDue, "approvalDue");
            require(implementationDue, "implementationDue");
            require(acceptanceDue, "acceptanceDue");
            require(feeDeliveryDue, "feeDeliveryDue");
            order(approvalDue, implementationDue, "implementationDue");
            order(implementationDue, acceptanceDue, "acceptanceDue");
            order(acceptanceDue.withDayOfYear(1), feeDeliveryDue, "feeDeliveryDue");
        }

        /** The policy calendar: approval by 03-31, implementation to 10-31, acceptance by 12-31, fee land by next 10-31. */
        public static Deadlines defaults(int year) {
            return new Deadlines(LocalDate.of(year, 3, 31), LocalDate.of(year, 10, 31), LocalDate.of(year, 12, 31),
                    LocalDate.of(year + 1, 10, 31));
        }

        private static void require(LocalDate d, String field) {
            if (d == null) {
                throw DomainException.field(ErrorCode.MISSING_FIELD, field, "请填写该期限", field + " is required");
            }
        }

        private static void order(LocalDate before, LocalDate after, String field) {
            if (after.isBefore(before)) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                        "期限早于前一环节", field + " is before the deadline of the step before it");
            }
        }
    }

    /** What is overdue, as of a day. */
    public enum OverdueStep { APPROVAL, IMPLEMENTATION, ACCEPTANCE, FEE_DELIVERY }

    /** One overdue item: a step of the plan, or a township's fee-funded land still owed after its deadline. */
    public record Overdue(int year, OverdueStep what, LocalDate due, Long townshipId, String township, long owedM2) {
    }

    public static AnnualPlan draft(long countyId, int year) {
        return new AnnualPlan(countyId, year, Status.DRAFT, Deadlines.defaults(year), null, null, null, null, null, null,
                null, false);
    }

    public AnnualPlan withDeadlines(Deadlines d) {
        if (status == Status.ACCEPTED) {
            throw refused("已验收的方案不能再改期限", "an accepted plan's deadlines are final");
        }
        return new AnnualPlan(countyId, year, status, d, submittedOn, approvedOn, approvalDocNo, filedOn, filingNo,
                implementedOn, acceptedOn, stored);
    }

    /**
     * 报批 on {@code submittedOn} (not in the future; a year entered after the fact records its real dates): the year has something
     * to balance and the county's 转进 covers its obligation in all.
     */
    public AnnualPlan submitted(LocalDate submittedOn, LocalDate today, List<YearBalance> townships) {
        expect(Status.DRAFT, Status.SUBMITTED);
        checkDate(submittedOn, null, today, "submittedOn");
        long inflow = townships.stream().mapToLong(YearBalance::inflowM2).sum();
        long obligation = townships.stream().mapToLong(YearBalance::obligationM2).sum();
        if (inflow == 0 && obligation == 0) {
            throw refused(year + " 年没有转出或转进，无方案可报", "the year has neither outflows nor inflows");
        }
        if (inflow < obligation) {
            throw DomainException.field(ErrorCode.PLAN_NOT_BALANCED, "year",
                    "全县转进 " + inflow + " 平方米少于平衡责任 " + obligation + " 平方米",
                    "the county's inflow " + inflow + " m² is less than its obligation " + obligation + " m²");
        }
        return with(Status.SUBMITTED, submittedOn, approvedOn, approvalDocNo, filedOn, filingNo, implementedOn, acceptedOn);
    }

    /** 批准: on {@code approvedOn} (not before the submission, not in the future) by document {@code docNo}. */
    public AnnualPlan approved(LocalDate approvedOn, String docNo, LocalDate today) {
        expect(Status.SUBMITTED, Status.APPROVED);
        checkDate(approvedOn, submittedOn, today, "approvedOn");
        String doc = text(docNo, "documentNo", "批准文号");
        return with(Status.APPROVED, submittedOn, approvedOn, doc, filedOn, filingNo, implementedOn, acceptedOn);
    }

    /** 备案: filed on {@code filedOn} (not before the approval), with the filing number if the system gave one. */
    public AnnualPlan filed(LocalDate filedOn, String filingNo, LocalDate today) {
        expect(Status.APPROVED, Status.FILED);
        checkDate(filedOn, approvedOn, today, "filedOn");
        String no = filingNo == null || filingNo.isBlank() ? null : text(filingNo, "filingNo", "备案号");
        return with(Status.FILED, submittedOn, approvedOn, approvalDocNo, filedOn, no, implementedOn, acceptedOn);
    }

    /** Implementation finished on {@code implementedOn} (not before the filing). */
    public AnnualPlan implemented(LocalDate implementedOn, LocalDate today) {
        expect(Status.FILED, Status.IMPLEMENTED);
        checkDate(implementedOn, filedOn, today, "implementedOn");
        return with(Status.IMPLEMENTED, submittedOn, approvedOn, approvalDocNo, filedOn, filingNo, implementedOn, acceptedOn);
    }

    /** 验收 on {@code acceptedOn} (not before the implementation): every township of the year balanced. */
    public AnnualPlan accepted(LocalDate acceptedOn, LocalDate today, List<YearBalance> townships) {
        expect(Status.IMPLEMENTED, Status.ACCEPTED);
        checkDate(acceptedOn, implementedOn, today, "acceptedOn");
        List<String> shortTownships = townships.stream().filter(b -> !b.balanced()).map(b -> b.name() + " " + b.shortfallM2() + " 平方米")
                .toList();
        if (!shortTownships.isEmpty()) {
            throw DomainException.field(ErrorCode.PLAN_NOT_BALANCED, "year",
                    "尚未平衡：" + String.join("、", shortTownships), shortTownships.size() + " townships are not balanced");
        }
        return with(Status.ACCEPTED, submittedOn, approvedOn, approvalDocNo, filedOn, filingNo, implementedOn, acceptedOn);
    }

    /** What is overdue on {@code today}: steps not done by their deadline, and townships' fee land owed after its deadline. */
    public List<Overdue> overdue(LocalDate today, List<YearBalance> townships) {
        List<Overdue> overdue = new ArrayList<>();
        if (status.compareTo(Status.APPROVED) < 0 && today.isAfter(deadlines.approvalDue())) {
            overdue.add(new Overdue(year, OverdueStep.APPROVAL, deadlines.approvalDue(), null, null, 0));
        }
        if (status.compareTo(Status.IMPLEMENTED) < 0 && today.isAfter(deadlines.implementationDue())) {
            overdue.add(new Overdue(year, OverdueStep.IMPLEMENTATION, deadlines.implementationDue(), null, null, 0));
        }
        if (status != Status.ACCEPTED && today.isAfter(deadlines.acceptanceDue())) {
            overdue.add(new Overdue(year, OverdueStep.ACCEPTANCE, deadlines.acceptanceDue(), null, null, 0));
        }
        if (today.isAfter(deadlines.feeDeliveryDue())) {
            townships.stream().filter(b -> b.feeOwedM2() > 0).forEach(b -> overdue.add(new Overdue(year, OverdueStep.FEE_DELIVERY,
                    deadlines.feeDeliveryDue(), b.townshipId(), b.name(), b.feeOwedM2())));
        }
        return overdue;
    }

    private AnnualPlan with(Status to, LocalDate submitted, LocalDate approved, String doc, LocalDate filed, String filing,
                            LocalDate implemented, LocalDate accepted) {
        return new AnnualPlan(countyId, year, to, deadlines, submitted, approved, doc, filed, filing, implemented, accepted,
                stored);
    }

    private void expect(Status from, Status to) {
        if (status != from) {
            throw refused(year + " 年方案" + label(status) + "，不能" + verb(to),
                    "the " + year + " plan is " + status + ", it cannot become " + to);
        }
    }

    private static void checkDate(LocalDate d, LocalDate notBefore, LocalDate today, String field) {
        if (d == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field, "请填写日期", field + " is required");
        }
        if (d.isAfter(today)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field, "日期不能晚于今天", field + " is in the future");
        }
        if (notBefore != null && d.isBefore(notBefore)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    "日期早于上一环节 " + notBefore, field + " is before the step before it (" + notBefore + ")");
        }
    }

    private static String text(String s, String field, String name) {
        if (s == null || s.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field, "请填写" + name, field + " is required");
        }
        if (s.strip().length() > 100) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field, name + "不超过 100 字", field + " is too long");
        }
        return s.strip();
    }

    private static DomainException refused(String zh, String en) {
        return new DomainException(ErrorCode.ILLEGAL_TRANSITION, zh, en);
    }

    public static String label(Status s) {
        return switch (s) {
            case DRAFT -> "编制中";
            case SUBMITTED -> "已报批";
            case APPROVED -> "已批准";
            case FILED -> "已备案";
            case IMPLEMENTED -> "已实施";
            case ACCEPTED -> "已验收";
        };
    }

    private static String verb(Status s) {
        return switch (s) {
            case DRAFT -> "退回编制";
            case SUBMITTED -> "报批";
            case APPROVED -> "登记批准";
            case FILED -> "登记备案";
            case IMPLEMENTED -> "登记实施完成";
            case ACCEPTED -> "验收";
        };
    }
}
