package cn.landbalance.settlement.adjustment;

/**
 * OWN: each township's self-balance (its own lots against its own applications); COUNTY: the county's 调剂, which
 * first uses each township's own lots and then moves indicators of surplus townships and of the county reserve
 * (乡镇自行平衡、县级调剂补充).
 */
public enum Scope { OWN, COUNTY }
