package io.bpo.kit.http;

import java.util.List;
import java.util.function.Function;

/** One page of a list: items in a stable order and the opaque cursor of the next page (null on the last). */
public record Page<T>(List<T> items, String nextCursor) {
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
