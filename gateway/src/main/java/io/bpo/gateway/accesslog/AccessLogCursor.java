package io.bpo.gateway.accesslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in the newest-first order: the (occurred_at, id) of the last entry of a page. Opaque to
 * clients; encoded as base64url of {@code <epoch micros>_<uuid>}.
 */
public record AccessLogCursor(Instant occurredAt, UUID id) {

    public static AccessLogCursor after(AccessLogEntry entry) {
        return new AccessLogCursor(entry.occurredAt(), entry.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        String plain = micros + "_" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this gateway made */
    public static AccessLogCursor decode(String text) {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        int separator = plain.indexOf('_');
        if (separator <= 0) {
            throw new IllegalArgumentException("not a cursor");
        }
        long micros = Long.parseLong(plain.substring(0, separator));
        UUID id = UUID.fromString(plain.substring(separator + 1));
        return new AccessLogCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }
}
