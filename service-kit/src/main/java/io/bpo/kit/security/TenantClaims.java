package io.bpo.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the client ids a verified token grants: an array claim (a single string is tolerated). */
public final class TenantClaims {
    private TenantClaims() {
    }

    public static Set<String> of(SecurityIdentity identity, String claimName) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        Object claim = token.getClaim(claimName);
        Set<String> ids = new TreeSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString text) {
                    ids.add(text.getString());
                }
            });
        } else if (claim instanceof JsonString text) {
            ids.add(text.getString());
        } else if (claim instanceof String text) {
            ids.add(text);
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> ids.add(value instanceof JsonString s ? s.getString() : String.valueOf(value)));
        }
        return Set.copyOf(ids);
    }
}
