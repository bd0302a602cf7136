package cn.landbalance.settlement.imports;

/** Which table of the annual plan: 附表1 耕地转进 (inflow) or 附表2 耕地转出 (outflow). */
public enum PlanKind {
    INFLOW("附表1 耕地转进"), OUTFLOW("附表2 耕地转出");

    private final String printedName;

    PlanKind(String printedName) {
        this.printedName = printedName;
    }

    public String printedName() {
        return printedName;
    }
}
