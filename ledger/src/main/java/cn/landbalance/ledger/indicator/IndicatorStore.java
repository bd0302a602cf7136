package cn.landbalance.ledger.indicator;

import java.util.Optional;

/**
 * Port: persistence of lots, holds and movements. All calls of one ledger operation run in one database
 * transaction of the caller; {@code lockLot} holds the lot's row lock until it ends, which serialises
 * concurrent operations on the same lot.
 */
public interface IndicatorStore {
    IndicatorLot insertLot(long ownerRegionId, long countyId, int qualityGrade, boolean paddy, int vintageYear,
                           Long sourceProjectId, long issuedM2);

    Optional<IndicatorLot> lockLot(long lotId);

    /** Row-locks the lot a hold is on (a hold's lot never changes); empty when there is no such hold. */
    Optional<IndicatorLot> lockLotOfHold(long holdId);

    /** Reads a hold without locking (for checks and reports); ledger operations lock its lot, then {@link #lockHold}. */
    Optional<Hold> findHold(long holdId);

    Hold lockHold(long holdId);

    void updateBalances(long lotId, LotBalances balances);

    Hold insertHold(long lotId, HoldKind kind, long areaM2, String reference);

    void updateHold(Hold hold);

    void append(Movement movement);

    /** Marks a lot as held by the organisation that restored the land itself. */
    void assignHolder(long lotId, long holderOrgId);
}
