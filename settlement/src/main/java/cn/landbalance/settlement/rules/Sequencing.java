package cn.landbalance.settlement.rules;

/** 先进后出 (approval only once the obligation is covered) or 进出同步 (covered within the same year). */
public enum Sequencing { INFLOW_FIRST, SYNCHRONOUS }
