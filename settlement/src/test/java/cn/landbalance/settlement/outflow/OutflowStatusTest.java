package cn.landbalance.settlement.outflow;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outflow lifecycle's table: each step made from it, none outside it. */
class OutflowStatusTest {

    @Test
    void aStepCarriesWhereItStartsAndEnds() {
        OutflowStatus.Transition declare = OutflowStatus.DRAFT.transition(OutflowStatus.Action.DECLARE);
        assertEquals(OutflowStatus.DRAFT, declare.from());
        assertEquals(OutflowStatus.Action.DECLARE, declare.action());
        assertEquals(OutflowStatus.DECLARED, declare.to());
        assertEquals(OutflowStatus.TOWNSHIP_REVIEWED, OutflowStatus.DECLARED.transition(OutflowStatus.Action.REVIEW).to());
        assertEquals(OutflowStatus.CLOSED, OutflowStatus.IMPLEMENTED.transition(OutflowStatus.Action.CLOSE).to());
    }

    @Test
    void everyStepOutsideTheTableIsRefusedAndTheEndsAllowNone() {
        int allowed = 0;
        for (OutflowStatus from : OutflowStatus.values()) {
            for (OutflowStatus.Action action : OutflowStatus.Action.values()) {
                if (from.allowed().contains(action)) {
                    allowed++;
                    assertEquals(from.after(action), from.transition(action).to());
                } else {
                    DomainException refused = assertThrows(DomainException.class, () -> from.transition(action));
                    assertEquals(ErrorCode.ILLEGAL_TRANSITION, refused.code());
                }
            }
        }
        assertEquals(13, allowed, "a step forward, rejection and withdrawal from each of the 4 open statuses; closing once implemented");
        for (OutflowStatus end : new OutflowStatus[]{OutflowStatus.CLOSED, OutflowStatus.REJECTED, OutflowStatus.WITHDRAWN}) {
            assertTrue(end.allowed().isEmpty(), end.name());
        }
    }
}
