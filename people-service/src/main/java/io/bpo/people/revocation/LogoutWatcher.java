package io.bpo.people.revocation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;

import io.bpo.people.PlatformScope;
import io.bpo.people.config.PeopleConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns sign-outs into revocations: reads the realm's LOGOUT events (the realm stores them; the service account
 * holds view-events for this) every few seconds, and refuses the person's tokens issued until the sign-out, on
 * every client ({@link #ALL_CLIENTS}). Keycloak already refuses the session's refresh token; this covers the access
 * tokens still in flight.
 */
@ApplicationScoped
public class LogoutWatcher {

    /** The client id recorded for a revocation that is not one client's (a sign-out ends every session). */
    public static final String ALL_CLIENTS = "*";
    private static final Logger LOG = Logger.getLogger(LogoutWatcher.class);
    private static final int BATCH = 200;

    private final Keycloak keycloak;
    private final PeopleConfig config;
    private volatile long seenUntil;
    private volatile boolean failing;

    LogoutWatcher(Keycloak keycloak, PeopleConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    @Scheduled(every = "${bpo.people.logout-poll-interval:3s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            // newest first; the LOGOUT events kept by the realm (eventsExpiration) bound how far back this reads
            List<EventRepresentation> events = keycloak.realm(config.realm())
                    .getEvents(List.of("LOGOUT"), null, null, null, null, null, 0, BATCH);
            long newest = seenUntil;
            for (EventRepresentation event : events) {
                if (event.getTime() <= seenUntil || event.getUserId() == null) {
                    continue;
                }
                record(event.getUserId(), Instant.ofEpochMilli(event.getTime()));
                newest = Math.max(newest, event.getTime());
            }
            seenUntil = newest;
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("cannot read the realm's LOGOUT events (%s): sign-outs are not revoked until it can", e);
                failing = true;
            }
        }
    }

    private static void record(String subject, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            PlatformScope.allClients();
            Revocation.Key key = new Revocation.Key(ALL_CLIENTS, subject);
            Revocation revocation = Revocation.<Revocation>findByIdOptional(key).orElseGet(() -> {
                Revocation created = new Revocation();
                created.key = key;
                return created;
            });
            if (revocation.revokedAt == null || revocation.revokedAt.isBefore(at)) {
                revocation.revokedAt = at;
                revocation.reason = "signed out";
                revocation.persist();
            }
        });
    }
}
