package io.bpo.portal.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Gateway calls of one page made side by side. The managed executor carries the request's context to its threads,
 * so {@link BearerTokenFilter} still finds the signed-in user (and only that user) for each call.
 */
@ApplicationScoped
public class Parallel {
    @Inject
    ManagedExecutor executor;

    public <T> CompletableFuture<T> call(Supplier<T> gatewayCall) {
        return executor.supplyAsync(gatewayCall);
    }

    /** The call's answer, or the exception it threw (a refusal stays a refusal: the page's mappers handle it). */
    public static <T> T join(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }
}
