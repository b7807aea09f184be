package io.bpo.kit.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A row owned by one client. The tenant column is filled and filtered by Hibernate ({@code @TenantId}) and enforced
 * again by PostgreSQL row-level security; ids are random UUIDs, so they reveal nothing and cannot be guessed.
 * In the database the primary key is (tenant_id, id), with tenant_id leading.
 */
@MappedSuperclass
public abstract class TenantOwnedEntity extends PanacheEntityBase {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void beforeInsert() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        // PostgreSQL keeps microseconds: truncating here keeps the entity equal to what a later read returns.
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void beforeUpdate() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
