package cn.landbalance.settlement.reserve;

import cn.landbalance.ledger.common.AreaM2;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.MoneyFen;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.indicator.IndicatorLedger;
import cn.landbalance.ledger.indicator.IndicatorLot;
import cn.landbalance.ledger.indicator.IndicatorStore;
import cn.landbalance.ledger.money.MoneyLedger;
import cn.landbalance.ledger.money.Transfer;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.RegionLevel;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.adjustment.Compensation;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Role;
import cn.landbalance.settlement.market.ListedArea;
import cn.landbalance.settlement.rules.CountyRulesStore;
import cn.landbalance.settlement.rules.RulesVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The county takes a township's spare indicators into its reserve (县级统筹): the county admin names the lot, the area,
 * whether the reserve fund pays the guide price for it, and why. Locks in the global order: the listings on the lot, the
 * lot, then the funds. The lot must be a township's of this county, not an enterprise's, with that much available; its
 * offers on the market are trimmed to what it still backs.
 */
public class ReserveTransferService {
    public static final int MAX_REASON = 500;

    private final Regions regions;
    private final IndicatorLedger indicators;
    private final IndicatorStore lots;
    private final ListedArea listed;
    private final MoneyLedger money;
    private final CountyRulesStore rules;
    private final ReserveTransfers transfers;
    private final Clock clock;

    public ReserveTransferService(Regions regions, IndicatorLedger indicators, IndicatorStore lots, ListedArea listed,
                                  MoneyLedger money, CountyRulesStore rules, ReserveTransfers transfers, Clock clock) {
        this.regions = regions;
        this.indicators = indicators;
        this.lots = lots;
        this.listed = listed;
        this.money = money;
        this.rules = rules;
        this.transfers = transfers;
        this.clock = clock;
    }

    public ReserveTransfer transferIn(Actor actor, long countyId, long lotId, long areaM2, Compensation compensation,
                                      String reason) {
        if (actor.role() != Role.COUNTY_ADMIN || !actor.inCounty(countyId)) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "只有县级管理员可以将指标调入县级储备", "only the county admin takes indicators into its reserve");
        }
        Region county = regions.requireCounty(countyId);
        if (areaM2 <= 0 || areaM2 > Units.MAX_AREA_M2) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, "areaM2",
                    "面积须为正的整数平方米", "the area must be a positive whole number of m²");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw DomainException.field(ErrorCode.MISSING_FIELD, "reason",
                    "请写明调入储备的理由（不超过 500 字）", "give the reason (at most 500 characters)");
        }
        Compensation paid = compensation == null ? Compensation.NONE : compensation;
        listed.lockBefore(countyId, List.of(lotId));
        IndicatorLot lot = lots.lockLot(lotId)
                .filter(l -> l.countyId() == countyId && l.holderOrgId() == null)
                .filter(l -> regions.findById(l.ownerRegionId()).filter(r -> r.level() == RegionLevel.TOWNSHIP).isPresent())
                .orElseThrow(() -> DomainException.field(ErrorCode.LOT_NOT_FOUND, "lotId",
                        "指标批次 " + lotId + " 不是本县乡镇的指标", "lot " + lotId + " is not a township's lot of this county"));
        if (lot.balances().availableM2() < areaM2) {
            throw DomainException.field(ErrorCode.INSUFFICIENT_AVAILABLE_INDICATORS, "areaM2",
                    "该批次可用 " + Units.m2ToHectares(lot.balances().availableM2()) + " 公顷",
                    "the lot has " + lot.balances().availableM2() + " m² available, " + areaM2 + " m² asked");
        }
        int year = LocalDate.now(clock).getYear();
        long price = rules.forYear(countyId, year).guidePricePerMuFen();
        Long version = rules.governing(countyId, year).map(RulesVersion::id).orElse(null);
        String reference = "reserve-transfer:" + lotId + ":" + clock.millis();
        Long transferId = null;
        long amount = 0;
        if (paid == Compensation.FUND) {
            amount = Units.amountFen(areaM2, price);
            if (amount <= 0) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "compensation",
                        "按指导价补偿不足 1 分，请选择不补偿",
                        "the compensation at the guide price rounds to 0 fen: take it without compensation");
            }
            Transfer t = money.payFromReserve(countyId, lot.ownerRegionId(), MoneyFen.of(amount), reference, "indicators of lot " + lotId
                    + " taken into the county reserve: " + areaM2 + " m² at the guide price", "compensation");
            transferId = t.id();
        }
        IndicatorLot received = indicators.moveArea(lot, county.id(), lot.vintageYear(), AreaM2.of(areaM2), reference);
        listed.trim(List.of(lotId), ListedArea.Reason.RESERVED_BY_COUNTY);
        return transfers.record(new ReserveTransfer(0, countyId, lot.ownerRegionId(), lotId, received.id(), areaM2, paid, price,
                amount, transferId, why, actor.userId(), clock.instant(), version));
    }

    public List<ReserveTransfer> of(Actor actor, long countyId) {
        if (!actor.inCounty(countyId) || !(actor.role() == Role.COUNTY_ADMIN || actor.role() == Role.COUNTY_VIEWER)) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        regions.requireCounty(countyId);
        return transfers.of(countyId);
    }
}
