package cn.landbalance.settlement.reserve;

import java.util.List;

/** Port: the transfers into a county's reserve. */
public interface ReserveTransfers {
    /** Records the transfer (its id is assigned) and announces {@code reserve.transferred_in}. */
    ReserveTransfer record(ReserveTransfer transfer);

    /** The county's transfers, newest first. */
    List<ReserveTransfer> of(long countyId);
}
