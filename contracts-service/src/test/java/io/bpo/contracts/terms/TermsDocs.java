package io.bpo.contracts.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complete, valid terms document as the API takes it (a French-speaking contact-centre contract), built fresh and
 * mutable on every call so a test can break exactly one field by its JSON path ({@code slas[1].warning}).
 *
 * <p>Keys: calendar {@code fr-business}; scope {@code billing-calls} (in scope), {@code claims-email} (out of scope);
 * objective {@code customer-satisfaction} measured by {@code service-level-20s} and {@code csat}; SLAs
 * {@code slas[0]} service-level-20s (SERVICE_LEVEL, GTE 80, warning 82, 20 s, credit 2.5/10, bonus 85/1/3),
 * {@code slas[1]} abandonment (ABANDONMENT_RATE, LTE 5, warning 4, credit 1/5), {@code slas[2]} csat (CSAT, GTE 4.2,
 * warning 4.3); weights 0.4 + 0.3 + 0.3 = 1.
 */
public final class TermsDocs {
    public static final LocalDate START = LocalDate.parse("2026-01-01");
    public static final LocalDate END = LocalDate.parse("2027-12-31");

    private TermsDocs() {
    }

    /** The terms of a contract running 2026-01-01 to 2027-12-31 with 90 days' notice. */
    public static Map<String, Object> terms() {
        return terms(START, END, 90);
    }

    public static Map<String, Object> terms(LocalDate start, LocalDate end, int noticePeriodDays) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("term", map("startDate", start.toString(), "endDate", end.toString(),
                "noticePeriodDays", noticePeriodDays, "renewal", "TACIT", "renewalPeriodMonths", 12));
        terms.put("pricing", map("model", "PER_TRANSACTION", "monthlyFee", new BigDecimal("85000.00"),
                "unitPrice", new BigDecimal("1.35"), "annualBudgetCap", new BigDecimal("1200000.00")));
        terms.put("governance", list(map("level", "STEERING", "cadence", "QUARTERLY",
                "providerMembers", list("Carol Martin", "Delivery director"),
                "clientMembers", list("Alice Dupont", "Head of customer care"))));
        terms.put("calendars", list(map("key", "fr-business", "timeZone", "Europe/Paris",
                "weeklyHours", list(
                        map("day", "MONDAY", "opens", "08:00", "closes", "20:00"),
                        map("day", "TUESDAY", "opens", "08:00", "closes", "20:00"),
                        map("day", "SATURDAY", "opens", "09:00", "closes", "13:30")),
                "holidays", list("2026-05-01", "2026-07-14"))));
        terms.put("scope", list(
                map("key", "billing-calls", "process", "Billing enquiries by phone",
                        "description", "Invoices, payment plans and refunds", "channel", "PHONE",
                        "languages", list("fr", "ar"), "calendar", "fr-business", "forecastMonthlyVolume", 12000,
                        "inScope", true),
                map("key", "claims-email", "process", "Claims by email", "channel", "EMAIL",
                        "languages", list("fr", "en-GB"), "inScope", false)));
        terms.put("objectives", list(map("key", "customer-satisfaction", "category", "SATISFACTION",
                "statement", "Keep customers satisfied while costs fall",
                "slas", list("service-level-20s", "csat"))));
        terms.put("slas", list(
                map("key", "service-level-20s", "name", "80% of calls answered in 20 s", "metric", "SERVICE_LEVEL",
                        "comparator", "GTE", "target", 80, "warning", 82, "thresholdSeconds", 20,
                        "period", "MONTH", "calendar", "fr-business", "weight", new BigDecimal("0.4"),
                        "scope", list("billing-calls"),
                        "serviceCredit", map("percentOfFeePerBreach", new BigDecimal("2.5"), "capPercentPerPeriod", 10),
                        "bonus", map("stretchTarget", 85, "percentOfFee", 1, "capPercentPerPeriod", 3)),
                map("key", "abandonment", "name", "At most 5% abandoned", "metric", "ABANDONMENT_RATE",
                        "target", 5, "warning", 4, "period", "MONTH", "calendar", "fr-business",
                        "weight", new BigDecimal("0.3"), "scope", list("billing-calls"),
                        "serviceCredit", map("percentOfFeePerBreach", 1, "capPercentPerPeriod", 5)),
                map("key", "csat", "name", "CSAT at least 4.2", "metric", "CSAT", "target", new BigDecimal("4.2"),
                        "warning", new BigDecimal("4.3"), "period", "MONTH", "calendar", "fr-business",
                        "weight", new BigDecimal("0.3"), "scope", list("billing-calls", "claims-email"))));
        return terms;
    }

    /** A contract creation body carrying complete terms (the contract's dates then come from the terms). */
    public static Map<String, Object> contractWithTerms(String reference, Map<String, Object> terms) {
        Map<String, Object> body = new HashMap<>(io.bpo.contracts.Api.contract(reference));
        body.put("terms", terms);
        return body;
    }

    /** A PUT .../terms body: the document of GET .../terms reduced to what a PUT reads. */
    public static Map<String, Object> document(Map<String, Object> terms) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("terms", terms);
        return document;
    }

    /** Sets the value at a JSON path such as {@code slas[1].warning} or {@code scope[0].languages[1]}. */
    public static Map<String, Object> set(Map<String, Object> doc, String path, Object value) {
        String[] steps = path.split("\\.");
        Object at = doc;
        for (int i = 0; i < steps.length; i++) {
            Step step = Step.of(steps[i]);
            boolean last = i == steps.length - 1;
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) at;
            if (step.index == null) {
                if (last) {
                    object.put(step.name, value);
                    return doc;
                }
                at = object.get(step.name);
            } else {
                @SuppressWarnings("unchecked")
                List<Object> array = (List<Object>) object.get(step.name);
                if (last) {
                    if (step.index == array.size()) {
                        array.add(value);
                    } else {
                        array.set(step.index, value);
                    }
                    return doc;
                }
                at = array.get(step.index);
            }
            if (at == null) {
                throw new IllegalArgumentException("Nothing at " + steps[i] + " of " + path);
            }
        }
        return doc;
    }

    /** Removes the property at a JSON path (the last step must name a property). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> remove(Map<String, Object> doc, String path) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? doc : get(doc, path.substring(0, dot));
        ((Map<String, Object>) parent).remove(path.substring(dot + 1));
        return doc;
    }

    @SuppressWarnings("unchecked")
    public static Object get(Map<String, Object> doc, String path) {
        Object at = doc;
        for (String raw : path.split("\\.")) {
            Step step = Step.of(raw);
            at = ((Map<String, Object>) at).get(step.name);
            if (step.index != null) {
                at = ((List<Object>) at).get(step.index);
            }
        }
        return at;
    }

    /** A deep, mutable copy of part of a document (to duplicate a list element, say). */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private record Step(String name, Integer index) {
        private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");

        static Step of(String raw) {
            Matcher m = INDEXED.matcher(raw);
            return m.matches() ? new Step(m.group(1), Integer.valueOf(m.group(2))) : new Step(raw, null);
        }
    }
}
