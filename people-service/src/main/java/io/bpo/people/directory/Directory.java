package io.bpo.people.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.bpo.kit.security.Roles;
import io.bpo.people.config.PeopleConfig;

/**
 * Who belongs to which client, in which role: read from and written to Keycloak through its Admin REST API, as the
 * people-service service account (decision 0032). Nothing here is kept anywhere else.
 * <p>
 * A client is a group {@code <prefix><clientId>} whose {@code tenants} attribute names it; the realm's tenants
 * mapper aggregates group attributes, so joining the group puts the client in the member's tokens. Users created
 * before the groups existed carry the client in their own {@code tenants} attribute: both count as membership.
 */
@ApplicationScoped
public class Directory {

    public static final String TENANTS = "tenants";
    public static final Set<String> CLIENT_ROLES = Set.of(Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER);
    public static final Set<String> STAFF_ROLES = Set.of(Roles.ACCOUNT_MANAGER, Roles.AGENT);
    private static final Set<String> PLATFORM_ROLES = Set.of(Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER,
            Roles.ACCOUNT_MANAGER, Roles.AGENT, Roles.AUDITOR, Roles.PROVIDER_ADMIN, Roles.REPORTING_INGEST);
    private static final int PAGE = 500;
    private static final Logger LOG = Logger.getLogger(Directory.class);

    private final Keycloak keycloak;
    private final PeopleConfig config;

    Directory(Keycloak keycloak, PeopleConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    /** The client's group, created with its tenants attribute when missing; its id. */
    public String ensureClientGroup(String clientId) {
        return call("create the group of " + clientId, () -> {
            Optional<GroupRepresentation> existing = clientGroup(clientId);
            if (existing.isPresent()) {
                return existing.get().getId();
            }
            GroupRepresentation group = new GroupRepresentation();
            group.setName(groupName(clientId));
            group.setAttributes(Map.of(TENANTS, List.of(clientId)));
            try (Response created = realm().groups().add(group)) {
                if (created.getStatus() != 201 && created.getStatus() != 409) {
                    throw new DirectoryException("Keycloak answered " + created.getStatus() + " creating a group", null);
                }
            }
            return clientGroup(clientId).orElseThrow(() -> new DirectoryException("group vanished", null)).getId();
        });
    }

    /** The people of a client: members of its group and users whose own tenants attribute lists it. */
    public List<Person> people(String clientId) {
        return call("list the people of " + clientId, () -> {
            Map<String, UserRepresentation> users = new LinkedHashMap<>();
            clientGroup(clientId).ifPresent(group -> {
                for (int first = 0;; first += PAGE) {
                    List<UserRepresentation> page = realm().groups().group(group.getId()).members(first, PAGE, false);
                    page.forEach(u -> users.putIfAbsent(u.getId(), u));
                    if (page.size() < PAGE) {
                        break;
                    }
                }
            });
            realm().users().searchByAttributes(0, PAGE, null, false, TENANTS + ":" + clientId)
                    .forEach(u -> users.putIfAbsent(u.getId(), u));
            List<Person> people = new ArrayList<>();
            for (UserRepresentation user : users.values()) {
                people.add(person(user, realmRoles(user.getId())));
            }
            return people;
        });
    }

    /** One person of this client, or empty when the id is unknown or belongs to another client only. */
    public Optional<Person> person(String clientId, String userId) {
        return call("read a person of " + clientId, () -> {
            UserRepresentation user = user(userId).orElse(null);
            if (user == null || !isMember(clientId, userId, user)) {
                return Optional.<Person>empty();
            }
            return Optional.of(person(user, realmRoles(userId)));
        });
    }

    /** The user with this username (exact), if any. */
    public Optional<UserRepresentation> byUsername(String username) {
        return call("find a user", () -> realm().users().search(username, true).stream().findFirst());
    }

    /**
     * Creates a user in the client's group with one realm role, required to set a password and verify the e-mail;
     * the id of the new user.
     */
    public String createMember(String clientId, String email, String firstName, String lastName, String role) {
        return call("create a user of " + clientId, () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
            String id;
            try (Response created = realm().users().create(user)) {
                if (created.getStatus() != 201) {
                    throw new DirectoryException("Keycloak answered " + created.getStatus() + " creating a user", null);
                }
                String location = created.getLocation().getPath();
                id = location.substring(location.lastIndexOf('/') + 1);
            }
            join(clientId, id);
            setRealmRoles(id, Set.of(role), Set.of());
            return id;
        });
    }

    /** Puts an existing user in the client's group (idempotent). */
    public void join(String clientId, String userId) {
        call("add a member to " + clientId, () -> {
            realm().users().get(userId).joinGroup(ensureClientGroup(clientId));
            return null;
        });
    }

