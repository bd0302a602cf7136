package cn.landbalance.settlement.outflow;

import java.math.BigDecimal;

/**
 * What is known about the land to be converted. {@code greenBeltRoadType}/{@code greenBeltWidthM} describe a
 * green belt, {@code ruralRoadWidthM} a new rural road; null where not applicable.
 */
public record OutflowSite(boolean permanentBasicFarmland, boolean plannedConstructionLand, boolean highStandardFarmland,
                          boolean supplementPlan, RoadType greenBeltRoadType, BigDecimal greenBeltWidthM,
                          BigDecimal ruralRoadWidthM, boolean landscapeLake, boolean turf) {
    public static final OutflowSite PLAIN = new OutflowSite(false, false, false, false, null, null, null, false, false);
}
