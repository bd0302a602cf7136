package cn.landbalance.settlement.outflow;

/** How part of an obligation was covered (DOMAIN.md §6). */
/**
 * How part of an obligation is covered: the applicant's own indicators, indicators bought, the fee, or indicators of
 * another township (or the county reserve) moved to it by the county's 调剂.
 */
public enum CoverageKind { SELF, PURCHASE, FEE, ADJUSTMENT }
