package cn.landbalance.settlement.inflow;

/** 集体 (collective) or 国有 (state) land. */
public enum Ownership { 集体, 国有 }
