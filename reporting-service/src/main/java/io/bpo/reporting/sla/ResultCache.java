package io.bpo.reporting.sla;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Computed months, kept while nothing they were computed from has changed. The key holds every input: the client,
 * the contract, the months, the terms in force exactly as contracts-service answered them for this request, the
 * time a record of the range was last ingested, and the KPI measurements read for the request. A new record, an
 * amendment or a new measurement makes a new key, so a hit is always what a fresh computation would give; old keys
 * fall out (least recently used first).
 */
final class ResultCache<K, V> {
    private final Map<K, V> entries;

    ResultCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Supplier<V> compute) {
        synchronized (entries) {
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = compute.get();
        synchronized (entries) {
            entries.put(key, value);
        }
        return value;
    }
}
