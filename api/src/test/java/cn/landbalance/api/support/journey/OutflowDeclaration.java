package cn.landbalance.api.support.journey;

import cn.landbalance.api.support.Json;

/**
 * The form of an outflow application (转出申报) as an applicant fills it in. {@link #in} gives the common case, 1 000 m²
 * of grade-12 dry land turned into 设施农用地 (AGRI_FACILITY), none of the forbidden kinds of land; the {@code with…}
 * methods change one answer, {@link #with(String, Object)} any other field of the form (a green belt, a rural road…).
 */
public record OutflowDeclaration(long townshipId, String category, String landClassAfter, long areaM2, int qualityGrade,
                                 boolean paddy, Integer planYear, Json more) {

    /** 1 000 m² of grade-12 dry land in the township, for 设施农用地. */
    public static OutflowDeclaration in(long townshipId) {
        return new OutflowDeclaration(townshipId, "AGRI_FACILITY", "设施农用地", 1_000, 12, false, null, Json.object());
    }

    public OutflowDeclaration withArea(long m2) {
        return new OutflowDeclaration(townshipId, category, landClassAfter, m2, qualityGrade, paddy, planYear, more);
    }

    public OutflowDeclaration withGrade(int grade) {
        return new OutflowDeclaration(townshipId, category, landClassAfter, areaM2, grade, paddy, planYear, more);
    }

    public OutflowDeclaration withPaddy(boolean isPaddy) {
        return new OutflowDeclaration(townshipId, category, landClassAfter, areaM2, qualityGrade, isPaddy, planYear, more);
    }

    /** The category of use and the land class after conversion ({@code "GREENING", "乔木林地"}). */
    public OutflowDeclaration withUse(String newCategory, String newLandClass) {
        return new OutflowDeclaration(townshipId, newCategory, newLandClass, areaM2, qualityGrade, paddy, planYear, more);
    }

    /** Declared for the plan of {@code year} (else the server's current year). */
    public OutflowDeclaration withPlanYear(int year) {
        return new OutflowDeclaration(townshipId, category, landClassAfter, areaM2, qualityGrade, paddy, year, more);
    }

    /** Any further field of the form, or one of the fields above by its JSON name. */
    public OutflowDeclaration with(String field, Object value) {
        return new OutflowDeclaration(townshipId, category, landClassAfter, areaM2, qualityGrade, paddy, planYear,
                more.with(field, value));
    }

    /** Every field of {@code fields} set as {@link #with(String, Object)} sets one. */
    public OutflowDeclaration with(Json fields) {
        return new OutflowDeclaration(townshipId, category, landClassAfter, areaM2, qualityGrade, paddy, planYear,
                more.with(fields));
    }

    /** The request body. */
    public Json toJson() {
        Json body = Json.object("townshipId", townshipId, "category", category, "landClassAfter", landClassAfter,
                "areaM2", areaM2, "qualityGrade", qualityGrade, "paddy", paddy, "permanentBasicFarmland", false,
                "plannedConstructionLand", false, "highStandardFarmland", false);
        return (planYear == null ? body : body.with("planYear", planYear)).with(more);
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
