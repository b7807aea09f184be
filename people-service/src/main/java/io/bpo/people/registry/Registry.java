package io.bpo.people.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.bpo.kit.problem.ApiException;

/**
 * The registry entry of a client in contracts-service, created idempotently: an entry that already exists is read
 * back, so onboarding twice (or after a half-done first attempt) ends in the same state.
 */
@ApplicationScoped
public class Registry {

    private final RegistryApi api;

    Registry(@RestClient RegistryApi api) {
        this.api = api;
    }

    @Timeout(10_000)
    public RegistryEntry ensure(RegistryEntry wanted) {
        try {
            return api.onboard(new RegistryEntry(wanted.id(), wanted.legalName(), wanted.country(), wanted.sector(),
                    null));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 409) {
                return read(wanted.id());
            }
            throw refused(status, e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    @Timeout(10_000)
    public RegistryEntry read(String clientId) {
        try {
            return api.get(clientId);
        } catch (WebApplicationException e) {
            throw refused(e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static ApiException refused(int status, WebApplicationException e) {
        String body = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : "";
        if (status == 400 || status == 422) {
            return new ApiException(422, "registry-refused", "Unprocessable Content",
                    "contracts-service refused the registry entry: " + body, java.util.List.of());
        }
        return new ApiException(502, "upstream-failed", "Bad Gateway",
                "contracts-service answered " + status + " for the registry entry", java.util.List.of());
    }

    private static ApiException unavailable(ProcessingException e) {
        return new ApiException(503, "upstream-unavailable", "Service Unavailable",
                "contracts-service could not be reached: " + e.getMessage(), java.util.List.of());
    }
}
