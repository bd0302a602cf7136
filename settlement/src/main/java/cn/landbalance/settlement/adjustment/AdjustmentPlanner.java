package cn.landbalance.settlement.adjustment;

import cn.landbalance.ledger.common.Units;
import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Proposes how a county's year is balanced, as a min-cost maximum flow solved by OR-Tools:
 * <pre>
 * source → region (its available area less the floor it keeps)
 *        → supply class (region, grade, paddy)
 *        → need class (township, grade, paddy), where the class serves it (no worse grade, paddy for paddy)
 *        → sink (what that class of the township's applications still needs)
 * </pre>
 * The flow covers as much of the needs as the indicators allow (maximum flow); among such flows it takes the cheapest:
 * a township's own lots cost nothing (self-balance first); another township's cost the guide price per m², a tenth more
 * when the county recorded which townships border each other and this one is not a neighbour (就近调剂: neighbours
 * first); the county reserve's twice the guide price (surplus townships before the reserve); and each grade better than
 * needed, or paddy given where not needed, costs 1 or 2 fen/m² more, so the best land is kept for the needs only it can
 * serve. With scope OWN only a
 * township's own lots are offered to it. The class flows are then split over lots (oldest first) and applications
 * (oldest first); any split is exact because every lot of a class serves every application of the class it flows to.
 */
public final class AdjustmentPlanner {
    private static final long MIN_UNIT_COST = 100;

    private AdjustmentPlanner() {
    }

    private static final class Native {
        static {
            Loader.loadNativeLibraries();
        }

        static void load() {
            // the static block above runs once per JVM
        }
    }

    /**
     * @param keepM2        the area each region keeps out of the 调剂 (by region id; none when absent)
     * @param pricePerMuFen the county's guide price, for the compensation and the cost of moving indicators
     */
    public static Proposal propose(Scope scope, Compensation compensation, List<Need> needs, List<Supply> supplies,
                                   Map<Long, Long> keepM2, long pricePerMuFen) {
        return propose(scope, compensation, needs, supplies, keepM2, pricePerMuFen, Neighbours.NONE);
    }

    /** The same, preferring a neighbour's indicators to a distant township's. */
    public static Proposal propose(Scope scope, Compensation compensation, List<Need> needs, List<Supply> supplies,
                                   Map<Long, Long> keepM2, long pricePerMuFen, Neighbours neighbours) {
        Native.load();
        Map<ClassKey, List<Supply>> supplyClasses = new TreeMap<>();
        Map<Long, Long> regionArea = new TreeMap<>();
        Map<Long, Boolean> reserveRegion = new HashMap<>();
        for (Supply s : supplies) {
            if (s.availableM2() <= 0) {
                continue;
            }
            supplyClasses.computeIfAbsent(new ClassKey(s.regionId(), s.qualityGrade(), s.paddy()), k -> new ArrayList<>()).add(s);
            regionArea.merge(s.regionId(), s.availableM2(), Long::sum);
            reserveRegion.put(s.regionId(), s.reserve());
        }
        Map<ClassKey, List<Need>> needClasses = new TreeMap<>();
        for (Need n : needs) {
            if (n.remainingM2() > 0) {
                needClasses.computeIfAbsent(new ClassKey(n.townshipId(), n.qualityGrade(), n.paddy()), k -> new ArrayList<>()).add(n);
            }
        }
        long unit = Math.max(MIN_UNIT_COST, (pricePerMuFen * 15 + 5_000) / 10_000);

        MinCostFlow flow = new MinCostFlow();
        try {
            int source = 0;
            int sink = 1;
            int next = 2;
            Map<Long, Integer> regionNode = new LinkedHashMap<>();
            long supplyTotal = 0;
            for (Map.Entry<Long, Long> r : regionArea.entrySet()) {
                long cap = Math.max(0, r.getValue() - keepM2.getOrDefault(r.getKey(), 0L));
                regionNode.put(r.getKey(), next);
                flow.addArcWithCapacityAndUnitCost(source, next++, cap, 0);
                supplyTotal += cap;
            }
            Map<ClassKey, Integer> supplyNode = new LinkedHashMap<>();
            for (Map.Entry<ClassKey, List<Supply>> c : supplyClasses.entrySet()) {
                supplyNode.put(c.getKey(), next);
                flow.addArcWithCapacityAndUnitCost(regionNode.get(c.getKey().regionId()), next++,
                        c.getValue().stream().mapToLong(Supply::availableM2).sum(), 0);
            }
            Map<ClassKey, Integer> needNode = new LinkedHashMap<>();
            long needTotal = 0;
            for (Map.Entry<ClassKey, List<Need>> c : needClasses.entrySet()) {
                long need = c.getValue().stream().mapToLong(Need::remainingM2).sum();
                needNode.put(c.getKey(), next);
                flow.addArcWithCapacityAndUnitCost(next++, sink, need, 0);
                needTotal += need;
            }
            record ClassArc(int arc, ClassKey supply, ClassKey need) {
            }
            List<ClassArc> classArcs = new ArrayList<>();
            for (ClassKey s : supplyClasses.keySet()) {
                for (ClassKey n : needClasses.keySet()) {
                    boolean own = s.regionId() == n.regionId();
                    if ((scope == Scope.OWN && !own) || !Supply.serves(s.grade(), s.paddy(), n.grade(), n.paddy())) {
                        continue;
                    }
                    long cost = (own ? 0 : reserveRegion.get(s.regionId()) ? 2 * unit : unit + distant(neighbours, s, n, unit))
                            + (n.grade() - s.grade()) + (s.paddy() && !n.paddy() ? 2 : 0);
                    int arc = flow.addArcWithCapacityAndUnitCost(supplyNode.get(s), needNode.get(n), Long.MAX_VALUE / 4, cost);
                    classArcs.add(new ClassArc(arc, s, n));
                }
            }
            long bound = Math.min(supplyTotal, needTotal);
            flow.setNodeSupply(source, bound);
            flow.setNodeSupply(sink, -bound);
            long cost = 0;
            List<Line> lines = new ArrayList<>();
            if (bound > 0 && !classArcs.isEmpty()) {
                MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
                if (status != MinCostFlowBase.Status.OPTIMAL) {
                    throw new IllegalStateException("the min-cost flow solver answered " + status);
                }
                cost = flow.getOptimalCost();
                Map<Long, Long> lotLeft = new HashMap<>();
                supplies.forEach(s -> lotLeft.put(s.lotId(), s.availableM2()));
                Map<Long, Long> needLeft = new HashMap<>();
                needs.forEach(n -> needLeft.put(n.applicationId(), n.remainingM2()));
                for (ClassArc a : classArcs) {
                    long f = flow.getFlow(a.arc());
                    if (f > 0) {
                        split(f, sorted(supplyClasses.get(a.supply())), needClasses.get(a.need()), lotLeft, needLeft,
                                compensation, pricePerMuFen, lines);
                    }
                }
            }
            lines.sort(Comparator.comparingLong(Line::toTownshipId).thenComparingLong(Line::applicationId)
                    .thenComparingLong(Line::lotId));
            return new Proposal(scope, compensation, pricePerMuFen, List.copyOf(lines),
                    outcomes(needs, regionArea, keepM2, lines), cost);
        } finally {
            flow.delete();
        }
    }

    /** What a township's indicators cost more than a neighbour's would: a tenth of the guide price, when neighbours are known. */
    private static long distant(Neighbours neighbours, ClassKey supply, ClassKey need, long unit) {
        return neighbours.known() && !neighbours.adjacent(supply.regionId(), need.regionId()) ? unit / 10 : 0;
    }

    private static List<Supply> sorted(List<Supply> lots) {
        return lots.stream().sorted(Comparator.comparingLong(Supply::lotId)).toList();
    }

    /** Splits {@code area} of a class flow over the class's lots and applications, oldest first. */
    private static void split(long area, List<Supply> lots, List<Need> apps, Map<Long, Long> lotLeft,
                              Map<Long, Long> needLeft, Compensation compensation, long pricePerMuFen, List<Line> out) {
        long left = area;
        List<Need> byId = apps.stream().sorted(Comparator.comparingLong(Need::applicationId)).toList();
        int l = 0;
        int n = 0;
        while (left > 0) {
            while (lotLeft.get(lots.get(l).lotId()) == 0) {
                l++;
            }
            while (needLeft.get(byId.get(n).applicationId()) == 0) {
                n++;
            }
            Supply lot = lots.get(l);
            Need need = byId.get(n);
            long take = Math.min(left, Math.min(lotLeft.get(lot.lotId()), needLeft.get(need.applicationId())));
            lotLeft.merge(lot.lotId(), -take, Long::sum);
            needLeft.merge(need.applicationId(), -take, Long::sum);
            left -= take;
            boolean own = lot.regionId() == need.townshipId();
            long amount = own || compensation == Compensation.NONE ? 0 : Units.amountFen(take, pricePerMuFen);
            out.add(new Line(lot.lotId(), lot.regionId(), need.applicationId(), need.townshipId(), take, amount));
        }
    }

    private static List<Proposal.RegionOutcome> outcomes(List<Need> needs, Map<Long, Long> regionArea,
                                                         Map<Long, Long> keepM2, List<Line> lines) {
        TreeSet<Long> regions = new TreeSet<>(regionArea.keySet());
        needs.forEach(n -> regions.add(n.townshipId()));
        List<Proposal.RegionOutcome> out = new ArrayList<>();
        for (long r : regions) {
            long need = needs.stream().filter(n -> n.townshipId() == r).mapToLong(Need::remainingM2).sum();
            long own = lines.stream().filter(x -> x.own() && x.toTownshipId() == r).mapToLong(Line::areaM2).sum();
            long received = lines.stream().filter(x -> !x.own() && x.toTownshipId() == r).mapToLong(Line::areaM2).sum();
            long given = lines.stream().filter(x -> !x.own() && x.fromRegionId() == r).mapToLong(Line::areaM2).sum();
            long kept = Math.min(keepM2.getOrDefault(r, 0L), regionArea.getOrDefault(r, 0L));
            out.add(new Proposal.RegionOutcome(r, need, own, received, given, need - own - received, kept));
        }
        return List.copyOf(out);
    }

    private record ClassKey(long regionId, int grade, boolean paddy) implements Comparable<ClassKey> {
        @Override
        public int compareTo(ClassKey o) {
            return Comparator.comparingLong(ClassKey::regionId).thenComparingInt(ClassKey::grade)
                    .thenComparing(ClassKey::paddy).compare(this, o);
        }
    }
}
