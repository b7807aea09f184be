package io.bpo.reporting.contracts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to contracts-service with their fault tolerance: a timeout, and a circuit breaker that stops calling
 * while contracts keeps failing. A 4xx answer is the caller's problem, not a sign that contracts is unwell, so it
 * does not count against the circuit ({@link Refused}). Override per environment with MicroProfile Fault Tolerance
 * keys, e.g. {@code io.bpo.reporting.contracts.ContractsCalls/termsInForce/Timeout/value=2000}.
 */
@ApplicationScoped
public class ContractsCalls {
    @Inject
    @RestClient
    ContractsApi api;

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, skipOn = Refused.class)
    public TermsInForce termsInForce(String clientId, UUID contractId, String from, String to) {
        try {
            return api.termsInForce(clientId, contractId, from, to);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new Refused(status);
            }
            throw e;
        }
    }

    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000, skipOn = Refused.class)
    public ContractPage contracts(String clientId, String cursor, int limit) {
        try {
            return api.contracts(clientId, cursor, limit);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw new Refused(status);
            }
            throw e;
        }
    }

    /** contracts answered 4xx. */
    public static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("contracts-service answered " + status, null, false, false);
            this.status = status;
        }
    }
}
