package io.bpo.reporting.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What reporting reads of contracts-service's {@code GET .../terms-in-force}: the contract and, for each day of the
 * asked range, the terms version in force (consecutive periods, split at amendments). Only the parts the SLA engine
 * needs are mapped; unknown fields are ignored so that contracts can grow its document without breaking reporting.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TermsInForce(UUID contractId, String clientId, String reference, String currency, String status,
        List<Period> periods) {

    /** The terms that applied on every day of [from, to] (inclusive). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate from, LocalDate to, int versionNumber, int amendmentNumber, Terms terms) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terms(Pricing pricing, List<Calendar> calendars, List<ScopeItem> scope, List<Objective> objectives,
            List<Sla> slas) {
        public Optional<Sla> sla(String key) {
            return slas == null ? Optional.empty() : slas.stream().filter(s -> s.key().equals(key)).findFirst();
        }

        public Optional<Calendar> calendar(String key) {
            return calendars == null ? Optional.empty()
                    : calendars.stream().filter(c -> c.key().equals(key)).findFirst();
        }

        /** The objectives that name this SLA among their measures. */
        public List<Objective> objectivesOf(String slaKey) {
            return objectives == null ? List.of()
                    : objectives.stream().filter(o -> o.slas() != null && o.slas().contains(slaKey)).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pricing(String model, BigDecimal monthlyFee) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Calendar(String key, String timeZone, List<OpeningHours> weeklyHours, List<LocalDate> holidays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScopeItem(String key, String process, String channel, String calendar, Boolean inScope) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Objective(String key, String category, String statement, List<String> slas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sla(String key, String name, String metric, String comparator, BigDecimal target,
            BigDecimal warning, Integer thresholdSeconds, String period, String calendar, BigDecimal weight,
            List<String> scope, ServiceCredit serviceCredit, Bonus bonus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceCredit(BigDecimal percentOfFeePerBreach, BigDecimal capPercentPerPeriod) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bonus(BigDecimal stretchTarget, BigDecimal percentOfFee, BigDecimal capPercentPerPeriod) {
    }
}
