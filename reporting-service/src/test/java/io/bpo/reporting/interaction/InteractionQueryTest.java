package io.bpo.reporting.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionQueryTest {
    static final Instant NOW = Instant.parse("2026-03-31T23:30:00Z");

    private static InteractionQuery parse(String period, String from, String to) {
        return InteractionQuery.parse(period, from, to, null, null, null, null, NOW);
    }

    private static List<String> refused(String period, String from, String to, String channel, String queue,
            String cursor, String limit) {
        ApiException e = assertThrows(ApiException.class,
                () -> InteractionQuery.parse(period, from, to, channel, queue, cursor, limit, NOW));
        assertEquals(400, e.status());
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void withoutWindowTheCurrentUtcMonthIsShown() {
        InteractionQuery query = parse(null, null, null);
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), query.to());
    }

    @Test
    void theDefaultMonthFollowsUtcNotTheServersZone() {
        InteractionQuery query = InteractionQuery.parse(null, null, null, null, null, null, null,
                Instant.parse("2026-12-31T23:59:59Z"));
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), query.to());
    }

    @Test
    void periodIsACalendarMonthInUtc() {
        InteractionQuery query = parse("2024-02", null, null);
        assertEquals(Instant.parse("2024-02-01T00:00:00Z"), query.from());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), query.to());
    }

    @Test
    void fromAndToAreTakenAsGiven() {
        InteractionQuery query = parse(null, "2026-03-02T10:00:00+01:00", "2026-03-03T00:00:00Z");
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), query.to());
    }

    @Test
    void pageSizeDefaultsTo100AndStopsAt500() {
        assertEquals(100, parse(null, null, null).limit());
        assertEquals(500, InteractionQuery.parse(null, null, null, null, null, null, "500", NOW).limit());
        assertEquals(List.of("limit"), refused(null, null, null, null, null, null, "501"));
        assertEquals(List.of("limit"), refused(null, null, null, null, null, null, "99999999999"));
    }

    @Test
    void filtersAreOptional() {
        InteractionQuery query = InteractionQuery.parse(null, null, null, "BACK_OFFICE", "refunds", null, null, NOW);
        assertEquals(Channel.BACK_OFFICE, query.channel());
        assertEquals("refunds", query.queue());
        assertNull(parse(null, null, null).channel());
    }

    @Test
    void emptyParametersCountAsAbsent() {
        InteractionQuery query = InteractionQuery.parse("", "", "", "", "", "", "", NOW);
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), query.from());
        assertNull(query.channel());
        assertNull(query.queue());
        assertNull(query.after());
        assertEquals(100, query.limit());
    }

    @Test
    void everyBadParameterIsReported() {
        assertEquals(List.of("period", "channel", "cursor", "limit"),
                refused("2026-3", null, null, "fax", null, "nope", "-1"));
        assertEquals(List.of("from", "to"), refused(null, "soon", "later", null, null, null, null));
    }
}
