package io.bpo.reporting.sla;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The monthly statement of a contract: the month's compliance as a canonical JSON document and its SHA-256, with
 * each party's acceptance. Frozen once both parties accepted; the database refuses any change to a frozen
 * statement except re-opening it, which only {@link StatementService#recompute} does, and logs.
 */
@Entity
@Table(name = "sla_statements")
public class SlaStatement extends TenantOwnedEntity {
    public enum State { OPEN, FROZEN }

    @Column(name = "contract_id", nullable = false, updatable = false)
    public UUID contractId;

    @Column(name = "month", nullable = false, updatable = false)
    public LocalDate month;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public State status;

    @Column(name = "content", nullable = false)
    public String content;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "checked_at", nullable = false)
    public Instant checkedAt;

    @Column(name = "provider_accepted_by")
    public String providerAcceptedBy;

    @Column(name = "provider_accepted_at")
    public Instant providerAcceptedAt;

    @Column(name = "client_accepted_by")
    public String clientAcceptedBy;

    @Column(name = "client_accepted_at")
    public Instant clientAcceptedAt;

    @Column(name = "frozen_at")
    public Instant frozenAt;
}
