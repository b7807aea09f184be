package io.bpo.people.directory;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person as Keycloak knows them, seen from one client: what the people API shows. */
@Schema(description = "A person of a client, read from the identity provider")
public record Person(
        @Schema(description = "Keycloak user id (the token's subject)") String id,
        String username,
        String email,
        String firstName,
        String lastName,
        @Schema(description = "The person's platform roles") List<String> roles,
        @Schema(description = "CLIENT (the client company's staff) or PROVIDER (account managers, agents)") Kind kind,
        boolean enabled,
        @Schema(description = "True until the invited person has set a password and verified the e-mail") boolean invitationPending) {

    public enum Kind { CLIENT, PROVIDER }
}
