package io.bpo.reporting.sla;

import io.bpo.reporting.measurement.Measurements;
import io.bpo.reporting.measurement.Measurements.Measurement;
import io.bpo.reporting.rollup.BucketTotals;
import io.bpo.reporting.rollup.Rollups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the SLA engine reads from this service's database, each read in its own short transaction (bound to the
 * request's tenant, row-level security behind it), so that no transaction stays open while contracts-service is
 * called.
 */
@ApplicationScoped
@Transactional
public class SlaReads {
    @Inject
    Rollups rollups;

    @Inject
    Measurements measurements;

    public List<BucketTotals> buckets(String tenantId, Instant from, Instant to, Set<String> queues) {
        return rollups.buckets(tenantId, from, to, queues);
    }

    public List<Measurement> measurements(String tenantId, UUID contractId, String slaKey, Instant from, Instant to) {
        return measurements.find(tenantId, contractId, slaKey, from, to);
    }

    public Optional<Instant> lastIngestedAt(String tenantId, Instant from, Instant to) {
        return rollups.lastIngestedAt(tenantId, from, to);
    }
}
