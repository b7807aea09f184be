package io.bpo.notifications.inapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** An in-app notice to the people of one client who hold one of {@code audienceRoles}. Never changes once made. */
@Entity
@Table(name = "notifications")
public class Notification extends PanacheEntityBase {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "type", nullable = false, updatable = false)
    public String type;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience_roles", nullable = false, updatable = false, columnDefinition = "text[]")
    public String[] audienceRoles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String data;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
