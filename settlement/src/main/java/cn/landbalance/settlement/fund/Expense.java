package cn.landbalance.settlement.fund;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * An expense of a township's fund (支出申请). The fund is earmarked for the in/out balance (专项用于耕地进出平衡工作), so
 * money leaves it only for what the county approved: the township proposes an amount, a payee and what it is for — an
 * inflow project it restores, or a named purpose —; the county approves or rejects it; the township then pays it and
 * records the bank's serial and date, and only then does the money leave the fund.
 *
 * <pre>
 * PROPOSED → APPROVED (county) → PAID (township, the money moves)
 *          → REJECTED (county, with a reason)      APPROVED → CANCELLED (with a reason; nothing was paid)
 *          → WITHDRAWN (township)
 * </pre>
 * An APPROVED expense is a commitment of the fund: the county cannot approve more than the fund holds beyond its
 * commitments.
 *
 * @param inflowProjectId the township's inflow project the money restores; required for works and compensation
 * @param reference       the contract or invoice number, if any
 * @param decidedBy       who approved or rejected it (null while proposed, or when an old approval's approver is unknown)
 * @param decisionNote    the county's note on approval, or its reason for rejecting
 * @param payment         how it was paid; null until PAID
 * @param cancellation    who cancelled the approved expense, when and why; null unless CANCELLED
 */
public record Expense(long id, long countyId, long townshipId, long amountFen, Category category, Long inflowProjectId,
                      String payeeName, String purpose, String reference, Status status, long proposedBy,
                      Instant proposedAt, Long decidedBy, Instant decidedAt, String decisionNote, Payment payment,
                      Cancellation cancellation) {

    /** An approved expense given up; its approval stays as it was. */
    public record Cancellation(Long by, Instant at, String reason) {
    }

    public enum Status { PROPOSED, APPROVED, REJECTED, WITHDRAWN, PAID, CANCELLED }

    /** What the money is for: the uses of a fund earmarked for restoring farmland. */
    public enum Category {
        /** 耕地恢复工程款: the works that restore an inflow project's land. */
        RESTORATION_WORKS(true, "耕地恢复工程"),
        /** 青苗及附着物补偿: compensation for crops, trees and structures on the land to be restored. */
        COMPENSATION(true, "青苗及附着物补偿"),
        /** 勘测设计与验收: survey, design, quality grading and acceptance. */
        SURVEY_AND_ACCEPTANCE(false, "勘测设计与验收"),
        /** 后期管护: keeping restored land farmed (管护激励). */
        AFTERCARE(false, "后期管护"),
        /** Other in/out balance work, named in the purpose. */
        OTHER(false, "其他进出平衡工作");

        private final boolean needsProject;
        private final String label;

        Category(boolean needsProject, String label) {
            this.needsProject = needsProject;
            this.label = label;
        }

        /** Whether the expense must name the inflow project it pays for. */
        public boolean needsProject() {
            return needsProject;
        }

        public String label() {
            return label;
        }
    }

    /** The money as the bank paid it out, and the fund's transfer that records it. */
    public record Payment(String bankSerial, LocalDate paidOn, long transferId, Long paidBy, Instant paidAt) {
    }

    public static final int MAX_TEXT = 500;

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.PROPOSED, Set.of(Status.APPROVED, Status.REJECTED, Status.WITHDRAWN),
            Status.APPROVED, Set.of(Status.PAID, Status.CANCELLED),
            Status.REJECTED, Set.of(),
            Status.WITHDRAWN, Set.of(),
            Status.PAID, Set.of(),
            Status.CANCELLED, Set.of());

    /**
     * A new proposal, checked: a positive amount, a payee, what it is for, and the project for works and compensation.
     * The project's township is checked by the use case, which reads it.
     */
    public static Expense proposed(long countyId, long townshipId, long amountFen, Category category, Long inflowProjectId,
                                   String payeeName, String purpose, String reference, long proposedBy, Instant at) {
        if (amountFen <= 0) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "amountFen",
                    "金额须为正的整数分", "the amount must be a positive whole number of fen");
        }
        if (category == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "category", "请选择支出用途类别", "a category is required");
        }
        if (category.needsProject() && inflowProjectId == null) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "inflowProjectId",
                    category.label() + "须指明所属耕地转进项目", category + " must name the inflow project it pays for");
        }
        String payee = required(payeeName, "payeeName", "收款单位");
        String what = required(purpose, "purpose", "支出事由");
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        return new Expense(0, countyId, townshipId, amountFen, category, inflowProjectId, payee, what, ref,
                Status.PROPOSED, proposedBy, at, null, null, null, null, null);
    }

    /**
     * The county's decision (APPROVED, REJECTED), the township's withdrawal, or the cancellation of an approved expense,
     * by {@code userId} with its note; a withdrawal and a cancellation leave the county's decision as it was.
     */
    public Expense decided(Status to, long userId, Instant at, String note) {
        if (to == Status.REJECTED || to == Status.CANCELLED) {
            required(note, "reason", to == Status.REJECTED ? "驳回理由" : "撤销理由");
        }
        check(to);
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (to == Status.WITHDRAWN || to == Status.CANCELLED) {
            return new Expense(id, countyId, townshipId, amountFen, category, inflowProjectId, payeeName, purpose,
                    reference, to, proposedBy, proposedAt, decidedBy, decidedAt, decisionNote, null,
                    to == Status.CANCELLED ? new Cancellation(userId, at, kept) : null);
        }
        return new Expense(id, countyId, townshipId, amountFen, category, inflowProjectId, payeeName, purpose, reference,
                to, proposedBy, proposedAt, userId, at, kept, null, null);
    }

    /**
     * The expense paid: on {@code paidOn} as the bank shows it, which is neither before the county approved it nor after
     * {@code today}.
     */
    public Expense paid(Payment payment, LocalDate approvedOn, LocalDate today) {
        check(Status.PAID);
        if (payment.paidOn().isAfter(today)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "paidOn",
                    "付款日期不能晚于今天", "the payment date " + payment.paidOn() + " is in the future");
        }
        if (payment.paidOn().isBefore(approvedOn)) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "paidOn",
                    "付款日期早于县级批准日期 " + approvedOn, "the payment date is before the county approved the expense");
        }
        return new Expense(id, countyId, townshipId, amountFen, category, inflowProjectId, payeeName, purpose, reference,
                Status.PAID, proposedBy, proposedAt, decidedBy, decidedAt, decisionNote, payment, null);
    }

    /** The longest memo a fund transfer keeps. */
    public static final int MAX_MEMO = 300;

    /**
     * The memo of the fund's transfer: what the money was for, readable on the fund's statement; the purpose and payee
     * are shortened (…) so that it never exceeds {@value #MAX_MEMO} characters.
     */
    public String memo() {
        String head = "支出 #" + id + " " + category.label() + (inflowProjectId == null ? "" : "（转进项目 " + inflowProjectId + "）");
        return head + "：" + cut(purpose, 150) + "，收款单位 " + cut(payeeName, 100);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private void check(Status to) {
        if (!NEXT.get(status).contains(to)) {
            throw new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                    "支出申请 #" + id + " " + label(status) + "，不能" + verb(to),
                    "expense " + id + " is " + status + ", it cannot become " + to);
        }
    }

    /** The status as the township and the county read it. */
    public static String label(Status status) {
        return switch (status) {
            case PROPOSED -> "待审批";
            case APPROVED -> "已批准";
            case REJECTED -> "已驳回";
            case WITHDRAWN -> "已撤回";
            case PAID -> "已支付";
            case CANCELLED -> "已撤销";
        };
    }

    private static String verb(Status to) {
        return switch (to) {
            case PROPOSED -> "再提交";
            case APPROVED -> "批准";
            case REJECTED -> "驳回";
            case WITHDRAWN -> "撤回";
            case PAID -> "支付";
            case CANCELLED -> "撤销";
        };
    }

    private static String required(String text, String field, String name) {
        if (text == null || text.isBlank()) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, field, "请填写" + name, field + " is required");
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    name + "不能超过 " + MAX_TEXT + " 字", field + " is longer than " + MAX_TEXT + " characters");
        }
        return stripped;
    }
}
