package io.bpo.contracts.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A client company: a tenant of the platform. Its id is the slug that tokens list in their tenants claim, and the
 * tenant_id of every row the client owns, in this service and the others.
 */
@Entity
@Table(name = "clients")
public class Client extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "country", nullable = false)
    public String country;

    @Column(name = "sector")
    public String sector;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ClientStatus status;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

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
