package cn.landbalance.settlement.reserve;

import cn.landbalance.settlement.adjustment.Compensation;

import java.time.Instant;

/**
 * Indicators a township gives into the county's reserve (县级储备), which the county holds to lend to a township short of
 * indicators for a violation and to use in its 调剂. The township's lot is consumed by that area and the reserve
 * receives a new lot of the same grade, paddy and vintage; with compensation FUND the reserve fund pays the township's
 * fund the guide price.
 *
 * @param amountFen   what the reserve fund paid (0 without compensation)
 * @param transferId  the money transfer, or null without compensation
 * @param rulesVersionId the county rules version whose guide price it was priced at
 */
public record ReserveTransfer(long id, long countyId, long townshipId, long fromLotId, long toLotId, long areaM2,
                              Compensation compensation, long pricePerMuFen, long amountFen, Long transferId,
                              String reason, long userId, Instant at, Long rulesVersionId) {
}
