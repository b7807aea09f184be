package io.bpo.people.revocation;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's tokens issued at or before {@code revokedAt} are refused (per client that revoked them). */
@Entity
@Table(name = "revocations")
public class Revocation extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "revoked_at", nullable = false)
    public Instant revokedAt;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "tenant_id", nullable = false, updatable = false)
        public String clientId;

        @Column(name = "subject", nullable = false, updatable = false)
        public String subject;

        public Key() {
        }

        Key(String clientId, String subject) {
            this.clientId = clientId;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.clientId.equals(clientId) && key.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return clientId.hashCode() * 31 + subject.hashCode();
        }
    }
}
