package io.bpo.gateway.accesslog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.bpo.gateway.problem.InvalidParametersException;
import io.bpo.gateway.problem.Problem.InvalidParam;
import io.bpo.gateway.routing.RouteResolver;

/** Validated filters of an access-log read. Every invalid parameter is reported, not only the first. */
public record AccessLogQuery(
        String clientId,
        String subject,
        AccessOutcome outcome,
        Instant from,
        Instant to,
        int limit,
        AccessLogCursor after,
        String resource,
        String pathTemplate,
        List<String> scope) {

    /** A query without resource filters and without scope. */
    public AccessLogQuery(String clientId, String subject, AccessOutcome outcome, Instant from, Instant to, int limit,
            AccessLogCursor after) {
        this(clientId, subject, outcome, from, to, limit, after, null, null, null);
    }

    /** The same query restricted to the clients in {@code clients} (null: no restriction). */
    public AccessLogQuery scopedTo(List<String> clients) {
        return new AccessLogQuery(clientId, subject, outcome, from, to, limit, after, resource, pathTemplate,
                clients == null ? null : List.copyOf(clients));
    }

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final int MAX_SUBJECT = 255;
    private static final int MAX_RESOURCE = 2048;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    public static AccessLogQuery parse(String clientId, String subject, String outcome, String from, String to,
            String limit, String cursor) {
        return parse(clientId, subject, outcome, from, to, limit, cursor, null, null);
    }

    /**
     * @param resource a path under /api/v1/: entries for it and for every path under it
     * @param pathTemplate a route template, e.g. /api/v1/clients/{clientId}/contracts/{contractId}
     */
    public static AccessLogQuery parse(String clientId, String subject, String outcome, String from, String to,
            String limit, String cursor, String resource, String pathTemplate) {
        List<InvalidParam> invalid = new ArrayList<>();
        String parsedResource = blankToNull(resource);
        if (parsedResource != null) {
            parsedResource = parsedResource.trim();
            if (!parsedResource.startsWith(RouteResolver.API_PREFIX) || parsedResource.length() > MAX_RESOURCE) {
                invalid.add(new InvalidParam("resource", "must be a path under " + RouteResolver.API_PREFIX
                        + " of at most " + MAX_RESOURCE + " characters"));
            } else if (parsedResource.endsWith("/")) {
                parsedResource = parsedResource.substring(0, parsedResource.length() - 1);
            }
        }
        String parsedTemplate = blankToNull(pathTemplate);
        if (parsedTemplate != null
                && (!parsedTemplate.startsWith("/api/v1") || parsedTemplate.length() > MAX_RESOURCE)) {
            invalid.add(new InvalidParam("pathTemplate", "must be a route template under /api/v1, e.g. "
                    + "/api/v1/clients/{clientId}/contracts/{contractId}"));
        }

        String client = blankToNull(clientId);
        if (client != null && !RouteResolver.isClientId(client)) {
            invalid.add(new InvalidParam("clientId", "must be a client id: lower-case letters, digits and '-', 2 to 63"));
        }
        String sub = blankToNull(subject);
        if (sub != null && sub.length() > MAX_SUBJECT) {
            invalid.add(new InvalidParam("subject", "must be at most " + MAX_SUBJECT + " characters"));
        }
        AccessOutcome parsedOutcome = null;
        if (blankToNull(outcome) != null) {
            try {
                parsedOutcome = AccessOutcome.valueOf(outcome.trim());
            } catch (IllegalArgumentException e) {
                invalid.add(new InvalidParam("outcome", "must be one of " + List.of(AccessOutcome.values())));
            }
        }
        Instant parsedFrom = instant("from", from, invalid);
        Instant parsedTo = instant("to", to, invalid);
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            invalid.add(new InvalidParam("from", "must be before 'to'"));
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (blankToNull(limit) != null) {
            String trimmed = limit.trim();
            if (!DIGITS.matcher(trimmed).matches() || Integer.parseInt(trimmed) < 1
                    || Integer.parseInt(trimmed) > MAX_LIMIT) {
                invalid.add(new InvalidParam("limit", "must be an integer from 1 to " + MAX_LIMIT));
            } else {
                parsedLimit = Integer.parseInt(trimmed);
            }
        }
        AccessLogCursor after = null;
        if (blankToNull(cursor) != null) {
            try {
                after = AccessLogCursor.decode(cursor.trim());
            } catch (IllegalArgumentException e) {
                invalid.add(new InvalidParam("cursor", "must be a nextCursor value returned by this API"));
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidParametersException(invalid);
        }
        return new AccessLogQuery(client, sub, parsedOutcome, parsedFrom, parsedTo, parsedLimit, after,
                parsedResource, parsedTemplate == null ? null : parsedTemplate.trim(), null);
    }

    /** The filters in words, for the reason of the read's own log entry (exports: without the page size). */
    public String describeFilters() {
        String text = describe();
        return text.substring(0, text.lastIndexOf(" limit="));
    }

    /** The filters in words, for the reason of the read's own log entry. */
    public String describe() {
        StringBuilder text = new StringBuilder("filters:");
        if (clientId != null) {
            text.append(" clientId=").append(clientId);
        }
        if (subject != null) {
            text.append(" subject=").append(subject);
        }
        if (outcome != null) {
            text.append(" outcome=").append(outcome);
        }
        if (from != null) {
            text.append(" from=").append(from);
        }
        if (to != null) {
            text.append(" to=").append(to);
        }
        if (resource != null) {
            text.append(" resource=").append(resource);
        }
        if (pathTemplate != null) {
            text.append(" pathTemplate=").append(pathTemplate);
        }
        if (after != null) {
            text.append(" cursor");
        }
        return text.append(" limit=").append(limit).toString();
    }

    private static Instant instant(String name, String value, List<InvalidParam> invalid) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            invalid.add(new InvalidParam(name, "must be an ISO-8601 date-time with offset, e.g. 2025-01-31T00:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
