package io.bpo.reporting.rollup;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An exact count of values per whole second: {@code seconds} strictly increasing, {@code counts[i]} the number of
 * values equal to {@code seconds[i]}. Immutable; merging two is how rollups are summed.
 */
public final class SecondsDistribution {
    public static final SecondsDistribution EMPTY = new SecondsDistribution(new long[0], new long[0]);

    private final long[] seconds;
    private final long[] counts;

    public SecondsDistribution(long[] seconds, long[] counts) {
        if (seconds.length != counts.length) {
            throw new IllegalArgumentException("seconds and counts differ in length");
        }
        for (int i = 1; i < seconds.length; i++) {
            if (seconds[i] <= seconds[i - 1]) {
                throw new IllegalArgumentException("seconds must be strictly increasing");
            }
        }
        this.seconds = seconds.clone();
        this.counts = counts.clone();
    }

    /** How many values are at most {@code limit} (inclusive threshold); {@code atMost(limit - 1)} is exclusive. */
    public long atMost(long limit) {
        long n = 0;
        for (int i = 0; i < seconds.length && seconds[i] <= limit; i++) {
            n += counts[i];
        }
        return n;
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    public long[] seconds() {
        return seconds.clone();
    }

    public long[] counts() {
        return counts.clone();
    }

    public SecondsDistribution plus(SecondsDistribution other) {
        long[] s = new long[seconds.length + other.seconds.length];
        long[] c = new long[s.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < seconds.length || j < other.seconds.length) {
            if (j == other.seconds.length || (i < seconds.length && seconds[i] < other.seconds[j])) {
                s[k] = seconds[i];
                c[k++] = counts[i++];
            } else if (i == seconds.length || other.seconds[j] < seconds[i]) {
                s[k] = other.seconds[j];
                c[k++] = other.counts[j++];
            } else {
                s[k] = seconds[i];
                c[k++] = counts[i++] + other.counts[j++];
            }
        }
        return new SecondsDistribution(Arrays.copyOf(s, k), Arrays.copyOf(c, k));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecondsDistribution d && Arrays.equals(seconds, d.seconds) && Arrays.equals(counts, d.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(seconds) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "SecondsDistribution" + Arrays.toString(seconds) + "x" + Arrays.toString(counts);
    }

    /** A distribution as stored in a rollup row: jsonb's text of {@code {"42": 3, "60": 1}}. */
    public static SecondsDistribution ofStored(String json) {
        TreeMap<Long, Long> sorted = new TreeMap<>();
        addStored(json, sorted);
        long[] seconds = new long[sorted.size()];
        long[] counts = new long[sorted.size()];
        int i = 0;
        for (Map.Entry<Long, Long> entry : sorted.entrySet()) {
            seconds[i] = entry.getKey();
            counts[i++] = entry.getValue();
        }
        return new SecondsDistribution(seconds, counts);
    }

    /**
     * Adds a stored distribution, jsonb's text of {@code {"42": 3, "60": 1}} (whole seconds to counts), to
     * {@code into}, second by second; anything else in it is refused, never misread.
     */
    static void addStored(String json, Map<Long, Long> into) {
        int i = 0;
        int n = json.length();
        while (i < n) {
            if (json.charAt(i) != '"') {
                i++;
                continue;
            }
            int keyEnd = json.indexOf('"', i + 1);
            int colon = keyEnd < 0 ? -1 : json.indexOf(':', keyEnd);
            if (colon < 0) {
                throw new IllegalStateException("A stored distribution is not {\"seconds\": count}: " + json);
            }
            int start = colon + 1;
            while (start < n && json.charAt(start) == ' ') {
                start++;
            }
            int end = start;
            while (end < n && Character.isDigit(json.charAt(end))) {
                end++;
            }
            int next = end;
            while (next < n && json.charAt(next) == ' ') {
                next++;
            }
            if (next == n || (json.charAt(next) != ',' && json.charAt(next) != '}')) {
                throw new IllegalStateException("A stored distribution is not {\"seconds\": count}: " + json);
            }
            try {
                long seconds = Long.parseLong(json, i + 1, keyEnd, 10);
                long count = Long.parseLong(json, start, end, 10);
                into.merge(seconds, count, Long::sum);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("A stored distribution is not {\"seconds\": count}: " + json, e);
            }
            i = end;
        }
    }
}
