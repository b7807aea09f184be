package io.bpo.contracts.terms;

import static io.bpo.contracts.terms.TermsDocs.copy;
import static io.bpo.contracts.terms.TermsDocs.get;
import static io.bpo.contracts.terms.TermsDocs.list;
import static io.bpo.contracts.terms.TermsDocs.set;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Broken terms documents and the exact fields the API must name, shared by the unit test of {@link TermsRules} and
 * the HTTP tests of PUT .../terms. Each case starts from {@link TermsDocs#terms()} and breaks one rule.
 */
final class TermsCases {
    private TermsCases() {
    }

    static Arguments broken(String rule, Consumer<Map<String, Object>> breakIt, String... fields) {
        return Arguments.of(rule, breakIt, List.of(fields));
    }

    static Consumer<Map<String, Object>> setting(String path, Object value) {
        return terms -> set(terms, path, value);
    }

    /** Rules across fields, checked by {@link TermsRules} once every field is valid on its own. */
    static Stream<Arguments> crossFieldRules() {
        return Stream.of(
                broken("duplicate calendar key",
                        t -> set(t, "calendars[1]", copy(get(t, "calendars[0]"))), "terms.calendars[1].key"),
                broken("duplicate scope key",
                        t -> set(t, "scope[2]", copy(get(t, "scope[0]"))), "terms.scope[2].key"),
                broken("duplicate objective key",
                        t -> set(t, "objectives[1]", copy(get(t, "objectives[0]"))), "terms.objectives[1].key"),
                broken("duplicate SLA key", t -> {
                    set(t, "slas[3]", copy(get(t, "slas[1]")));
                    set(t, "slas[3].weight", 0);
                }, "terms.slas[3].key"),
                broken("scope item on an unknown calendar", setting("scope[0].calendar", "night-shift"),
                        "terms.scope[0].calendar"),
                broken("SLA on an unknown calendar", setting("slas[1].calendar", "night-shift"),
                        "terms.slas[1].calendar"),
                broken("SLA covering an unknown scope item", setting("slas[1].scope[0]", "payroll"),
                        "terms.slas[1].scope[0]"),
                broken("objective measured by an unknown SLA", setting("objectives[0].slas[1]", "uptime"),
                        "terms.objectives[0].slas[1]"),
                broken("threshold required by SERVICE_LEVEL", setting("slas[0].thresholdSeconds", null),
                        "terms.slas[0].thresholdSeconds"),
                broken("threshold meaningless for ABANDONMENT_RATE", setting("slas[1].thresholdSeconds", 30),
                        "terms.slas[1].thresholdSeconds"),
                broken("percent target above 100", setting("slas[1].target", 101), "terms.slas[1].target"),
                broken("CSAT target below 1", t -> {
                    set(t, "slas[2].target", new BigDecimal("0.5"));
                    set(t, "slas[2].warning", null);
                }, "terms.slas[2].target"),
                broken("CSAT warning above 5", setting("slas[2].warning", new BigDecimal("5.5")),
                        "terms.slas[2].warning"),
                broken("warning below a higher-is-better target", setting("slas[0].warning", 78),
                        "terms.slas[0].warning"),
                broken("warning above a lower-is-better target", setting("slas[1].warning", 6),
                        "terms.slas[1].warning"),
                broken("explicit comparator decides the good side", setting("slas[1].comparator", "GTE"),
                        "terms.slas[1].warning"),
                broken("bonus stretch equal to the target", setting("slas[0].bonus.stretchTarget", 80),
                        "terms.slas[0].bonus.stretchTarget"),
                broken("bonus stretch short of the target", setting("slas[0].bonus.stretchTarget", 79),
                        "terms.slas[0].bonus.stretchTarget"),
                broken("bonus stretch above 100%", setting("slas[0].bonus.stretchTarget", 101),
                        "terms.slas[0].bonus.stretchTarget"),
                broken("bonus cap below the bonus", setting("slas[0].bonus.percentOfFee", 4),
                        "terms.slas[0].bonus.capPercentPerPeriod"),
                broken("credit cap below the credit per breach",
                        setting("slas[0].serviceCredit.percentOfFeePerBreach", 12),
                        "terms.slas[0].serviceCredit.capPercentPerPeriod"),
                broken("weights above 1", setting("slas[2].weight", new BigDecimal("0.5")), "terms.slas"),
                broken("end before start", setting("term.endDate", "2025-12-31"), "terms.term.endDate"),
                broken("notice longer than the term", setting("term.noticePeriodDays", 730),
                        "terms.term.noticePeriodDays"),
                broken("tacit renewal without a period", setting("term.renewalPeriodMonths", null),
                        "terms.term.renewalPeriodMonths"),
                broken("per-transaction pricing without a unit price", setting("pricing.unitPrice", null),
                        "terms.pricing.unitPrice"),
                broken("outcome-based pricing without a unit price", t -> {
                    set(t, "pricing.model", "OUTCOME_BASED");
                    set(t, "pricing.unitPrice", null);
                }, "terms.pricing.unitPrice"),
                broken("per-FTE pricing without FTE price and count", setting("pricing.model", "PER_FTE"),
                        "terms.pricing.ftePrice", "terms.pricing.fteCount"),
                broken("opening hours closing before they open",
                        setting("calendars[0].weeklyHours[2].closes", "09:00"),
                        "terms.calendars[0].weeklyHours[2].closes"),
                broken("every broken rule at once", t -> {
                    set(t, "term.endDate", "2025-12-31");
                    set(t, "slas[1].warning", 6);
                    set(t, "slas[2].weight", new BigDecimal("0.9"));
                }, "terms.term.endDate", "terms.slas[1].warning", "terms.slas"));
    }

    /** Rules on one field, checked by bean validation before any cross-field rule. */
    static Stream<Arguments> fieldRules() {
        return Stream.of(
                broken("no terms", t -> t.clear(), "terms.calendars", "terms.governance", "terms.objectives",
                        "terms.pricing", "terms.scope", "terms.slas", "terms.term"),
                broken("start date missing", setting("term.startDate", null), "terms.term.startDate"),
                broken("negative notice", setting("term.noticePeriodDays", -1), "terms.term.noticePeriodDays"),
                broken("notice over two years", setting("term.noticePeriodDays", 731), "terms.term.noticePeriodDays"),
                broken("renewal missing", setting("term.renewal", null), "terms.term.renewal"),
                broken("renewal period of 0 months", setting("term.renewalPeriodMonths", 0),
                        "terms.term.renewalPeriodMonths"),
                broken("pricing model missing", setting("pricing.model", null), "terms.pricing.model"),
                broken("negative monthly fee", setting("pricing.monthlyFee", -1), "terms.pricing.monthlyFee"),
                broken("fee with three decimals", setting("pricing.monthlyFee", new BigDecimal("100.555")),
                        "terms.pricing.monthlyFee"),
                broken("negative unit price", setting("pricing.unitPrice", new BigDecimal("-0.01")),
                        "terms.pricing.unitPrice"),
                broken("negative FTE count", setting("pricing.fteCount", -1), "terms.pricing.fteCount"),
                broken("negative budget cap", setting("pricing.annualBudgetCap", -5), "terms.pricing.annualBudgetCap"),
                broken("governance cadence missing", setting("governance[0].cadence", null),
                        "terms.governance[0].cadence"),
                broken("blank governance member", setting("governance[0].clientMembers[1]", " "),
                        "terms.governance[0].clientMembers[1]"),
                broken("calendar key with capitals and underscore", setting("calendars[0].key", "FR_business"),
                        "terms.calendars[0].key"),
                broken("unknown time zone", setting("calendars[0].timeZone", "Mars/Olympus_Mons"),
                        "terms.calendars[0].timeZone"),
                broken("time zone that is not a region", setting("calendars[0].timeZone", "Paris"),
                        "terms.calendars[0].timeZone"),
                broken("calendar without opening hours", setting("calendars[0].weeklyHours", list()),
                        "terms.calendars[0].weeklyHours"),
                broken("opening hours without a day", setting("calendars[0].weeklyHours[1].day", null),
                        "terms.calendars[0].weeklyHours[1].day"),
                broken("holidays missing", setting("calendars[0].holidays", null), "terms.calendars[0].holidays"),
                broken("scope key with a space", setting("scope[0].key", "billing calls"), "terms.scope[0].key"),
                broken("blank process", setting("scope[0].process", ""), "terms.scope[0].process"),
                broken("channel missing", setting("scope[0].channel", null), "terms.scope[0].channel"),
                broken("not a language", setting("scope[1].languages[1]", "english"), "terms.scope[1].languages[1]"),
                broken("ill-formed language tag", setting("scope[0].languages[0]", "fr_FR!"),
                        "terms.scope[0].languages[0]"),
                broken("calendar reference not shaped as a key", setting("scope[0].calendar", "Fr Business"),
                        "terms.scope[0].calendar"),
                broken("negative forecast volume", setting("scope[0].forecastMonthlyVolume", -5),
                        "terms.scope[0].forecastMonthlyVolume"),
                broken("in or out of scope not said", setting("scope[0].inScope", null), "terms.scope[0].inScope"),
                broken("objective category missing", setting("objectives[0].category", null),
                        "terms.objectives[0].category"),
                broken("blank objective statement", setting("objectives[0].statement", ""),
                        "terms.objectives[0].statement"),
                broken("objective naming an SLA by a non-key", setting("objectives[0].slas[0]", "Service Level"),
                        "terms.objectives[0].slas[0]"),
                broken("empty SLA key", setting("slas[1].key", ""), "terms.slas[1].key"),
                broken("blank SLA name", setting("slas[1].name", " "), "terms.slas[1].name"),
                broken("metric missing", setting("slas[1].metric", null), "terms.slas[1].metric"),
                broken("target missing", setting("slas[1].target", null), "terms.slas[1].target"),
                broken("target with eight integer digits", setting("slas[1].target", 12_345_678),
                        "terms.slas[1].target"),
                broken("warning with four decimals", setting("slas[1].warning", new BigDecimal("4.1234")),
                        "terms.slas[1].warning"),
                broken("threshold of 0 seconds", setting("slas[0].thresholdSeconds", 0),
                        "terms.slas[0].thresholdSeconds"),
                broken("period missing", setting("slas[1].period", null), "terms.slas[1].period"),
                broken("SLA calendar missing", setting("slas[1].calendar", null), "terms.slas[1].calendar"),
                broken("weight above 1", setting("slas[1].weight", new BigDecimal("1.5")), "terms.slas[1].weight"),
                broken("negative weight", setting("slas[1].weight", new BigDecimal("-0.1")), "terms.slas[1].weight"),
                broken("SLA scope reference not shaped as a key", setting("slas[1].scope[0]", "Billing Calls"),
                        "terms.slas[1].scope[0]"),
                broken("credit above 100% per breach", setting("slas[0].serviceCredit.percentOfFeePerBreach", 101),
                        "terms.slas[0].serviceCredit.percentOfFeePerBreach"),
                broken("credit cap missing", setting("slas[0].serviceCredit.capPercentPerPeriod", null),
                        "terms.slas[0].serviceCredit.capPercentPerPeriod"),
                broken("bonus stretch target missing", setting("slas[0].bonus.stretchTarget", null),
                        "terms.slas[0].bonus.stretchTarget"),
                broken("negative bonus", setting("slas[0].bonus.percentOfFee", -1), "terms.slas[0].bonus.percentOfFee"),
                broken("SLA list missing", setting("slas", null), "terms.slas"));
    }

    /** Wrong JSON types, unknown properties and unknown enum constants: refused while reading, by path. */
    static Stream<Arguments> unreadable() {
        return Stream.of(
                broken("warning as text", setting("slas[1].warning", "high"), "terms.slas[1].warning"),
                broken("target as text", setting("slas[1].target", "eighty"), "terms.slas[1].target"),
                broken("threshold as text", setting("slas[0].thresholdSeconds", "twenty"),
                        "terms.slas[0].thresholdSeconds"),
                broken("SLA name as a number", setting("slas[0].name", 42), "terms.slas[0].name"),
                broken("start date not a date", setting("term.startDate", "next year"), "terms.term.startDate"),
                broken("opening time not a time", setting("calendars[0].weeklyHours[0].opens", "8 o'clock"),
                        "terms.calendars[0].weeklyHours[0].opens"),
                broken("in scope as a word", setting("scope[0].inScope", "maybe"), "terms.scope[0].inScope"),
                broken("languages as one string", setting("scope[0].languages", "fr"), "terms.scope[0].languages"),
                broken("unknown SLA property", setting("slas[0].penalty", 5), "terms.slas[0].penalty"),
                broken("unknown metric", setting("slas[0].metric", "UPTIME"), "terms.slas[0].metric"),
                broken("unknown day", setting("calendars[0].weeklyHours[0].day", "MONDAYS"),
                        "terms.calendars[0].weeklyHours[0].day"),
                broken("enum as a number", setting("pricing.model", 1), "terms.pricing.model"));
    }
}
