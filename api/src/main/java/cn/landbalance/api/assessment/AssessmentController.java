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
    private final AssessmentPlans plans;
    private final CountyBalances balances;
    private final Regions regions;

    private final Clock clock;

    public AssessmentController(AssessmentPlans plans, CountyBalances balances, Regions regions, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.balances = balances;
        this.regions = regions;
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
        Tenancy.requireMemberOfCounty(actor, countyId);
        requireCounty(countyId);
        return PlanBody.of(plans.find(countyId, year).orElse(AssessmentPlan.defaults()));
    }

    /** Replaces the year's plan: points and tasks; a township not of this county is refused, naming the entry. */
    @Put("/counties/{countyId}/assessment-plans/{year}")
    @Secured("COUNTY_ADMIN")
    @Transactional
    @Idempotent
    public HttpResponse<PlanBody> savePlan(Actor actor, @PathVariable long countyId, @PathVariable @Min(2000) @Max(2100) int year,
                             @Valid @Body PlanBody body) {
        Tenancy.requireMemberOfCounty(actor, countyId);
        requireCounty(countyId);
        Set<Long> townships = regions.children(countyId).stream().map(Region::id).collect(Collectors.toSet());
        List<AssessmentPlan.Task> tasks = new ArrayList<>();
        for (int i = 0; i < body.tasks().size(); i++) {
            TaskBody task = body.tasks().get(i);
            if (!townships.contains(task.townshipId())) {
                throw DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "tasks[" + i + "].townshipId",
                        "乡镇 " + task.townshipId() + " 不属于县 " + countyId,
                        "township " + task.townshipId() + " is not in county " + countyId);
            }
            tasks.add(new AssessmentPlan.Task(task.townshipId(), task.taskM2()));
        }
        AssessmentPlan plan = AssessmentPlan.of(body.basePoints(), body.maxBonusPoints(), tasks);
        plans.save(countyId, year, plan);
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
        AssessmentPlan plan = plans.find(countyId, y).orElse(AssessmentPlan.defaults());
        List<TownshipScore> lines = new ArrayList<>();
        for (YearBalance b : rows) {
            long task = plan.taskM2(b.townshipId());
            Assessment.Score s = Assessment.of(b, task, plan);
            lines.add(new TownshipScore(b.townshipId(), b.name(), b.obligationM2(), b.inflowM2(), task, s.standing(),
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

    private void requireCounty(long countyId) {
        regions.requireCounty(countyId);
    }
}
