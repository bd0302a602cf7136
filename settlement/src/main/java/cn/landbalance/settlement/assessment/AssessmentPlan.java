package cn.landbalance.settlement.assessment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;
import cn.landbalance.ledger.common.Units;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A county's assessment settings for one year (seed 001 五1): the base score a township earns when it balances on
 * its own, the most bonus points a township can earn by restoring more than the task the city assigned to it, and
 * those tasks. The points are the county's to set; the defaults are 100 base points and up to 10 bonus points.
 */
public record AssessmentPlan(int basePoints, int maxBonusPoints, Map<Long, Long> taskM2ByTownship) {
    public static final int DEFAULT_BASE_POINTS = 100;
    public static final int DEFAULT_MAX_BONUS_POINTS = 10;
    public static final int MAX_POINTS = 1000;
    /** 1 亿公顷, more than the country's farmland: anything larger is a typing error. */
    public static final long MAX_TASK_M2 = 1_000_000_000_000L;

    /** One township's assigned restoration task for the year. */
    public record Task(long townshipId, long taskM2) {
    }

    public AssessmentPlan {
        requireRange("basePoints", basePoints, 1);
        requireRange("maxBonusPoints", maxBonusPoints, 0);
        taskM2ByTownship = Map.copyOf(taskM2ByTownship);
    }

    public static AssessmentPlan defaults() {
        return new AssessmentPlan(DEFAULT_BASE_POINTS, DEFAULT_MAX_BONUS_POINTS, Map.of());
    }

    /** Builds a plan from the tasks as a client lists them; a township listed twice is refused, naming the entry. */
    public static AssessmentPlan of(int basePoints, int maxBonusPoints, List<Task> tasks) {
        Map<Long, Long> byTownship = new TreeMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            String field = "tasks[" + i + "]";
            if (task.taskM2() < 0 || task.taskM2() > MAX_TASK_M2) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".taskM2",
                        "任务面积须在 0 至 " + Units.areaZh(MAX_TASK_M2) + " 之间，收到 " + Units.areaZh(task.taskM2()),
                        "taskM2 must be between 0 and " + MAX_TASK_M2 + ", got " + task.taskM2());
            }
            if (byTownship.put(task.townshipId(), task.taskM2()) != null) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, field + ".townshipId",
                        "乡镇 " + task.townshipId() + " 重复列出",
                        "township " + task.townshipId() + " is listed more than once");
            }
        }
        return new AssessmentPlan(basePoints, maxBonusPoints, byTownship);
    }

    public long taskM2(long townshipId) {
        return taskM2ByTownship.getOrDefault(townshipId, 0L);
    }

    private static void requireRange(String field, int value, int min) {
        if (value < min || value > MAX_POINTS) {
            throw DomainException.field(ErrorCode.VALIDATION_FAILED, field,
                    ("basePoints".equals(field) ? "基础分" : "最高加分") + "须在 " + min + " 至 " + MAX_POINTS + " 分之间，收到 "
                            + value,
                    field + " must be between " + min + " and " + MAX_POINTS + ", got " + value);
        }
    }
}
