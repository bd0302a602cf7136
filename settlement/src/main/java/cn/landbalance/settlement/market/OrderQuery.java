package cn.landbalance.settlement.market;

import java.time.Instant;

/**
 * Which orders a list shows: always one county; {@code buyerOrgId} and {@code sellerTownshipId} narrow it to a buyer's
 * orders or to orders with an allocation on a township's listings (with {@code eitherParty}, orders where the one
 * OR the other holds: a township officer's own purchases and its township's sales); the rest are optional filters.
 * Newest first.
 */
public record OrderQuery(long countyId, Long buyerOrgId, Long sellerTownshipId, boolean eitherParty, Order.Status status,
                         Long applicationId, Instant placedFrom, Instant placedBefore) {
}
