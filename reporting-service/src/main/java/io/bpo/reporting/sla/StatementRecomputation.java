package io.bpo.reporting.sla;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/** One explicit recompute of a statement: who, when, why, and the content before and after. Append-only. */
@Entity
@Immutable
@Table(name = "sla_statement_recomputations")
public class StatementRecomputation extends PanacheEntityBase {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "statement_id", nullable = false)
    public UUID statementId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "status_before", nullable = false)
    public String statusBefore;

    @Column(name = "before_hash", nullable = false)
    public String beforeHash;

    @Column(name = "after_hash", nullable = false)
    public String afterHash;

    @Column(name = "before_content", nullable = false)
    public String beforeContent;

    @Column(name = "after_content", nullable = false)
    public String afterContent;
}
