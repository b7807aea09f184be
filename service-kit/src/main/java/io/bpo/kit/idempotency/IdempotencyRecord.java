package io.bpo.kit.idempotency;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The first response to a retried write, kept per tenant, operation and client-chosen key. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord extends TenantOwnedEntity {
    @Column(name = "operation", nullable = false, updatable = false)
    public String operation;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    public String key;

    @Column(name = "request_hash", nullable = false, updatable = false)
    public String requestHash;

    @Column(name = "response_body", nullable = false, updatable = false, columnDefinition = "text")
    public String responseBody;
}
