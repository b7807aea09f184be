package io.bpo.portal.web;

import io.quarkus.qute.TemplateExtension;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, numbers and money in the page's language: {@code {line.totalCredit.asMoney(line.currency)}},
 * {@code {cr.createdAt.asDateTime}}. Values come from JSON: ISO-8601 strings and numbers.
 */
@TemplateExtension
public class Formats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Formats() {
    }

    static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Locale.ENGLISH;
    }

    /** An ISO date (2026-03-31) or instant, as a date in the page's language. */
    public static String asDate(Object iso, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (iso == null) {
            return "";
        }
        String text = iso.toString();
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale));
        try {
            return text.length() <= 10 ? LocalDate.parse(text).format(format)
                    : Instant.parse(text).atZone(ZoneOffset.UTC).toLocalDate().format(format);
        } catch (DateTimeParseException notADate) {
            return text;
        }
    }

    /** An ISO instant as date and time (UTC) in the page's language. */
    public static String asDateTime(Object iso, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (iso == null) {
            return "";
        }
        try {
            return Instant.parse(iso.toString()).atZone(ZoneOffset.UTC).format(
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(locale(locale))) + " UTC";
        } catch (DateTimeParseException notAnInstant) {
            return iso.toString();
        }
    }

    /** A month (2026-03) as "March 2026" / "mars 2026". */
    public static String asMonth(Object yearMonth, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (yearMonth == null) {
            return "";
        }
        try {
            YearMonth month = YearMonth.parse(yearMonth.toString());
            return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale(locale)) + " " + month.getYear();
        } catch (DateTimeParseException notAMonth) {
            return yearMonth.toString();
        }
    }

    /** An amount in its ISO-4217 currency, written the page language's way (4 410,00 € / €4,410.00). */
    public static String asMoney(Object amount, Object currency,
            @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(locale));
        try {
            format.setCurrency(Currency.getInstance(String.valueOf(currency)));
        } catch (IllegalArgumentException unknownCurrency) {
            return asNumber(amount, locale) + " " + currency;
        }
        return format.format(decimal(amount));
    }

    public static String asNumber(Object value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale(locale));
        format.setMaximumFractionDigits(2);
        return format.format(decimal(value));
    }

    /** A ratio (0.85) as a percentage (85 %). */
    public static String asPercent(Object ratio, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (ratio == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale(locale));
        format.setMaximumFractionDigits(1);
        return format.format(decimal(ratio));
    }

    /** A value for a URL's query string. */
    public static String asUrlParam(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    /** A JSON document (maps and lists) written out indented, for reading. */
    public static String asJson(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
