package io.bpo.reporting.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A measuring period of an SLA: a local day, an ISO week (Monday to Sunday) or a calendar month, in the SLA
 * calendar's time zone. Its instants are the local midnights, so a DST day is 23 or 25 hours long.
 */
public record SlaPeriod(Kind kind, LocalDate first, LocalDate last) {
    public enum Kind { DAY, WEEK, MONTH }

    /** The period of {@code kind} that contains {@code day}. */
    public static SlaPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case DAY -> new SlaPeriod(kind, day, day);
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new SlaPeriod(kind, monday, monday.plusDays(6));
            }
            case MONTH -> new SlaPeriod(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
        };
    }

    public Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Exclusive end: the midnight after the last day. */
    public Instant to(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public String label() {
        return switch (kind) {
            case DAY -> first.toString();
            case WEEK -> first + "/" + last;
            case MONTH -> first.toString().substring(0, 7);
        };
    }
}
