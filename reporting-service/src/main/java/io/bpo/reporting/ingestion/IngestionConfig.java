package io.bpo.reporting.ingestion;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bpo.reporting.ingestion")
public interface IngestionConfig {
    /**
     * Most records one request may carry; more is a 413. Validated and stored in one transaction, a batch must stay
     * small enough to hold in memory and to commit quickly. Keep quarkus.http.limits.max-body-size in step.
     */
    @WithDefault("5000")
    int maxBatchRecords();
}
