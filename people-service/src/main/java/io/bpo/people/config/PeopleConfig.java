package io.bpo.people.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** people-service's own settings ({@code bpo.people.*}); Keycloak's admin client has its own keys. */
@ConfigMapping(prefix = "bpo.people")
public interface PeopleConfig {

    /** The realm whose users people-service manages. */
    @WithDefault("bpo")
    String realm();

    /** Client whose login pages the invitation link opens, and where the browser goes once the password is set. */
    @WithDefault("bpo-portal")
    String invitationClientId();

    /** Where the invited person lands after setting the password; unset: Keycloak's account page. */
    java.util.Optional<String> invitationRedirectUri();

    /** How long the one-time link of an invitation e-mail stays valid. */
    @WithDefault("72h")
    Duration invitationLifespan();

    /** Prefix of each client's Keycloak group (its {@code tenants} attribute names the client). */
    @WithDefault("client-")
    String groupPrefix();

    /** After offboarding, how long the client's data is kept before it is deleted. */
    @WithDefault("30d")
    Duration retention();

    /** How often the retention job looks for offboarded clients due for deletion. */
    @WithDefault("1h")
    Duration deletionCheckInterval();

    /** How often the realm's LOGOUT events are read (a sign-out is refused within this plus the gateway's poll). */
    @WithDefault("3s")
    Duration logoutPollInterval();

    /** How far back the revocation feed reaches: at least the longest access token lifetime of the realm. */
    @WithDefault("1h")
    Duration revocationHorizon();

    Export export();

    interface Export {
        /** Base URL of each service the export reads from (key: service name). */
        Map<String, String> services();

        /**
         * What the export reads: entry name (a path in the archive) to {@code <service> <path>}, the path with
         * {@code {clientId}}. A page with {@code nextCursor} is followed.
         */
        Map<String, String> sources();

        /** The confidential client whose client-credentials token reads each service during an export. */
        @WithDefault("people-exporter")
        String clientId();

        @WithDefault("")
        String clientSecret();

        /** Token endpoint of the realm (for the exporter's client-credentials grant). */
        String tokenUrl();
    }
}
