package io.bpo.reporting.ingestion;

import java.time.Instant;
import java.util.List;

/** Records that passed every check, in the order received, and when the request carrying them arrived. */
public record InteractionBatch(List<InteractionRecord> records, Instant receivedAt) {
}
