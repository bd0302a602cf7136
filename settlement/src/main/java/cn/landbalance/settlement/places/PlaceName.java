package cn.landbalance.settlement.places;

import java.time.LocalDate;

/**
 * One entry of a county's place-name history: {@code formerName} (双泉乡) is now the township {@code regionId}
 * (双泉镇), since {@code effectiveOn} when known — a 乡 that became a 镇, or a township merged into another.
 */
public record PlaceName(long id, long countyId, String formerName, long regionId, String currentName, LocalDate effectiveOn,
                        String note) {
}
