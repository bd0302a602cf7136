package cn.landbalance.api.outflow;

import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.outflow.LotFit;
import cn.landbalance.settlement.outflow.OwnIndicators;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * 自行补充: the applicant's own lots that could balance its application, each with the area it may use now or why it
 * may not (its vintage, paddy, quality); {@code POST …/self-restore} then takes it.
 */
@Tag(name = "outflow")
@Controller("/api/outflow-applications")
@Secured({"ENTERPRISE", "TOWNSHIP_OFFICER", "COUNTY_ADMIN"})
public class OwnIndicatorsController {
    private final OwnIndicators own;

    public OwnIndicatorsController(OwnIndicators own) {
        this.own = own;
    }

    /** A lot and what of it may balance the application; {@code refusal} is null when {@code usableM2} may be taken. */
    @Serdeable
    public record OwnLotView(long lotId, long townshipId, int vintageYear, int qualityGrade, boolean paddy,
                             long availableM2, long usableM2, String usableHectares, @Nullable ErrorCode refusal,
                             @Nullable String refusalZh, @Nullable String refusalEn) {
        static OwnLotView of(LotFit fit) {
            ErrorCode refusal = fit.refusal();
            return new OwnLotView(fit.lot().id(), fit.lot().ownerRegionId(), fit.lot().vintageYear(),
                    fit.lot().qualityGrade(), fit.lot().paddy(), fit.lot().balances().availableM2(), fit.usableM2(),
                    Units.m2ToHectares(fit.usableM2()), refusal, refusal == null ? null : refusal.messageZh(),
                    refusal == null ? null : refusal.messageEn());
        }
    }

    @Get("/{id}/own-lots")
    @ReadOnly
    public List<OwnLotView> ownLots(Actor actor, @PathVariable long id) {
        return own.forApplication(actor, id).stream().map(OwnLotView::of).toList();
    }
}
