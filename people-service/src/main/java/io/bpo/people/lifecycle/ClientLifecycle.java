package io.bpo.people.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Where a client stands in its life on the platform; the row's key is the client id (the tenant). */
@Entity
@Table(name = "client_lifecycle")
public class ClientLifecycle extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public LifecycleStatus status;

    @Column(name = "group_id")
    public String groupId;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "deletion_due_at")
    public Instant deletionDueAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    void moveTo(LifecycleStatus next) {
        status = next;
        statusChangedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @PrePersist
    void beforeInsert() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
