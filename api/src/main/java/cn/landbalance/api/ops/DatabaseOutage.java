package cn.landbalance.api.ops;

import jakarta.inject.Singleton;

/**
 * Remembers, for a few seconds, that the database could not be reached, so that work which only checks something
 * (the session check of each token) does not wait out the pool's connection timeout on every request of an outage
 * before the request itself waits it out again.
 */
@Singleton
public class DatabaseOutage {
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private volatile long noticedAt;
    private volatile boolean noticed;

    public void noticed() {
        noticedAt = System.nanoTime();
        noticed = true;
    }

    /** True when the database was found unreachable within the last 10 s. */
    public boolean recent() {
        return noticed && System.nanoTime() - noticedAt < WINDOW_NANOS;
    }
}
