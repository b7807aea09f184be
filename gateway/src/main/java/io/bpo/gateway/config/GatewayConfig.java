package io.bpo.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of the gateway ({@code bpo.gateway.*}). Route URLs have no code default on purpose:
 * they are set per profile in application.properties, where the local ports are documented.
 */
@ConfigMapping(prefix = "bpo.gateway")
public interface GatewayConfig {

    Routes routes();

    /** Time allowed to open a TCP connection to a service. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Default time a service may stay silent once the request is sent, unless its route overrides it. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Largest request body the gateway forwards; larger ones get 413. */
    @WithDefault("64M")
    MemorySize maxBodySize();

    /** Realm roles that may use any client id in the path; every such use is logged as ALLOWED_CROSS_TENANT. */
    @WithDefault("provider-admin")
    List<String> crossTenantRoles();

    /** Connections kept per service. */
    @WithDefault("64")
    int upstreamPoolSize();

    RateLimit rateLimit();

    AccessLog accessLog();

    interface Routes {
        Route contracts();

        Route knowledge();

        Route reporting();

        Route notifications();
        Route people();
    }

    /**
     * The revocation view (decision 0033): suspended clients and revoked people, polled from people-service. Its
     * URL unset: nothing is polled and nothing refused on that ground.
     */
    Revocations revocations();

    interface Revocations {
        /** people-service's feed, e.g. {@code http://localhost:8084/internal/revocations}. */
        Optional<String> url();

        /** How often the feed is read: a revocation takes effect within this plus one request's time. */
        @WithDefault("2s")
        Duration pollInterval();
    }

    interface Route {
        /** Base URL of the service, e.g. {@code http://localhost:8081}. */
        String url();

        /** Overrides {@link GatewayConfig#requestTimeout()} for this service. */
        Optional<Duration> timeout();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Tokens added per second to each subject's bucket. */
        @WithDefault("200")
        double ratePerSecond();

        /** Bucket capacity: the largest burst a subject may send at once. */
        @WithDefault("400")
        int burst();
    }

    /** The access-log writer (group commit). */
    interface AccessLog {
        /** Most entries one transaction writes; a backlog larger than this is written in several batches. */
        @WithDefault("256")
        int maxBatchSize();

        /** Most entries waiting for the database; beyond it a request's answer is withheld at once (503). */
        @WithDefault("10000")
        int queueCapacity();

        /**
         * How long the writer may hold a batch open for entries still on their way, when requests that will log
         * soon are in flight (like PostgreSQL's commit_delay with commit_siblings): fewer, larger commits under
         * load, at most this much added latency. 0 disables it; an idle gateway never waits (decision 0021).
         */
        @WithDefault("3ms")
        Duration gatherWindow();

        /**
         * Fewest requests in flight without their entry for the writer to hold a batch open at all (PostgreSQL's
         * commit_siblings): a lightly loaded gateway never adds the wait to an answer.
         */
        @WithDefault("4")
        int gatherSiblings();

        /** On a graceful stop, how long the writer may take to commit what is still queued. */
        @WithDefault("30s")
        Duration shutdownTimeout();

        /** Ed25519 private key (PKCS#8, base64) that signs checkpoints; absent: an ephemeral key (dev, test). */
        Optional<String> signingKey();

        /** Id published with the signing key's public half and stored with each checkpoint. */
        Optional<String> signingKeyId();

        /**
         * Public halves of earlier signing keys, each {@code <keyId>:<X.509 SubjectPublicKeyInfo, base64>}, comma
         * separated: checkpoints they signed keep verifying after a rotation (decision record 0020).
         */
        Optional<List<String>> retiredPublicKeys();

        /** How often a checkpoint is written for every chain whose head moved since its last one. */
        @WithDefault("60s")
        Duration checkpointInterval();

        /**
         * Months an entry stays in the live table; older entries move to access_log_archive, hashes intact. At least
         * 1 (the database function refuses cutoffs under 28 days).
         */
        @WithDefault("13")
        int retentionMonths();

        /** How often entries past the retention period are moved to the archive. */
        @WithDefault("1h")
        Duration archiveInterval();

        /**
         * Benchmarks only: true turns the access log off, and is honoured only when the "bench" profile is active
         * too (the benchmark starts its own gateway with -Dquarkus.profile=prod,bench). Set without that profile,
         * the gateway refuses to start. Never set it anywhere else (decision record 0016, docs/operations.md).
         */
        @WithDefault("false")
        boolean benchDisabled();
    }
}
