package cn.landbalance.settlement.event;

import java.util.Arrays;
import java.util.Set;

/**
 * The name of every event the system publishes, in one place: its wire name ({@code type} on the stream) and the
 * aggregate it is about. docs/events/README.md lists the same names (a test keeps the two equal).
 */
public enum EventType {
    INDICATOR_ISSUED("indicator.issued", "indicator-lot"),
    INDICATOR_RESERVED("indicator.reserved", "indicator-lot"),
    INDICATOR_RELEASED("indicator.released", "indicator-lot"),
    INDICATOR_CONSUMED("indicator.consumed", "indicator-lot"),
    INDICATOR_FROZEN("indicator.frozen", "indicator-lot"),
    INDICATOR_UNFROZEN("indicator.unfrozen", "indicator-lot"),
    INDICATOR_DEDUCTED("indicator.deducted", "indicator-lot"),
    INDICATOR_REVOKED("indicator.revoked", "indicator-lot"),
    INDICATOR_RETURNED("indicator.returned", "indicator-lot"),
    INDICATOR_LISTED("indicator.listed", "listing"),
    INDICATOR_LISTING_WITHDRAWN("indicator.listing_withdrawn", "listing"),
    INDICATOR_LISTING_REDUCED("indicator.listing_reduced", "listing"),
    ORDER_PLACED("order.placed", "order"),
    ORDER_PAID("order.paid", "order"),
    ORDER_SETTLED("order.settled", "order"),
    ORDER_EXPIRED("order.expired", "order"),
    ORDER_CANCELLED("order.cancelled", "order"),
    PAYMENT_NOTICE_ISSUED("payment_notice.issued", "payment-notice"),
    PAYMENT_NOTICE_PAID("payment_notice.paid", "payment-notice"),
    PAYMENT_NOTICE_EXPIRED("payment_notice.expired", "payment-notice"),
    PAYMENT_NOTICE_CANCELLED("payment_notice.cancelled", "payment-notice"),
    FUND_BANK_ACCOUNT_SET("fund.bank_account_set", "township"),
    ACCOUNT_POSTING("account.posting", "fund-account"),
    FEE_PAID("fee.paid", "outflow-application"),
    FEE_REFUNDED("fee.refunded", "outflow-application"),
    FEE_KEPT("fee.kept", "outflow-application"),
    FEE_DELIVERED("fee.delivered", "fee_payment"),
    EXPENSE_PROPOSED("expense.proposed", "expense"),
    EXPENSE_APPROVED("expense.approved", "expense"),
    EXPENSE_REJECTED("expense.rejected", "expense"),
    EXPENSE_WITHDRAWN("expense.withdrawn", "expense"),
    EXPENSE_CANCELLED("expense.cancelled", "expense"),
    EXPENSE_PAID("expense.paid", "expense"),
    COUNTY_NEIGHBOURS_SET("county.neighbours_set", "county"),
    RESERVE_TRANSFERRED_IN("reserve.transferred_in", "reserve-transfer"),
    COUNTY_ADJUSTMENT_CONFIRMED("county.adjustment_confirmed", "county_adjustment"),
    PLAN_SUBMITTED("plan.submitted", "annual_plan"),
    PLAN_APPROVED("plan.approved", "annual_plan"),
    PLAN_FILED("plan.filed", "annual_plan"),
    PLAN_IMPLEMENTED("plan.implemented", "annual_plan"),
    PLAN_ACCEPTED("plan.accepted", "annual_plan"),
    PLAN_DEADLINES_SET("plan.deadlines_set", "annual_plan"),
    PLAN_IMPORTED("plan.imported", "plan-import"),
    PLAN_IMPORT_REVERSED("plan.import_reversed", "plan-import"),
    OBLIGATION_COVERAGE_ADDED("obligation.coverage_added", "outflow-application"),
    OBLIGATION_COVERAGE_REVERSED("obligation.coverage_reversed", "outflow-application"),
    OBLIGATION_COVERED("obligation.covered", "outflow-application"),
    OUTFLOW_DECLARED("outflow.declared", "outflow-application"),
    OUTFLOW_TOWNSHIP_REVIEWED("outflow.township_reviewed", "outflow-application"),
    OUTFLOW_APPROVED("outflow.approved", "outflow-application"),
    OUTFLOW_IMPLEMENTED("outflow.implemented", "outflow-application"),
    OUTFLOW_CLOSED("outflow.closed", "outflow-application"),
    OUTFLOW_REJECTED("outflow.rejected", "outflow-application"),
    OUTFLOW_WITHDRAWN("outflow.withdrawn", "outflow-application"),
    VIOLATION_OPENED("violation.opened", "violation-case"),
    VIOLATION_RESTORED("violation.restored", "violation-case"),
    VIOLATION_LEGALIZED("violation.legalized", "violation-case"),
    VIOLATION_RESOLVED("violation.resolved", "violation-case"),
    SPATIAL_SETTINGS_SAVED("spatial.settings_saved", "county"),
    LAYER_UPLOADED("layer.uploaded", "constraint-layer"),
    /** About an outflow application or an inflow project: the event names which. */
    PARCELS_UPLOADED("parcels.uploaded", null),
    PARCELS_CHECKED("parcels.checked", null);

    private final String wireName;
    private final String aggregate;

    EventType(String wireName, String aggregate) {
        this.wireName = wireName;
        this.aggregate = aggregate;
    }

    /** The name on the stream, e.g. {@code order.settled}. */
    public String wireName() {
        return wireName;
    }

    /** The aggregate type on the stream, or null when the event itself says which. */
    public String aggregate() {
        return aggregate;
    }

    /** The type of a wire name read back from the stream; empty for a name this version does not publish. */
    public static java.util.Optional<EventType> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** This type, when it is one of {@code allowed}: an event record that carries one of several types checks it. */
    EventType requireIn(EventType... allowed) {
        if (!Set.of(allowed).contains(this)) {
            throw new IllegalArgumentException(this + " is not one of " + Arrays.toString(allowed));
        }
        return this;
    }
}
