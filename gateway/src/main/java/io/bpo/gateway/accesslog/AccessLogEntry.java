package io.bpo.gateway.accesslog;

import java.time.Instant;
import java.util.List;
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
        @Schema(description = "Service the route belongs to: contracts, knowledge, reporting or gateway") String service,
        String method,
        String path,
        int status,
        AccessOutcome outcome,
        String reason,
        String sourceAddress,
        String userAgent,
        long durationMs) {

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
