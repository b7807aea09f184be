package io.bpo.reporting.interaction;

import io.bpo.kit.http.Cursor;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a list of interactions shows: the records offered in the half-open window [from, to), optionally of one
 * channel and one queue, one keyset page at a time in (offeredAt, id) order. Built from the query parameters, with
 * every bad parameter reported at once. An empty parameter ({@code ?queue=}) counts as absent, as forms send them.
 */
public record InteractionQuery(Instant from, Instant to, Channel channel, String queue, Cursor after, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,9}");
    private static final Pattern NO_CONTROL_CHARACTERS = Pattern.compile("[^\\p{Cc}]{1,100}");

    /**
     * @param now the clock's reading: without period, from or to, the window is its calendar month in UTC
     */
    public static InteractionQuery parse(String period, String from, String to, String channel, String queue,
            String cursor, String limit, Instant now) {
        period = given(period);
        from = given(from);
        to = given(to);
        channel = given(channel);
        queue = given(queue);
        limit = given(limit);
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        if (period != null && (from != null || to != null)) {
            errors.add(new Problem.FieldError("period", "cannot be combined with from and to; use one or the other"));
        } else if (period != null) {
            if (PERIOD.matcher(period).matches()) {
                YearMonth month = YearMonth.parse(period);
                start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                errors.add(new Problem.FieldError("period", "must be a month as YYYY-MM (e.g. 2026-03)"));
            }
        } else if (from != null || to != null) {
            start = instant("from", from, "to", errors);
            end = instant("to", to, "from", errors);
            if (start != null && end != null && !start.isBefore(end)) {
                errors.add(new Problem.FieldError("from", "must be before to (the window is [from, to))"));
            }
        } else {
            YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
            start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        Channel wanted = null;
        if (channel != null) {
            try {
                wanted = Channel.valueOf(channel);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("channel", "must be one of " + channels()));
            }
        }
        if (queue != null && !NO_CONTROL_CHARACTERS.matcher(queue).matches()) {
            errors.add(new Problem.FieldError("queue", "must be 1 to 100 characters, without control characters"));
        }

        Cursor position = null;
        try {
            position = Cursor.decode(cursor);
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            size = LIMIT.matcher(limit).matches() ? Integer.parseInt(limit) : -1;
            if (size < 1 || size > MAX_LIMIT) {
                errors.add(new Problem.FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }

        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + " " + e.reason()).collect(Collectors.joining("; "));
            throw new ApiException(400, "validation", "Invalid request", detail, errors);
        }
        return new InteractionQuery(start, end, wanted, queue, position, size);
    }

    private static String given(String parameter) {
        return parameter == null || parameter.isEmpty() ? null : parameter;
    }

    private static Instant instant(String name, String value, String partner, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(name, "is required with " + partner));
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (TimeBounds.contains(instant)) {
                return instant;
            }
            errors.add(new Problem.FieldError(name, TimeBounds.REASON));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be an ISO-8601 instant (e.g. 2026-03-01T00:00:00Z)"));
        }
        return null;
    }

    private static String channels() {
        return Arrays.stream(Channel.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
