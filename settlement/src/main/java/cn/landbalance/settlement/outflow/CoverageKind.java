package cn.landbalance.settlement.outflow;

/** How part of an obligation was covered (DOMAIN.md §6). */
public enum CoverageKind { SELF, PURCHASE, FEE }
