package cn.landbalance.settlement.market;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

/** A township's offer of its available indicators at a price per 亩; {@code remainingM2} is still on offer. */
public record Listing(long id, long countyId, long townshipId, long pricePerMuFen, long listedM2, long remainingM2,
                      Status status) {
    public enum Status {
        OPEN, WITHDRAWN;

        /** The status in Chinese ("挂牌中", "已撤回"), as refusals name it. */
        public String label() {
            return this == OPEN ? "挂牌中" : "已撤回";
        }
    }

    /** What may happen to a listing: only an open one is withdrawn; nothing happens to a withdrawn one. */
    public enum Action { WITHDRAW }

    /** The listing after {@code action}, or LISTING_NOT_OPEN when it is no longer open. */
    public Listing after(Action action) {
        if (status != Status.OPEN) {
            throw new DomainException(ErrorCode.LISTING_NOT_OPEN, "挂牌 " + id + " " + status.label(),
                    "listing " + id + " is " + status);
        }
        return new Listing(id, countyId, townshipId, pricePerMuFen, listedM2, remainingM2, Status.WITHDRAWN);
    }
}
