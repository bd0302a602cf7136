package cn.landbalance.settlement.outflow;

/** The seven outflow categories (seed 004 四(三)1). */
public enum OutflowCategory {
    /** 国土绿化 */ GREENING,
    /** 绿化带 along roads, rivers and reservoirs */ GREEN_BELT,
    /** 农田防护林 */ SHELTER_FOREST,
    /** 工商资本 turning transferred land into forest or orchard */ CAPITAL_FOREST_ORCHARD,
    /** 农村道路、养殖、种植设施 */ AGRI_FACILITY,
    /** 水库水面 of new water projects */ RESERVOIR,
    /** 农民自行调整种植结构 */ PLANTING_ADJUSTMENT
}
