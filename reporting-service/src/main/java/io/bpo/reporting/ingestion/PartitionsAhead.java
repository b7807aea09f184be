package io.bpo.reporting.ingestion;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Creates the monthly partitions of the coming months at start, so that records of a new month find their partition
 * already there (ingestion creates a missing one too, but creating it locks the table for a moment).
 */
@ApplicationScoped
public class PartitionsAhead {
    static final int MONTHS_AHEAD = 3;

    @Inject
    InteractionWriter writer;

    @ActivateRequestContext
    void onStart(@Observes StartupEvent event) {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            if (!writer.ensurePartition(month.plusMonths(i))) {
                Log.warnf("The partition of %s could not be created; its records go to the default partition",
                        month.plusMonths(i));
            }
        }
    }
}
