package cn.landbalance.settlement.market;

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
}
