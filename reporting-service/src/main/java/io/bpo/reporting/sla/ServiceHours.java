package io.bpo.reporting.sla;

import io.bpo.reporting.contracts.TermsInForce;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service calendar: weekly opening hours in a time zone, minus public holidays. A record counts for an SLA when
 * the local wall-clock time of its 15-minute bucket start is inside an opening interval [opens, closes) of that
 * local day and the day is not a holiday. Wall-clock time is what the contract means: across a DST change, 08:00
 * Paris is 07:00 UTC in winter and 06:00 UTC in summer, and a 23-hour day still opens at 08:00.
 */
public final class ServiceHours {
    private final String key;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<TermsInForce.OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    public ServiceHours(TermsInForce.Calendar calendar) {
        this.key = calendar.key();
        this.zone = ZoneId.of(calendar.timeZone());
        for (TermsInForce.OpeningHours h : calendar.weeklyHours()) {
            hours.computeIfAbsent(h.day(), d -> new java.util.ArrayList<>()).add(h);
        }
        this.holidays = calendar.holidays() == null ? Set.of() : Set.copyOf(calendar.holidays());
    }

    public String key() {
        return key;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.contains(day);
    }

    /** Whether the bucket starting at {@code bucketStart} is inside the service hours. */
    public boolean isOpen(Instant bucketStart) {
        ZonedDateTime local = bucketStart.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        for (TermsInForce.OpeningHours h : hours.getOrDefault(local.getDayOfWeek(), List.of())) {
            boolean untilMidnight = h.closes().equals(LocalTime.MIDNIGHT);
            if (!time.isBefore(h.opens()) && (untilMidnight || time.isBefore(h.closes()))) {
                return true;
            }
        }
        return false;
    }
}
