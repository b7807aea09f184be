package io.bpo.reporting.sla;

import io.bpo.kit.problem.ApiException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Query and path parameters of the SLA endpoints, each refused by name with a reason. */
public final class SlaParams {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SLA_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    private SlaParams() {
    }

    public static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, "is required, as YYYY-MM");
        }
        try {
            if (MONTH.matcher(value).matches()) {
                YearMonth month = YearMonth.parse(value);
                if (month.getYear() >= 2000 && month.getYear() <= 2999) {
                    return month;
                }
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw ApiException.badRequest(name, "must be a month YYYY-MM between 2000-01 and 2999-12");
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name, "is required, as YYYY-MM-DD");
        }
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() >= 2000 && date.getYear() <= 2999) {
                    return date;
                }
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw ApiException.badRequest(name, "must be a date YYYY-MM-DD between 2000 and 2999");
    }

    public static SlaPeriod.Kind period(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return SlaPeriod.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("period", "must be DAY, WEEK or MONTH");
        }
    }

    public static String slaKey(String value) {
        if (value == null || !SLA_KEY.matcher(value).matches()) {
            throw ApiException.badRequest("slaKey", "must be a key of 1-50 lowercase letters, digits or '-'");
        }
        return value;
    }
}
