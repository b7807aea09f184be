package io.bpo.gateway.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who sent a request, as far as the gateway needs to know: the token's subject, display name, realm roles
 * and tenants (client ids).
 */
public record Caller(String subject, String username, Set<String> roles, Set<String> tenants) {

    public Caller {
        roles = Set.copyOf(roles);
        tenants = Set.copyOf(tenants);
    }

    public static Caller from(SecurityIdentity identity, String tenantsClaim) {
        String subject = identity.getPrincipal().getName();
        String username = null;
        Set<String> tenants = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            username = stringOf(jwt.<Object>getClaim("preferred_username"));
            tenants = stringsOf(jwt.<Object>getClaim(tenantsClaim));
        }
        return new Caller(subject, username, identity.getRoles(), tenants);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Collection<String> candidates) {
        return candidates.stream().anyMatch(roles::contains);
    }

    public boolean belongsTo(String clientId) {
        return tenants.contains(clientId);
    }

    /** Roles in a stable order, as they are logged. */
    public List<String> sortedRoles() {
        return List.copyOf(new TreeSet<>(roles));
    }

    private static Set<String> stringsOf(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                String text = stringOf(value);
                if (text != null) {
                    values.add(text);
                }
            }
        } else if (claim instanceof Collection<?> collection) {
            for (Object value : collection) {
                String text = stringOf(value);
                if (text != null) {
                    values.add(text);
                }
            }
        } else {
            String single = stringOf(claim);
            if (single != null) {
                values.add(single);
            }
        }
        return values;
    }

    private static String stringOf(Object value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString json) {
            return json.getString();
        }
        if (value instanceof JsonValue) {
            // a number or an object in a tenants array is not a client id
            return null;
        }
        return value.toString();
    }
}
