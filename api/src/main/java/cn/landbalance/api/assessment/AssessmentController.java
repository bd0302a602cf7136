package cn.landbalance.api.assessment;

import cn.landbalance.api.idempotency.Idempotent;
import cn.landbalance.api.report.CountyYear;
import cn.landbalance.api.report.Xlsx;
import cn.landbalance.ledger.common.AsOf;
import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;
import cn.landbalance.ledger.region.Region;
import cn.landbalance.ledger.region.Regions;
import cn.landbalance.settlement.assessment.Assessment;
import cn.landbalance.settlement.assessment.AssessmentPlan;
import cn.landbalance.settlement.assessment.AssessmentPlans;
import cn.landbalance.settlement.assessment.AssessmentService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import cn.landbalance.settlement.identity.Actor;
import cn.landbalance.settlement.identity.Tenancy;
import cn.landbalance.settlement.outflow.CountyBalances;
import cn.landbalance.settlement.outflow.YearBalance;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The annual assessment of the townships (seed 001 五1) and the county's plan behind it: the points (county rules)
 * and the restoration task assigned to each township for the year.
 */
@Tag(name = "reports")
@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AssessmentController {
    private final AssessmentService assessment;
    private final CountyBalances balances;
    private final Clock clock;

    public AssessmentController(AssessmentService assessment, CountyBalances balances, Clock clock) {
        this.assessment = assessment;
        this.balances = balances;
        this.clock = clock;
    }

    @Factory
    static class Wiring {
        @Singleton
        AssessmentService assessmentService(AssessmentPlans plans, Regions regions) {
            return new AssessmentService(plans, regions);
        }
    }

    @Serdeable
    public record TaskBody(@NotNull @Positive Long townshipId, @NotNull @Min(0) @Max(AssessmentPlan.MAX_TASK_M2) Long taskM2) {
    }

    @Serdeable
    public record PlanBody(@NotNull @Min(1) @Max(AssessmentPlan.MAX_POINTS) Integer basePoints,
                           @NotNull @Min(0) @Max(AssessmentPlan.MAX_POINTS) Integer maxBonusPoints,
                           @NotNull @Size(max = 1000) List<@Valid @NotNull TaskBody> tasks) {
        static PlanBody of(AssessmentPlan plan) {
            return new PlanBody(plan.basePoints(), plan.maxBonusPoints(), plan.taskM2ByTownship().entrySet().stream()
                    .map(e -> new TaskBody(e.getKey(), e.getValue())).toList());
        }
    }

    @Serdeable
    public record TownshipScore(long townshipId, String name, long obligationM2, long inflowM2, long taskM2,
                                Assessment.Standing standing, long shortfallM2, long surplusOverTaskM2,
                                BigDecimal baseScore, BigDecimal deduction, BigDecimal bonus, BigDecimal score) {
    }

    @Serdeable
    public record AssessmentReport(long countyId, int year, @Nullable String asOf, int basePoints, int maxBonusPoints, int balanced,
                                   int shortfall, List<TownshipScore> townships) {
    }

    /** Every member of the county may read the year's plan (a township sees its own task). */
    @Get("/counties/{countyId}/assessment-plans/{year}")
    @ReadOnly
    public PlanBody plan(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year) {
        return PlanBody.of(assessment.plan(actor, countyId, year));
    }

    /** Replaces the year's plan: points and tasks; a township not of this county is refused, naming the entry. */
    @Put("/counties/{countyId}/assessment-plans/{year}")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanBody> savePlan(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                             @Valid @Body PlanBody body) {
        AssessmentPlan plan = assessment.savePlan(actor, countyId, year, body.basePoints(), body.maxBonusPoints(),
                body.tasks().stream().map(t -> new AssessmentPlan.Task(t.townshipId(), t.taskM2())).toList());
        return HttpResponse.ok(PlanBody.of(plan));
    }

    /**
     * JSON, or an .xlsx workbook (sheet 考核) with {@code Accept:} the spreadsheet media type; the balances now or as of
     * a moment ({@code asOf}), scored by the year's assessment plan as it stands.
     */
    @ApiResponse(responseCode = "200", description = "the report, or its workbook", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentReport.class)),
            @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))})
    @Get(value = "/reports/assessment", produces = {MediaType.APPLICATION_JSON, Xlsx.MEDIA_TYPE})
    @Secured({"COUNTY_ADMIN", "COUNTY_VIEWER"})
    @ReadOnly
    public HttpResponse<?> report(HttpRequest<?> request, Actor actor, @QueryValue long countyId,
                                  @Nullable @QueryValue @Min(2000) @Max(2100) Integer year,
                                  @Nullable @QueryValue String asOf) {
        Tenancy.requireCountyRoleOf(actor, countyId);
        AsOf at = CountyYear.asOf(asOf, clock);
        int y = CountyYear.year(year, at, clock);
        List<YearBalance> rows = CountyYear.balances(balances, countyId, y, at);
        AssessmentPlan plan = assessment.plan(actor, countyId, y);
        List<TownshipScore> lines = new ArrayList<>();
        for (AssessmentService.Line line : assessment.scores(actor, countyId, y, rows)) {
            YearBalance b = line.balance();
            Assessment.Score s = line.score();
            lines.add(new TownshipScore(b.townshipId(), b.name(), b.obligationM2(), b.inflowM2(), line.taskM2(), s.standing(),
                    s.shortfallM2(), s.surplusOverTaskM2(), s.baseScore(), s.deduction(), s.bonus(), s.total()));
        }
        int self = (int) lines.stream().filter(l -> l.standing() == Assessment.Standing.BALANCED).count();
        AssessmentReport body = new AssessmentReport(countyId, y, at.text(), plan.basePoints(), plan.maxBonusPoints(), self,
                lines.size() - self, lines);
        return Xlsx.wanted(request) ? workbook(body) : HttpResponse.ok(body);
    }

    private static HttpResponse<byte[]> workbook(AssessmentReport report) {
        Map<Assessment.Standing, String> standing = Map.of(Assessment.Standing.BALANCED, "已平衡",
                Assessment.Standing.SHORTFALL, "未能平衡");
        List<List<Object>> rows = Xlsx.rows();
        for (TownshipScore t : report.townships()) {
            rows.add(List.of(t.name(), ha(t.obligationM2()), ha(t.inflowM2()), ha(t.taskM2()), standing.get(t.standing()),
                    ha(t.shortfallM2()), ha(t.surplusOverTaskM2()), t.baseScore(), t.deduction(), t.bonus(), t.score()));
        }
        return Xlsx.response("耕地进出平衡考核表-" + report.year() + CountyYear.fileSuffix(report.asOf()) + ".xlsx", List.of(new Xlsx.SheetData("考核",
                List.of("乡镇", "平衡责任(公顷)", "转进(公顷)", "下达任务(公顷)", "平衡情况", "缺口(公顷)", "超额(公顷)",
                        "基本分", "扣分", "加分", "得分"), rows)));
    }

    private static BigDecimal ha(long m2) {
        return new BigDecimal(Units.m2ToHectares(m2));
    }
}
