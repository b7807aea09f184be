package io.bpo.reporting.contracts;

import io.bpo.kit.problem.ApiException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Terms in force, read from contracts-service. Its answers become this service's: a contract the caller cannot see
 * there is a 404 (or 403) here. contracts being slow or down is a 503 ({@code contracts-unavailable}), an error
 * answer from it a 502 ({@code contracts-failed}); the circuit breaker stops hammering it while it recovers.
 */
@ApplicationScoped
public class ContractTermsClient {
    /** contracts answers at most 366 days per request. */
    static final int MAX_DAYS = 366;

    @Inject
    ContractsCalls guarded;

    public TermsInForce inForce(String clientId, UUID contractId, LocalDate from, LocalDate to) {
        List<TermsInForce.Period> periods = new ArrayList<>();
        TermsInForce first = null;
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = start.plusDays(MAX_DAYS - 1).isBefore(to) ? start.plusDays(MAX_DAYS - 1) : to;
            TermsInForce part = call(clientId, contractId, start, end);
            if (first == null) {
                first = part;
            }
            if (part.periods() != null) {
                for (TermsInForce.Period p : part.periods()) {
                    TermsInForce.Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
                    if (last != null && last.versionNumber() == p.versionNumber()
                            && ChronoUnit.DAYS.between(last.to(), p.from()) == 1) {
                        periods.set(periods.size() - 1, new TermsInForce.Period(last.from(), p.to(),
                                last.versionNumber(), last.amendmentNumber(), last.terms()));
                    } else {
                        periods.add(p);
                    }
                }
            }
            start = end.plusDays(1);
        }
        return new TermsInForce(first.contractId(), first.clientId(), first.reference(), first.currency(),
                first.status(), List.copyOf(periods));
    }

    /** Every contract of the client the caller may see (all pages). */
    public List<ContractPage.Contract> contracts(String clientId) {
        List<ContractPage.Contract> all = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            ContractPage page = guard(() -> guarded.contracts(clientId, after, 200), null, "contracts");
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private TermsInForce call(String clientId, UUID contractId, LocalDate from, LocalDate to) {
        return guard(() -> guarded.termsInForce(clientId, contractId, from.toString(), to.toString()), contractId,
                from + ".." + to);
    }

    private static <T> T guard(java.util.function.Supplier<T> call, UUID contractId, String range) {
        try {
            return call.get();
        } catch (ContractsCalls.Refused refused) {
            int status = refused.status;
            if (status == 404) {
                throw contractId == null ? ApiException.notFound("Client", "") : ApiException.notFound("Contract", contractId);
            }
            if (status == 403) {
                throw ApiException.forbidden("forbidden", "contracts-service refused access"
                        + (contractId == null ? "" : " to contract " + contractId));
            }
            if (status == 400) {
                throw ApiException.badRequest("period", "contracts-service refused the date range " + range);
            }
            throw failed("contracts-service answered " + status);
        } catch (TimeoutException | CircuitBreakerOpenException | ProcessingException e) {
            Log.warnf("contracts-service unavailable: %s", e.toString());
            throw new ApiException(503, "contracts-unavailable", "Contracts service unavailable",
                    "The contract terms could not be read from contracts-service; try again shortly");
        } catch (WebApplicationException e) {
            throw failed("contracts-service answered " + e.getResponse().getStatus());
        }
    }

    private static ApiException failed(String detail) {
        return new ApiException(502, "contracts-failed", "Contracts service failed", detail);
    }
}
