package cn.landbalance.settlement.adjustment;

/**
 * What a township pays for indicators moved to it by the 调剂: FUND, the guide price from its fund to the fund (or
 * reserve) that gave them; NONE, the county moves them without payment (县政府统筹调剂).
 */
public enum Compensation { FUND, NONE }
