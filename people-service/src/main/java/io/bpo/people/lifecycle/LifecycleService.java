package io.bpo.people.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.people.config.PeopleConfig;
import io.bpo.people.directory.Directory;
import io.bpo.people.directory.Person;
import io.bpo.people.export.ClientExport;
import io.bpo.people.export.ExportService;
import io.bpo.people.registry.Registry;
import io.bpo.people.registry.RegistryEntry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A client's lifecycle, each step one idempotent call: repeating a step that is done changes nothing and answers
 * the same state. Remote steps (registry, Keycloak) come first and are idempotent themselves, so a step that
 * failed half-way is completed by calling it again. The database holds no transaction open across them.
 */
@ApplicationScoped
public class LifecycleService {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class);

    private final Registry registry;
    private final Directory directory;
    private final ExportService exports;
    private final PeopleConfig config;
    private final Caller caller;

    LifecycleService(Registry registry, Directory directory, ExportService exports, PeopleConfig config,
            Caller caller) {
        this.registry = registry;
        this.directory = directory;
        this.exports = exports;
        this.config = config;
        this.caller = caller;
    }

    /** Registry entry, Keycloak group (tenants attribute) and lifecycle row; true in the result when created now. */
    public Outcome onboard(OnboardRequest request) {
        ClientLifecycle known = QuarkusTransaction.requiringNew().call(() -> find(request.id()));
        if (known != null && known.status.compareTo(LifecycleStatus.OFFBOARDED) >= 0) {
            throw ApiException.conflict("client-offboarded", "Client " + request.id() + " was offboarded; a new"
                    + " client needs a new id");
        }
        registry.ensure(new RegistryEntry(request.id(), request.legalName(), request.country(), request.sector(),
                null));
        String groupId = directory.ensureClientGroup(request.id());
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientLifecycle lifecycle = find(request.id());
            boolean created = lifecycle == null;
            if (created) {
                lifecycle = new ClientLifecycle();
                lifecycle.clientId = request.id();
                lifecycle.moveTo(LifecycleStatus.ACTIVE);
                lifecycle.groupId = groupId;
                lifecycle.persist();
                LifecycleEvent.record(request.id(), "onboarded", caller.userName(), "group " + groupId);
                LOG.infof("Client %s onboarded by %s", request.id(), caller.userName());
            }
            return new Outcome(view(lifecycle), created);
        });
    }

    public LifecycleView get(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> view(require(clientId)));
    }

    /** Every person of the client refused from now on (the revocation feed lists it); data and log kept. */
    public LifecycleView suspend(String clientId) {
        LifecycleView view = transition(clientId, LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED, "suspended");
        signOutClientPeople(clientId);
        return view;
    }

    public LifecycleView resume(String clientId) {
        return transition(clientId, LifecycleStatus.SUSPENDED, LifecycleStatus.ACTIVE, "resumed");
    }

    /**
     * The export of all the client's data, then OFFBOARDED with the deletion due after the retention period; the
     * client's own people are disabled in Keycloak. Offboarding an offboarded client answers its state again.
     */
    public LifecycleView offboard(String clientId) {
        ClientLifecycle lifecycle = QuarkusTransaction.requiringNew().call(() -> require(clientId));
        if (lifecycle.status.compareTo(LifecycleStatus.OFFBOARDED) >= 0) {
            return get(clientId);
        }
        ClientExport export = exports.export(clientId, caller.userName());
        QuarkusTransaction.requiringNew().run(() -> {
            ClientLifecycle current = require(clientId);
            current.moveTo(LifecycleStatus.OFFBOARDED);
            current.deletionDueAt = current.statusChangedAt.plus(config.retention());
            LifecycleEvent.record(clientId, "offboarded", caller.userName(),
                    "export " + export.id + " sha256 " + export.sha256 + "; deletion due " + current.deletionDueAt);
        });
        for (Person person : directory.people(clientId)) {
            if (person.kind() == Person.Kind.CLIENT) {
                directory.setEnabled(person.id(), false);
                directory.signOut(person.id());
            }
        }
        return get(clientId);
    }

    private LifecycleView transition(String clientId, LifecycleStatus from, LifecycleStatus to, String action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientLifecycle lifecycle = require(clientId);
            if (lifecycle.status == to) {
                return view(lifecycle);
            }
            if (lifecycle.status != from) {
                throw ApiException.conflict("lifecycle-conflict",
                        "Client " + clientId + " is " + lifecycle.status + ": it cannot be " + action);
            }
            lifecycle.moveTo(to);
            LifecycleEvent.record(clientId, action, caller.userName(), null);
            LOG.infof("Client %s %s by %s", clientId, action, caller.userName());
            return view(lifecycle);
        });
    }

    /** Ends their sessions, so that no refresh token outlives the suspension either. */
    private void signOutClientPeople(String clientId) {
        for (Person person : directory.people(clientId)) {
            if (person.kind() == Person.Kind.CLIENT) {
                directory.signOut(person.id());
            }
        }
    }

    /** 404 unless people-service onboarded the client; 409 when it is not active and {@code active} is asked. */
    public static void require(String clientId, boolean active) {
        ClientLifecycle lifecycle = QuarkusTransaction.requiringNew().call(() -> require(clientId));
        if (active && lifecycle.status != LifecycleStatus.ACTIVE) {
            throw ApiException.conflict("lifecycle-conflict", "Client " + clientId + " is " + lifecycle.status);
        }
    }

    /**
     * 409 when people-service knows the client and it is not active; a client only in the registry (onboarded
     * before people-service existed) is taken as active.
     */
    public static void requireOpen(String clientId) {
        ClientLifecycle lifecycle = QuarkusTransaction.requiringNew().call(() -> find(clientId));
        if (lifecycle != null && lifecycle.status != LifecycleStatus.ACTIVE) {
            throw ApiException.conflict("lifecycle-conflict", "Client " + clientId + " is " + lifecycle.status);
        }
    }

    /** The lifecycle row, or 404 for a client people-service has not onboarded. */
    public static ClientLifecycle require(String clientId) {
        ClientLifecycle lifecycle = find(clientId);
        if (lifecycle == null) {
            throw ApiException.notFound("Client", clientId);
        }
        return lifecycle;
    }

    static ClientLifecycle find(String clientId) {
        return ClientLifecycle.<ClientLifecycle>find("clientId", clientId).firstResult();
    }

    private static LifecycleView view(ClientLifecycle lifecycle) {
        List<LifecycleView.ExportRef> refs = ClientExport.<ClientExport>find("clientId = ?1 order by createdAt",
                lifecycle.clientId).project(ClientExport.Summary.class).list().stream()
                .map(s -> new LifecycleView.ExportRef(s.id(), s.sha256(), s.sizeBytes(), s.createdAt(),
                        "/api/v1/admin/clients/" + lifecycle.clientId + "/exports/" + s.id()))
                .toList();
        return new LifecycleView(lifecycle.clientId, lifecycle.status, lifecycle.statusChangedAt,
                lifecycle.deletionDueAt, lifecycle.deletedAt, refs);
    }

    public record Outcome(LifecycleView view, boolean created) {
    }

    /** For the deletion job. */
    static List<ClientLifecycle> dueForDeletion(Instant now) {
        return ClientLifecycle.<ClientLifecycle>find("status = ?1 and deletionDueAt <= ?2",
                LifecycleStatus.OFFBOARDED, now).list();
    }
}
