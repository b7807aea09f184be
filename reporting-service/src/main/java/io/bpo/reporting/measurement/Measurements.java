package io.bpo.reporting.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Pre-aggregated KPI measurements pushed for processes that are not contact-centre interactions (a back office's
 * error rate, its backlog age): one value per contract, SLA and period, with the numbers behind it.
 */
public interface Measurements {

    /** One measurement as stored; {@code numerator}/{@code denominator} are absent for non-ratio metrics. */
    record Measurement(UUID contractId, String slaKey, Instant periodStart, Instant periodEnd, BigDecimal value,
                       BigDecimal numerator, BigDecimal denominator, Instant receivedAt) {
    }

    /**
     * The client's measurements for the contract and SLA whose period starts in {@code [from, to)}, in period
     * order. Runs in the caller's transaction, which is bound to the tenant (row-level security).
     */
    List<Measurement> find(String tenantId, UUID contractId, String slaKey, Instant from, Instant to);
}
