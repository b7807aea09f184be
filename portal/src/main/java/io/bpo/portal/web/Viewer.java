package io.bpo.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.bpo.portal.gateway.GatewayApi;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who is looking at the page: name and realm roles from the sign-in, the clients the gateway lets them see, and the
 * language the page is written in. The portal decides nothing from the roles but which links and buttons to show:
 * every read and write is still decided by the gateway and the services.
 */
@RequestScoped
public class Viewer {
    public static final String CLIENT_MANAGER = "client-manager";
    public static final String CLIENT_VIEWER = "client-viewer";
    public static final String ACCOUNT_MANAGER = "account-manager";
    public static final String AGENT = "agent";
    public static final String AUDITOR = "auditor";
    public static final String PROVIDER_ADMIN = "provider-admin";

    @Inject
    SecurityIdentity identity;
    @Inject
    @RestClient
    GatewayApi gateway;
    @Inject
    Language language;

    private List<String> clientIds;

    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isClientSide() {
        return has(CLIENT_MANAGER) || has(CLIENT_VIEWER);
    }

    public boolean isAccountManager() {
        return has(ACCOUNT_MANAGER);
    }

    public boolean isAgent() {
        return has(AGENT);
    }

    public boolean isAuditor() {
        return has(AUDITOR);
    }

    public boolean isProviderAdmin() {
        return has(PROVIDER_ADMIN);
    }

    /** Whether this user approves or rejects change requests (for the client or for the provider side). */
    public boolean decides() {
        return has(CLIENT_MANAGER) || has(ACCOUNT_MANAGER);
    }

    /** The side whose decision this user gives: CLIENT or PROVIDER (null when the user decides nothing). */
    public String side() {
        return has(CLIENT_MANAGER) ? "CLIENT" : has(ACCOUNT_MANAGER) ? "PROVIDER" : null;
    }

    /** The side whose pending decisions this user follows: CLIENT for client users, PROVIDER for staff. */
    public String watchedSide() {
        return isClientSide() ? "CLIENT" : isAccountManager() ? "PROVIDER" : null;
    }

    /** Whether the role reads a client's business data (contracts, knowledge, reports). */
    public boolean readsClients() {
        return isClientSide() || isAccountManager() || isAgent();
    }

    /** The client ids the gateway lists for this user (their token's tenants), read once per request. */
    public List<String> clientIds() {
        if (clientIds == null) {
            List<String> ids = new ArrayList<>();
            if (readsClients() || isProviderAdmin()) {
                for (JsonNode client : gateway.clients(200).path("items")) {
                    ids.add(client.path("id").asText());
                }
            }
            clientIds = ids;
        }
        return clientIds;
    }

    public Locale locale() {
        return language.locale();
    }

    public String lang() {
        return language.locale().getLanguage();
    }
}
