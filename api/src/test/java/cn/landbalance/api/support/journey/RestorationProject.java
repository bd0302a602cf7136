package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.Json;

/**
 * The form of an inflow project (补充耕地项目) a township files: by default 其他林地 in 西关村 restored to 旱地, 集体,
 * slope grade 2, no restoration attribute, every eligibility question ({@link #NO_CONSTRAINTS}) answered "no".
 */
public record RestorationProject(long townshipId, long areaM2, String village, String landClassBefore, String targetClass,
                                 String ownership, String restorationAttr, Integer planYear, Json more) {
    /** The eligibility questions of the form, all answered "no". */
    public static final Json NO_CONSTRAINTS = Json.object("ecologicalRedLine", false, "natureReserve", false,
            "waterSourceLevel1", false, "riverLakeForestPastoralDesert", false, "builtUpArea", false,
            "returnedFarmlandForest", false, "pollutedSoil", false, "illegalDeforestation", false);

    /** {@code areaM2} of 其他林地 in the township's 西关村, to become 旱地. */
    public static RestorationProject in(long townshipId, long areaM2) {
        return new RestorationProject(townshipId, areaM2, "西关村", "其他林地", "旱地", "集体", null, null, Json.object());
    }

    public RestorationProject inVillage(String name) {
        return new RestorationProject(townshipId, areaM2, name, landClassBefore, targetClass, ownership, restorationAttr,
                planYear, more);
    }

    /** From {@code before} to {@code target} ({@code "果园", "旱地"}). */
    public RestorationProject from(String before, String target) {
        return new RestorationProject(townshipId, areaM2, village, before, target, ownership, restorationAttr, planYear, more);
    }

    public RestorationProject withOwnership(String owner) {
        return new RestorationProject(townshipId, areaM2, village, landClassBefore, targetClass, owner, restorationAttr,
                planYear, more);
    }

    public RestorationProject withRestorationAttr(String attr) {
        return new RestorationProject(townshipId, areaM2, village, landClassBefore, targetClass, ownership, attr, planYear,
                more);
    }

    public RestorationProject withPlanYear(int year) {
        return new RestorationProject(townshipId, areaM2, village, landClassBefore, targetClass, ownership, restorationAttr,
                year, more);
    }

    /** Any further field of the form ({@code slopeGrade}, {@code holderOrgId}, {@code constraints}…). */
    public RestorationProject with(String field, Object value) {
        return new RestorationProject(townshipId, areaM2, village, landClassBefore, targetClass, ownership, restorationAttr,
                planYear, more.with(field, value));
    }

    /** The request body. */
    public Json toJson() {
        Json body = Json.object("townshipId", townshipId, "village", village, "landClassBefore", landClassBefore,
                "targetClass", targetClass, "ownership", ownership, "restorationAttr", restorationAttr, "slopeGrade", 2,
                "areaM2", areaM2);
        return (planYear == null ? body : body.with("planYear", planYear)).with("constraints", NO_CONSTRAINTS).with(more);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
