package cn.landbalance.api.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one task per item on the pool, all released at the same moment, and returns their results in item order. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    public static <T, R> List<R> run(ExecutorService pool, List<T> items, Function<T, R> each) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> {
                start.await();
                return each.apply(item);
            }));
        }
        start.countDown();
        List<R> results = new ArrayList<>();
        for (Future<R> f : futures) {
            results.add(f.get());
        }
        return results;
    }
}
