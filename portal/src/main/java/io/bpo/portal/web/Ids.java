package io.bpo.portal.web;

import jakarta.ws.rs.NotFoundException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids from the portal's own URLs are checked before they are put in a gateway URL: a malformed one is a 404. */
public final class Ids {
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Ids() {
    }

    public static String requireClient(String clientId) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new NotFoundException();
        }
        return clientId;
    }

    public static String requireUuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException | NullPointerException notAUuid) {
            throw new NotFoundException();
        }
    }
}
