package cn.landbalance.settlement.inflow;

/** 即可恢复 (restorable at once) or 工程恢复 (restorable by engineering); grassland has none. */
public enum RestorationAttr { 即可恢复, 工程恢复 }
