package io.bpo.people.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.keycloak.representations.idm.UserRepresentation;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import io.bpo.people.directory.Directory;
import io.bpo.people.directory.Person;
import io.bpo.people.lifecycle.LifecycleEvent;
import io.bpo.people.revocation.Revocations;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The people of one client, as Keycloak holds them. The tenant filter has already checked that the caller belongs
 * to the client in the path (or is a provider administrator); the rules here say what each role may do there:
 * a client manager manages the client's own people within the client roles, a provider administrator also
 * assigns provider staff. Every change that narrows someone's access revokes their tokens (the revocation feed)
 * and ends their sessions.
 */
@ApplicationScoped
public class PeopleService {

    private static final Logger LOG = Logger.getLogger(PeopleService.class);

    private final Directory directory;
    private final Revocations revocations;
    private final Caller caller;

    PeopleService(Directory directory, Revocations revocations, Caller caller) {
        this.directory = directory;
        this.revocations = revocations;
        this.caller = caller;
    }

    public List<Person> list(String clientId, Optional<String> role) {
        return directory.people(clientId).stream()
                .filter(p -> role.isEmpty() || p.roles().contains(role.get()))
                .sorted(java.util.Comparator.comparing(Person::username))
                .toList();
    }

    public Person get(String clientId, String personId) {
        return directory.person(clientId, personId).orElseThrow(() -> ApiException.notFound("Person", personId));
    }

    /** Creates the person in Keycloak and sends the one-time link; an invitation already accepted changes nothing. */
    public Invited invite(String clientId, Invitation invitation) {
        requireClientRole("role", invitation.role());
        String email = invitation.email().toLowerCase(java.util.Locale.ROOT);
        Optional<UserRepresentation> existing = directory.byUsername(email);
        if (existing.isPresent()) {
            Person person = directory.person(clientId, existing.get().getId()).orElseThrow(() ->
                    ApiException.conflict("person-elsewhere", "A person with this e-mail exists outside client "
                            + clientId));
            return new Invited(person, false);
        }
        String id = directory.createMember(clientId, email, invitation.firstName(), invitation.lastName(),
                invitation.role());
        directory.sendInvitation(id);
        history(clientId, "person invited", id + " as " + invitation.role());
        LOG.infof("%s invited %s into %s as %s", caller.userName(), id, clientId, invitation.role());
        return new Invited(get(clientId, id), true);
    }

    /** Between client-manager and client-viewer only; the person's current tokens are refused at once. */
    public Person changeRole(String clientId, String personId, RoleChange change) {
        requireClientRole("role", change.role());
        Person person = clientPerson(clientId, personId);
        if (person.roles().equals(List.of(change.role()))) {
            return person;
        }
        revoke(clientId, personId, "role changed to " + change.role());
        directory.setRealmRoles(personId, Set.of(change.role()),
                Directory.CLIENT_ROLES.stream().filter(r -> !r.equals(change.role())).toList());
        directory.signOut(personId);
        return get(clientId, personId);
    }

    /** Takes the person out of the client; a client's own person is also disabled (kept for the audit trail). */
    public void remove(String clientId, String personId) {
        Person person = get(clientId, personId);
        if (person.kind() == Person.Kind.PROVIDER && !caller.hasRole(Roles.PROVIDER_ADMIN)) {
            throw ApiException.forbidden("role-forbidden", "Provider staff are unassigned by a provider administrator");
        }
        revoke(clientId, personId, "removed from the client");
        directory.leave(clientId, personId);
        if (person.kind() == Person.Kind.CLIENT) {
            directory.setEnabled(personId, false);
        }
        directory.signOut(personId);
    }

    /** A provider administrator assigns an account manager or an agent (an existing user) to the client. */
    public Person assignStaff(String clientId, StaffAssignment assignment) {
        if (!Directory.STAFF_ROLES.contains(assignment.role())) {
            throw ApiException.badRequest("role", "must be one of " + String.join(", ",
                    new java.util.TreeSet<>(Directory.STAFF_ROLES)));
        }
        UserRepresentation user = directory.byUsername(assignment.username())
                .orElseThrow(() -> ApiException.badRequest("username", "no such user"));
        directory.join(clientId, user.getId());
        directory.setRealmRoles(user.getId(), Set.of(assignment.role()), Set.of());
        history(clientId, "staff assigned", user.getId() + " as " + assignment.role());
        // a token issued before the assignment does not list the client yet: signing in again picks it up
        return get(clientId, user.getId());
    }

    private Person clientPerson(String clientId, String personId) {
        Person person = get(clientId, personId);
        if (person.kind() != Person.Kind.CLIENT) {
            throw ApiException.conflict("not-a-client-person", "Person " + personId
                    + " is provider staff: client roles apply to the client's own people");
        }
        return person;
    }

    private void revoke(String clientId, String personId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            revocations.revoke(clientId, personId, reason);
            LifecycleEvent.record(clientId, "access revoked", caller.userName(), personId + ": " + reason);
        });
    }

    private void history(String clientId, String action, String detail) {
        QuarkusTransaction.requiringNew().run(() -> LifecycleEvent.record(clientId, action, caller.userName(), detail));
    }

    private static void requireClientRole(String field, String role) {
        if (!Directory.CLIENT_ROLES.contains(role)) {
            throw ApiException.badRequest(field, "must be client-manager or client-viewer");
        }
    }

    public record Invited(Person person, boolean created) {
    }
}
