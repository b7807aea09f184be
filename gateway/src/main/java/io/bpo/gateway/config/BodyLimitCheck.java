package io.bpo.gateway.config;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Quarkus refuses bodies over {@code quarkus.http.limits.max-body-size} before any route runs, with a bare 413
 * that is neither problem+json nor logged. The gateway's own limit only works while it is the lower one.
 */
@ApplicationScoped
class BodyLimitCheck {

    private static final Logger LOG = Logger.getLogger(BodyLimitCheck.class);

    void check(@Observes StartupEvent start, GatewayConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusLimit) {
        long gatewayLimit = config.maxBodySize().asLongValue();
        if (quarkusLimit.isPresent() && quarkusLimit.get().asLongValue() <= gatewayLimit) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d bytes) is not above bpo.gateway.max-body-size (%d bytes):"
                    + " oversize requests will get Quarkus' bare 413 and will not be access-logged",
                    quarkusLimit.get().asLongValue(), gatewayLimit);
        }
    }
}
