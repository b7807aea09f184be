package io.bpo.people.export;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An offboarding export archive, kept until the client's deletion. */
@Entity
@Table(name = "client_exports")
public class ClientExport extends PanacheEntityBase {
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String clientId;

    @Column(name = "sha256", nullable = false, updatable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "archive", nullable = false, updatable = false)
    public byte[] archive;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The archive's description without its bytes. */
    @RegisterForReflection
    public record Summary(UUID id, String sha256, long sizeBytes, Instant createdAt) {
    }
}
