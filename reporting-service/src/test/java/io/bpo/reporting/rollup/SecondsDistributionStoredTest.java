package io.bpo.reporting.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reading back the distributions PostgreSQL stored (jsonb's own text output), as reports and compaction do. */
class SecondsDistributionStoredTest {
    @Test
    void storedDistributionsAreAddedSecondBySecond() {
        Map<Long, Long> into = new TreeMap<>(Map.of(7L, 1L, 60L, 2L));
        SecondsDistribution.addStored("{\"7\": 12, \"42\": 3, \"3600\": 1}", into);
        assertEquals(Map.of(7L, 13L, 42L, 3L, 60L, 2L, 3600L, 1L), into);
        SecondsDistribution.addStored("{}", into);
        SecondsDistribution.addStored("{\"0\":1}", into);
        assertEquals(Map.of(0L, 1L, 7L, 13L, 42L, 3L, 60L, 2L, 3600L, 1L), into);
        assertEquals(new SecondsDistribution(new long[] {7, 42, 3600}, new long[] {12, 3, 1}),
                SecondsDistribution.ofStored("{\"42\": 3, \"3600\": 1, \"7\": 12}"));
        assertEquals(SecondsDistribution.EMPTY, SecondsDistribution.ofStored("{}"));
    }

    @Test
    void whatIsNotADistributionIsRefusedNotMisread() {
        Map<Long, Long> into = new TreeMap<>();
        assertThrows(IllegalStateException.class, () -> SecondsDistribution.addStored("{\"x\": 1}", into));
        assertThrows(IllegalStateException.class, () -> SecondsDistribution.addStored("{\"4\": 1.5}", into));
        assertThrows(IllegalStateException.class, () -> SecondsDistribution.addStored("{\"4\"}", into));
    }
}
