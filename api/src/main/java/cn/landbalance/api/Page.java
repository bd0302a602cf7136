package cn.landbalance.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a list: {@code {items, page, size, total}}. */
@Serdeable
public record Page<T>(List<T> items, int page, int size, long total) {
    /** Pages a list already in memory (small, tenant-scoped lists). */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, (int) to), page, size, all.size());
    }
}
