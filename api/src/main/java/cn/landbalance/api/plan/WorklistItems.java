package cn.landbalance.api.plan;

import cn.landbalance.api.plan.AnnualPlanController.Item;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.plan.AnnualPlan;
import cn.landbalance.settlement.plan.ReportingRounds;

import java.util.List;

/** The items of the worklists, worded for the screen in both languages, with the page each links to. */
final class WorklistItems {
    private WorklistItems() {
    }

    /** A waiting item for the worklist, when there is anything waiting. */
    static void waiting(List<Item> items, String kind, long count, String zh, String en, String link) {
        if (count > 0) {
            items.add(new Item(kind, false, null, null, null, null, count, 0, count + " 件" + zh, count + " " + en, link));
        }
    }

    /**
     * Declarations a township has not reviewed and reported to the county by its round's date (the reporting rounds of
     * 达川府办〔2022〕72号, cited as seed 000 in docs/domain.md).
     */
    static Item overdueReport(Regions regions, ReportingRounds.OverdueReport r) {
        String township = regions.findById(r.townshipId()).map(Region::name).orElse(String.valueOf(r.townshipId()));
        return new Item("TOWNSHIP_REPORT", true, r.due().getYear(), r.due(), r.townshipId(), township, r.count(), 0,
                township + " " + r.count() + " 件转出申报逾期未审核上报（期限 " + r.due() + "）",
                township + ": " + r.count() + " declared outflow application(s) not reviewed and reported to the county (due "
                        + r.due() + ")", "#/review");
    }

    /** A plan step or fee land past its deadline, worded for the screen. */
    static Item item(AnnualPlan.Overdue o) {
        String due = o.due().toString();
        return switch (o.what()) {
            case APPROVAL -> new Item("PLAN_APPROVAL", true, o.year(), o.due(), null, null, 1, 0,
                    o.year() + " 年度方案逾期未批准（期限 " + due + "）", "the " + o.year() + " plan is not approved (due " + due + ")",
                    "#/year");
            case IMPLEMENTATION -> new Item("PLAN_IMPLEMENTATION", true, o.year(), o.due(), null, null, 1, 0,
                    o.year() + " 年度方案逾期未实施完成（期限 " + due + "）", "the " + o.year() + " plan is not implemented (due " + due
                            + ")", "#/year");
            case ACCEPTANCE -> new Item("PLAN_ACCEPTANCE", true, o.year(), o.due(), null, null, 1, 0,
                    o.year() + " 年度方案逾期未验收（期限 " + due + "）", "the " + o.year() + " plan is not accepted (due " + due + ")",
                    "#/year");
            case FEE_DELIVERY -> new Item("FEE_DELIVERY", true, o.year(), o.due(), o.townshipId(), o.township(), 1, o.owedM2(),
                    o.township() + " " + o.year() + " 年缴费对应的补充耕地逾期未交付 " + Units.m2ToHectares(o.owedM2()) + " 公顷（期限 "
                            + due + "）", o.township() + " owes " + Units.m2ToHectares(o.owedM2()) + " ha of fee-funded land of "
                            + o.year() + " (due " + due + ")", "#/year");
        };
    }
}
