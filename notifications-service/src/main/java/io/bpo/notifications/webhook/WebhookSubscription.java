package io.bpo.notifications.webhook;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client's receiver of events: a URL, the event types it wants ("*" for all) and the secret signing them. */
@Entity
@Table(name = "webhook_subscriptions")
public class WebhookSubscription extends TenantOwnedEntity {
    public enum Status { ACTIVE, DISABLED }

    @Column(name = "url", nullable = false)
    public String url;

    @Column(name = "description")
    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", nullable = false, columnDefinition = "text[]")
    public String[] eventTypes;

    /** whsec_ followed by the base64 key: shown once, at creation. */
    @Column(name = "secret", nullable = false)
    public String secret;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public Status status;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
