package io.bpo.notifications.recipient;

import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller as a recipient in each of their clients. People are learnt from their own verified tokens: the first
 * call of a person to {@code /api/v1/me/...} records their e-mail, roles and language for every client they belong
 * to, and later calls refresh what changed. The identity provider stays the source; this is a cache of it.
 */
@RequestScoped
public class RecipientDirectory {
    static final String DEFAULT_LANGUAGE = "en";

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    TenantContext tenantContext;

    @Inject
    EntityManager entityManager;

    private boolean synced;

    /** Runs {@code work} once per client of the caller, each in its own transaction bound to that client. */
    public <T> List<T> forEachClient(Function<String, T> work) {
        syncCaller();
        List<T> results = new ArrayList<>();
        for (String clientId : caller.tenants()) {
            results.add(tenantContext.callAs(clientId,
                    () -> QuarkusTransaction.requiringNew().call(() -> work.apply(clientId))));
        }
        return results;
    }

    /** The caller's row in the client the current transaction is bound to. */
    public Optional<Recipient> current() {
        return Recipient.<Recipient>find("subject", caller.subject()).firstResultOptional();
    }

    private void syncCaller() {
        if (synced) {
            return;
        }
        synced = true;
        for (String clientId : caller.tenants()) {
            tenantContext.callAs(clientId, () -> {
                QuarkusTransaction.requiringNew().run(() -> upsert(clientId));
                return null;
            });
        }
    }

    /** Native SQL under row-level security: an upsert, so two first calls at once do not collide. */
    private void upsert(String clientId) {
        entityManager.createNativeQuery("""
                insert into recipients (tenant_id, subject, user_name, email, language, roles, preferences, version,
                                        created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as text[]), '{}', 0, now(), now())
                on conflict (tenant_id, subject) do update
                    set user_name = excluded.user_name, email = excluded.email, roles = excluded.roles,
                        version = recipients.version + 1, updated_at = now()
                    where (recipients.user_name, recipients.email, recipients.roles)
                          is distinct from (excluded.user_name, excluded.email, excluded.roles)""")
                .setParameter(1, clientId)
                .setParameter(2, caller.subject())
                .setParameter(3, caller.userName())
                .setParameter(4, claim("email"))
                .setParameter(5, tokenLanguage())
                .setParameter(6, "{" + String.join(",", caller.roles().stream().sorted().toList()) + "}")
                .executeUpdate();
    }

    private String tokenLanguage() {
        String locale = claim("locale");
        String language = locale == null ? DEFAULT_LANGUAGE : Locale.forLanguageTag(locale).getLanguage();
        return Preferences.LANGUAGES.contains(language) ? language : DEFAULT_LANGUAGE;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