    /** Takes the user out of the client: its group, and the client from the user's own tenants attribute. */
    public void leave(String clientId, String userId) {
        call("remove a member of " + clientId, () -> {
            UserResource resource = realm().users().get(userId);
            clientGroup(clientId).ifPresent(group -> resource.leaveGroup(group.getId()));
            UserRepresentation user = resource.toRepresentation();
            List<String> tenants = attribute(user, TENANTS);
            if (tenants.contains(clientId)) {
                List<String> rest = new ArrayList<>(tenants);
                rest.remove(clientId);
                user.getAttributes().put(TENANTS, rest);
                resource.update(user);
            }
            return null;
        });
    }

    /** Adds and removes realm roles of a user (only platform roles). */
    public void setRealmRoles(String userId, Collection<String> add, Collection<String> remove) {
        call("change roles", () -> {
            var roles = realm().users().get(userId).roles().realmLevel();
            List<RoleRepresentation> removing = roles.listAll().stream()
                    .filter(r -> remove.contains(r.getName()) && PLATFORM_ROLES.contains(r.getName())).toList();
            if (!removing.isEmpty()) {
                roles.remove(removing);
            }
            List<RoleRepresentation> adding = roles.listAvailable().stream()
                    .filter(r -> add.contains(r.getName()) && PLATFORM_ROLES.contains(r.getName())).toList();
            if (!adding.isEmpty()) {
                roles.add(adding);
            }
            return null;
        });
    }

    /** Sends Keycloak's execute-actions e-mail: a one-time link to set the password and verify the address. */
    public void sendInvitation(String userId) {
        call("send an invitation", () -> {
            realm().users().get(userId).executeActionsEmail(config.invitationClientId(),
                    config.invitationRedirectUri().orElse(null), (int) config.invitationLifespan().toSeconds(),
                    List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
            return null;
        });
    }

    /** Ends the user's sessions: refresh tokens stop working at once (access tokens go through the revocation feed). */
    public void signOut(String userId) {
        call("sign a user out", () -> {
            realm().users().get(userId).logout();
            return null;
        });
    }

    public void setEnabled(String userId, boolean enabled) {
        call("enable or disable a user", () -> {
            UserResource resource = realm().users().get(userId);
            UserRepresentation user = resource.toRepresentation();
            if (user.isEnabled() != enabled) {
                user.setEnabled(enabled);
                resource.update(user);
            }
            return null;
        });
    }

    public void deleteUser(String userId) {
        call("delete a user", () -> {
            try (Response ignored = realm().users().delete(userId)) {
                return null;
            }
        });
    }

    public void deleteClientGroup(String clientId) {
        call("delete the group of " + clientId, () -> {
            clientGroup(clientId).ifPresent(group -> realm().groups().group(group.getId()).remove());
            return null;
        });
    }

    public String groupName(String clientId) {
        return config.groupPrefix() + clientId;
    }

    private Optional<GroupRepresentation> clientGroup(String clientId) {
        try {
            return Optional.of(realm().getGroupByPath(groupName(clientId)));
        } catch (WebApplicationException e) {
            return notFound(e);
        }
    }

    private boolean isMember(String clientId, String userId, UserRepresentation user) {
        if (attribute(user, TENANTS).contains(clientId)) {
            return true;
        }
        return realm().users().get(userId).groups().stream().anyMatch(g -> g.getName().equals(groupName(clientId)));
    }

    private Optional<UserRepresentation> user(String userId) {
        try {
            return Optional.of(realm().users().get(userId).toRepresentation());
        } catch (WebApplicationException e) {
            return notFound(e);
        }
    }

    /** Empty for a 404 (the REST client throws its own subclass, not NotFoundException); rethrown otherwise. */
    private static <T> Optional<T> notFound(WebApplicationException e) {
        if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
            return Optional.empty();
        }
        throw e;
    }

    private List<String> realmRoles(String userId) {
        return realm().users().get(userId).roles().realmLevel().listEffective(true).stream()
                .map(RoleRepresentation::getName).filter(PLATFORM_ROLES::contains).sorted().toList();
    }

    private static Person person(UserRepresentation user, List<String> roles) {
        Person.Kind kind = roles.stream().anyMatch(STAFF_ROLES::contains) ? Person.Kind.PROVIDER : Person.Kind.CLIENT;
        boolean pending = user.getRequiredActions() != null && !user.getRequiredActions().isEmpty();
        return new Person(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                roles, kind, Boolean.TRUE.equals(user.isEnabled()), pending);
    }

    private static List<String> attribute(UserRepresentation user, String name) {
        if (user.getAttributes() == null) {
            user.setAttributes(new LinkedHashMap<>());
        }
        return user.getAttributes().getOrDefault(name, List.of());
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }

    private <T> T call(String what, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DirectoryException e) {
            throw e;
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            LOG.warnf("Keycloak refused to %s: %s", what, e.toString());
            throw new DirectoryException("Could not " + what + " in the identity provider", e);
        }
    }
}
