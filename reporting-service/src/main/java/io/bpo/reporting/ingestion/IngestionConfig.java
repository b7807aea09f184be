package io.bpo.reporting.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bpo.reporting.ingestion")
public interface IngestionConfig {
    /**
     * Most records one request may carry; more is a 413. Records are streamed (memory does not grow with the batch),
     * but a batch is one transaction, which must commit in seconds. Keep quarkus.http.limits.max-body-size in step.
     */
    @WithDefault("100000")
    int maxBatchRecords();
}
