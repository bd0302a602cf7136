package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A listing's one step: an open listing is withdrawn, a withdrawn one refuses. */
class ListingTest {
    private final Listing open = new Listing(3, 1, 8, 4_200_000, 1_000, 600, Listing.Status.OPEN);

    @Test
    void anOpenListingIsWithdrawnKeepingWhatItWas() {
        Listing withdrawn = open.after(Listing.Action.WITHDRAW);
        assertEquals(Listing.Status.WITHDRAWN, withdrawn.status());
        assertEquals(new Listing(3, 1, 8, 4_200_000, 1_000, 600, Listing.Status.WITHDRAWN), withdrawn);
    }

    @Test
    void aWithdrawnListingRefusesWithItsStatusNamed() {
        DomainException refused = assertThrows(DomainException.class,
                () -> open.after(Listing.Action.WITHDRAW).after(Listing.Action.WITHDRAW));
        assertEquals(ErrorCode.LISTING_NOT_OPEN, refused.code());
        assertEquals("挂牌 3 已撤回", refused.detailZh());
    }
}
