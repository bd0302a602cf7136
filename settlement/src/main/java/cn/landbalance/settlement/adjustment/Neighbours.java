package cn.landbalance.settlement.adjustment;

import cn.landbalance.ledger.common.DomainException;
import cn.landbalance.ledger.common.ErrorCode;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a county's townships border each other, as the county records it. The 调剂 prefers a neighbour's indicators
 * to a distant township's (就近调剂: the land restored stays close to the land converted, and the townships already
 * work together); with no neighbours recorded, every township is as near as any other.
 */
public record Neighbours(Set<Pair> pairs) {
    public static final Neighbours NONE = new Neighbours(Set.of());

    /** Two townships that border each other, the smaller id first. */
    public record Pair(long a, long b) implements Comparable<Pair> {
        public static Pair of(long x, long y) {
            return new Pair(Math.min(x, y), Math.max(x, y));
        }

        @Override
        public int compareTo(Pair o) {
            return a != o.a ? Long.compare(a, o.a) : Long.compare(b, o.b);
        }
    }

    public Neighbours {
        pairs = Set.copyOf(pairs);
    }

    /**
     * The county's pairs, checked: both townships of the county, not a township with itself; a pair given twice (in
     * either order) counts once. A bad entry is refused naming {@code pairs[i]}.
     */
    public static Neighbours of(List<long[]> given, Collection<Long> townshipsOfCounty) {
        TreeSet<Pair> pairs = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            long[] p = given.get(i);
            if (p == null || p.length != 2) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "pairs[" + i + "]",
                        "每一对须为两个乡镇", "each pair names two townships");
            }
            for (int side = 0; side < 2; side++) {
                if (!townshipsOfCounty.contains(p[side])) {
                    throw DomainException.field(ErrorCode.TOWNSHIP_NOT_FOUND, "pairs[" + i + "]",
                            "乡镇 " + p[side] + " 不属于本县", "township " + p[side] + " is not of this county");
                }
            }
            if (p[0] == p[1]) {
                throw DomainException.field(ErrorCode.VALIDATION_FAILED, "pairs[" + i + "]",
                        "乡镇不能与自身相邻", "a township does not border itself");
            }
            pairs.add(Pair.of(p[0], p[1]));
        }
        return new Neighbours(pairs);
    }

    public boolean known() {
        return !pairs.isEmpty();
    }

    public boolean adjacent(long x, long y) {
        return pairs.contains(Pair.of(x, y));
    }
}
