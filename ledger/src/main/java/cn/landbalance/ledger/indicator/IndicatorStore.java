package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.AreaM2;
import java.util.Optional;

/**
 * Port: persistence of lots, holds and movements. All calls of one ledger operation run in one database
 * transaction of the caller; {@code lockLot} and {@code lockHold} hold the lot's row lock until it ends, which
 * serialises concurrent operations on the same lot. Each ledger step (the lot's new balances, the hold it opens or
 * settles and its movement) is written by one call, so it costs one round trip to the database.
 */
public interface IndicatorStore {
    IndicatorLot insertLot(long ownerRegionId, long countyId, int qualityGrade, boolean paddy, int vintageYear,
                           Long sourceProjectId, AreaM2 issued);

    /** Stores new lots, each with all its area available; returns them in the same order, with their ids. */
    java.util.List<IndicatorLot> insertLots(java.util.List<IndicatorLedger.NewLot> lots);

    Optional<IndicatorLot> lockLot(long lotId);

    /** Row-locks every lot the region owns, in ascending id, and returns them as they now are. */
    java.util.List<IndicatorLot> lockLotsOwnedBy(long regionId);

    /** Row-locks a hold and the lot it is on (a hold's lot never changes); empty when there is no such hold. */
    Optional<LockedHold> lockHold(long holdId);

    /**
     * Row-locks these holds and their lots, lots in ascending id (as every use case takes them), for settling many
     * holds at once; a hold that does not exist is left out.
     */
    java.util.List<LockedHold> lockHolds(java.util.List<Long> holdIds);

    /**
     * Writes many settlements of holds locked by {@link #lockHolds}: each lot's balances after them all, each hold's
     * remaining area as the last settlement left it, and every movement in order.
     */
    void settleHolds(java.util.Map<Long, LotBalances> balancesByLot, java.util.List<Hold> holds,
                     java.util.List<Movement> movements);

    /** Reads a hold without locking (for checks and reports). */
    Optional<Hold> findHold(long holdId);

    /**
     * Opens a hold on a lot locked by {@link #lockLot}: writes the lot's {@code balances}, the new hold of
     * {@code areaM2} and its opening movement ({@code kind.open()}); returns the hold.
     */
    Hold openHold(IndicatorLot lot, LotBalances balances, HoldKind kind, AreaM2 area, String reference);

    /**
     * Settles part of a hold locked by {@link #lockHold}: writes the lot's {@code balances}, the hold's remaining
     * area as in {@code settled} and {@code movement}.
     */
    void settleHold(IndicatorLot lot, LotBalances balances, Hold settled, Movement movement);

    /** Whether any reservation or freeze was ever opened on the lot (settled ones included). */
    boolean hasHolds(long lotId);

    /** Writes the lot's new balances and a movement that concerns no hold (a revocation, a return), in one step. */
    void write(IndicatorLot lot, LotBalances balances, Movement movement);

    /** Appends movements that open no hold (issues), in batches. */
    void appendAll(java.util.List<Movement> movements);

    /** Appends a movement that opens no hold (an issue). */
    void append(Movement movement);

    /** Marks a lot as held by the organisation that restored the land itself. */
    void assignHolder(long lotId, long holderOrgId);

    /** A hold and its lot, both row-locked. */
    record LockedHold(IndicatorLot lot, Hold hold) {
    }
}
