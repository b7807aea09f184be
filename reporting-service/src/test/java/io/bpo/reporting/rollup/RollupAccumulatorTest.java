package io.bpo.reporting.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reading back the distributions PostgreSQL stored, as compaction does (jsonb's own text output). */
class RollupAccumulatorTest {
    @Test
    void storedDistributionsAreAddedSecondBySecond() {
        Map<Long, Long> into = new TreeMap<>(Map.of(7L, 1L, 60L, 2L));
        RollupAccumulator.addDistribution("{\"7\": 12, \"42\": 3, \"3600\": 1}", into);
        assertEquals(Map.of(7L, 13L, 42L, 3L, 60L, 2L, 3600L, 1L), into);
        RollupAccumulator.addDistribution("{}", into);
        RollupAccumulator.addDistribution("{\"0\":1}", into);
        assertEquals(Map.of(0L, 1L, 7L, 13L, 42L, 3L, 60L, 2L, 3600L, 1L), into);
    }

    @Test
    void whatIsNotADistributionIsRefusedNotMisread() {
        Map<Long, Long> into = new TreeMap<>();
        assertThrows(IllegalStateException.class, () -> RollupAccumulator.addDistribution("{\"x\": 1}", into));
        assertThrows(IllegalStateException.class, () -> RollupAccumulator.addDistribution("{\"4\": 1.5}", into));
        assertThrows(IllegalStateException.class, () -> RollupAccumulator.addDistribution("{\"4\"}", into));
    }
}
