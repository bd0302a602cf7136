package cn.landbalance.ledger.indicator;

/**
 * A lot of indicators: restored land accepted by the county, owned by a township (or a county or city
 * reserve), with its quality grade (等别 1-15, 1 best), paddy flag, vintage year and source project. Any
 * whole number of m² of it can move between its buckets. {@code holderOrgId} is set when an enterprise restored
 * the land itself: only that organisation may use the lot (for its own obligations); the township cannot list it.
 */
public record IndicatorLot(long id, long ownerRegionId, long countyId, int qualityGrade, boolean paddy, int vintageYear,
                           Long sourceProjectId, LotBalances balances, Long holderOrgId) {

    public IndicatorLot withBalances(LotBalances next) {
        return new IndicatorLot(id, ownerRegionId, countyId, qualityGrade, paddy, vintageYear, sourceProjectId, next,
                holderOrgId);
    }
}
