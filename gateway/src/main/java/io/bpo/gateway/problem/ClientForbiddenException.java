package io.bpo.gateway.problem;

/** A client outside the caller's scope (a scoped auditor asking for another client): 403 tenant-forbidden. */
public class ClientForbiddenException extends RuntimeException {

    private final String clientId;

    public ClientForbiddenException(String clientId) {
        super("client outside the caller's scope: " + clientId, null, false, false);
        this.clientId = clientId;
    }

    public String clientId() {
        return clientId;
    }
}
