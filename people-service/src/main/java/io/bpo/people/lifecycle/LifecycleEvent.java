package io.bpo.people.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a client's lifecycle or of its people, as people-service performed it: append-only history. */
@Entity
@Table(name = "lifecycle_events")
public class LifecycleEvent extends PanacheEntityBase {
    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String clientId;

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    public UUID id;

    @Column(name = "action", nullable = false, updatable = false)
    public String action;

    @Column(name = "actor", nullable = false, updatable = false)
    public String actor;

    @Column(name = "detail", updatable = false)
    public String detail;

    @Column(name = "at", nullable = false, updatable = false)
    public Instant at;

    /** Appends a step; runs inside the caller's transaction. */
    public static void record(String clientId, String action, String actor, String detail) {
        LifecycleEvent event = new LifecycleEvent();
        event.clientId = clientId;
        event.id = UUID.randomUUID();
        event.action = action;
        event.actor = actor;
        event.detail = detail;
        event.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.persist();
    }
}
