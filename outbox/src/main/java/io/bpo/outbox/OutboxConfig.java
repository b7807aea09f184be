package io.bpo.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "bpo.outbox")
public interface OutboxConfig {
    /** Where the relay posts batches of events: notifications-service's intake. */
    @WithDefault("http://localhost:8085/internal/v1/events")
    URI sinkUrl();

    Relay relay();

    interface Relay {
        /** Off in the test profile: tests drive the relay themselves, against a receiver of their own. */
        @WithDefault("true")
        boolean enabled();

        /** Events per POST; one batch is one transaction on the outbox. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for events when no commit woke it (another replica's, a failed batch). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Ceiling of the doubling pause after failed deliveries. */
        @WithDefault("30s")
        Duration maxBackoff();

        @WithDefault("10s")
        Duration requestTimeout();

        /** Delivered events are deleted after this long; undelivered ones never are. */
        @WithDefault("7d")
        Duration retention();
    }
}
