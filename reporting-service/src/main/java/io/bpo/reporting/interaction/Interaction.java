package io.bpo.reporting.interaction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;

/**
 * One contact handled for a client, as the provider's tools reported it. A fact, never edited: rows are written by
 * the ingestion's batch insert and only read through this entity, so it has no version and Hibernate never issues
 * an UPDATE or DELETE for it. In the database the primary key is (tenant_id, id), with tenant_id leading.
 */
@Entity
@Immutable
@Table(name = "interactions")
public class Interaction extends PanacheEntityBase {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    public Channel channel;

    @Column(name = "queue")
    public String queue;

    @Column(name = "offered_at", nullable = false)
    public Instant offeredAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "wait_seconds")
    public Integer waitSeconds;

    @Column(name = "handle_seconds")
    public Integer handleSeconds;

    @Column(name = "abandoned", nullable = false)
    public boolean abandoned;

    @Column(name = "transferred", nullable = false)
    public boolean transferred;

    @Column(name = "first_contact_resolution")
    public Boolean firstContactResolution;

    @Column(name = "csat")
    public Integer csat;

    @Column(name = "quality_score", precision = 5, scale = 2)
    public BigDecimal qualityScore;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
