package cn.landbalance.settlement.rules;

/** Whether "no worse quality" is checked for each covering lot, or on the area-weighted average. */
public enum QualityRule { PER_LOT, WEIGHTED_AVERAGE }
