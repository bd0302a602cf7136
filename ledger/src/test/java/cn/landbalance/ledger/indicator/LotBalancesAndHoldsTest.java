package cn.landbalance.ledger.indicator;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LotBalancesAndHoldsTest {
    private final LotBalances issued = LotBalances.EMPTY.apply(MovementKind.ISSUE, 1_000);

    @Test
    void everyMovementKeepsTheIssuedTotal() {
        LotBalances b = issued.apply(MovementKind.RESERVE, 300).apply(MovementKind.FREEZE, 200)
                .apply(MovementKind.CONSUME, 100).apply(MovementKind.RELEASE, 50).apply(MovementKind.DEDUCT, 20)
                .apply(MovementKind.UNFREEZE, 30);
        assertEquals(new LotBalances(580, 150, 150, 100, 20, 0), b);
        assertEquals(1_000, b.issuedM2());
    }

    @Test
    void aRevocationMovesAvailableAreaOutOfUseAndKeepsTheIssuedTotal() {
        LotBalances revoked = issued.apply(MovementKind.REVOKE, 1_000);
        assertEquals(new LotBalances(0, 0, 0, 0, 0, 1_000), revoked);
        assertEquals(1_000, revoked.issuedM2());
        assertEquals(ErrorCode.INSUFFICIENT_AVAILABLE_INDICATORS,
                assertThrows(DomainException.class, () -> revoked.apply(MovementKind.RESERVE, 1)).code());
        assertEquals(LotBalances.issued(1_000), issued);
    }

    @Test
    void aShortBucketIsRefusedWithItsCode() {
        DomainException e = assertThrows(DomainException.class, () -> issued.apply(MovementKind.RESERVE, 1_001));
        assertEquals(ErrorCode.INSUFFICIENT_AVAILABLE_INDICATORS, e.code());
        assertThrows(DomainException.class, () -> issued.apply(MovementKind.CONSUME, 1));
        assertThrows(DomainException.class, () -> issued.apply(MovementKind.RESERVE, 0));
    }

    @Test
    void aHoldSettlesInPartsButNeverBeyondWhatItHeld() {
        Hold hold = new Hold(1, 1, HoldKind.RESERVATION, 100, 100, "order:1");
        Hold partly = hold.settle(MovementKind.CONSUME, 60).settle(MovementKind.RELEASE, 30);
        assertEquals(10, partly.remainingM2());
        assertEquals(ErrorCode.HOLD_EXCEEDED, assertThrows(DomainException.class,
                () -> partly.settle(MovementKind.CONSUME, 11)).code());
        Hold done = partly.settle(MovementKind.CONSUME, 10);
        assertEquals(ErrorCode.HOLD_NOT_PENDING, assertThrows(DomainException.class,
                () -> done.settle(MovementKind.CONSUME, 1)).code());
        assertEquals(ErrorCode.HOLD_KIND_MISMATCH, assertThrows(DomainException.class,
                () -> hold.settle(MovementKind.DEDUCT, 1)).code());
    }
}
