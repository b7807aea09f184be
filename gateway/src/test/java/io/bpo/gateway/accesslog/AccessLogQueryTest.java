package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.bpo.gateway.problem.InvalidParametersException;
import io.bpo.gateway.problem.Problem.InvalidParam;

class AccessLogQueryTest {

    @Test
    void noParametersMeansEverythingFiftyAtATime() {
        AccessLogQuery query = AccessLogQuery.parse(null, null, null, null, null, null, null);
        assertEquals(50, query.limit());
        assertNull(query.clientId());
        assertNull(query.after());
    }

    @Test
    void instantsWithAnyOffsetAreNormalizedToUtc() {
        AccessLogQuery query = AccessLogQuery.parse(null, null, null, "2025-03-01T10:00:00+02:00",
                "2025-03-02T00:00:00Z", null, null);
        assertEquals(Instant.parse("2025-03-01T08:00:00Z"), query.from());
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), query.to());
    }

    @Test
    void instantWithoutOffsetIsRejected() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> AccessLogQuery.parse(null, null, null, "2025-03-01T10:00:00", null, null, null));
        assertEquals(List.of("from"), e.params().stream().map(InvalidParam::name).toList());
    }

    @Test
    void everyInvalidParameterIsReported() {
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> AccessLogQuery.parse("NOPE", "x".repeat(300), "SOMETIMES", "soon", "later", "0", "%%%"));
        assertEquals(List.of("clientId", "subject", "outcome", "from", "to", "limit", "cursor"),
                e.params().stream().map(InvalidParam::name).toList());
    }

    @Test
    void cursorRoundTripsToMicroseconds() {
        AccessLogCursor cursor = new AccessLogCursor(Instant.parse("2025-05-06T07:08:09.123456Z"), UUID.randomUUID());
        assertEquals(cursor, AccessLogCursor.decode(cursor.encode()));
    }

    @Test
    void forgedCursorIsRejected() {
        String forged = java.util.Base64.getUrlEncoder().encodeToString("12_not-a-uuid".getBytes());
        InvalidParametersException e = assertThrows(InvalidParametersException.class,
                () -> AccessLogQuery.parse(null, null, null, null, null, null, forged));
        assertEquals("cursor", e.params().get(0).name());
    }
}
