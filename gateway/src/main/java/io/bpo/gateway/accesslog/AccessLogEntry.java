package io.bpo.gateway.accesslog;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.bpo.gateway.request.Exchange;
import io.bpo.gateway.security.Caller;

/** One row of the confidentiality log; also its JSON form in the audit API. */
@Schema(name = "AccessLogEntry", description = "One request to /api/v1, allowed or denied")
public record AccessLogEntry(
        UUID id,
        @Schema(description = "When the gateway received the request (UTC)") Instant occurredAt,
        String requestId,
        @Schema(description = "Token subject; null when the request carried no valid token") String subject,
        @Schema(description = "Token preferred_username") String username,
        List<String> roles,
        @Schema(description = "Client id from the path; null for the clients list and the audit API") String clientId,
        @Schema(description = "Service the route belongs to: contracts, knowledge, reporting or gateway")
        String service,
        String method,
        @Schema(description = "The path as received (normalized)") String path,
        @Schema(description = "Route template of the path, its ids as placeholders",
                example = "/api/v1/clients/{clientId}/contracts/{contractId}") String pathTemplate,
        @Schema(description = "The ids in the path, by placeholder name, in path order",
                example = "{\"clientId\": \"acme\", \"contractId\": \"5d0f2c1e-8c4b-4d7e-9a51-2f6b3e9d0c11\"}")
        Map<String, String> resourceIds,
        int status,
        @Schema(description = "How the request ended; the DENIED_* and REJECTED_* values are refusals")
        AccessOutcome outcome,
        @Schema(description = "Why, for a refusal (e.g. 'client not among the token's tenants'); notes of the audit "
                + "API for its own reads", nullable = true) String reason,
        String sourceAddress,
        String userAgent,
        long durationMs) {

    public AccessLogEntry {
        roles = roles == null ? List.of() : List.copyOf(roles);
        resourceIds = resourceIds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(resourceIds));
    }

    /** An entry whose template and ids are derived from its path. */
    public AccessLogEntry(UUID id, Instant occurredAt, String requestId, String subject, String username,
            List<String> roles, String clientId, String service, String method, String path, int status,
            AccessOutcome outcome, String reason, String sourceAddress, String userAgent, long durationMs) {
        this(id, occurredAt, requestId, subject, username, roles, clientId, service, method, path,
                PathTemplate.of(path), status, outcome, reason, sourceAddress, userAgent, durationMs);
    }

    private AccessLogEntry(UUID id, Instant occurredAt, String requestId, String subject, String username,
            List<String> roles, String clientId, String service, String method, String path, PathTemplate template,
            int status, AccessOutcome outcome, String reason, String sourceAddress, String userAgent,
            long durationMs) {
        this(id, occurredAt, requestId, subject, username, roles, clientId, service, method, path,
                template.template(), template.ids(), status, outcome, reason, sourceAddress, userAgent, durationMs);
    }

    private static final int MAX_REASON = 1024;

    public static AccessLogEntry of(Exchange exchange, int status, AccessOutcome outcome, String reason) {
        Caller caller = exchange.caller();
        return new AccessLogEntry(
                UUID.randomUUID(),
                exchange.occurredAt(),
                exchange.requestId(),
                caller == null ? null : caller.subject(),
                caller == null ? null : caller.username(),
                caller == null ? List.of() : caller.sortedRoles(),
                exchange.clientId(),
                exchange.service(),
                exchange.method(),
                exchange.path(),
                status,
                outcome,
                joinReason(reason, exchange.note()),
                exchange.sourceAddress(),
                exchange.userAgent(),
                exchange.elapsedMillis());
    }

    private static String joinReason(String reason, String note) {
        String joined = note == null ? reason : reason == null ? note : reason + "; " + note;
        if (joined != null && joined.length() > MAX_REASON) {
            return joined.substring(0, MAX_REASON);
        }
        return joined;
    }
}
