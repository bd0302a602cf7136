package cn.landbalance.settlement.identity;

import java.time.Duration;
import java.util.Map;

/** Failed sign-ins counted per key (a username, a client address) in a window, shared by every replica. */
public interface LoginFailures {
    /** Failures of each key counted in its window that has not ended yet (keys without any are absent). */
    Map<String, Integer> current(Duration window, String... keys);

    /** Counts one failure for each key: in its window, or as the first of a new window once the old one has ended. */
    void record(Duration window, String... keys);

    void clear(String key);

    /** Forgets windows that have ended; returns how many. */
    int purge(Duration window);
}
