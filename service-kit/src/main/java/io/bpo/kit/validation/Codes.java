package io.bpo.kit.validation;

import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** The ISO and IETF code lists the API speaks (brief section 5), checked against the JDK's tables. */
public final class Codes {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Codes() {
    }

    public static boolean isCountry(String value) {
        return COUNTRIES.contains(value);
    }

    public static boolean isCurrency(String value) {
        try {
            return value.length() == 3 && Currency.getInstance(value).getCurrencyCode().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean isLanguage(String value) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value).build();
            return LANGUAGES.contains(locale.getLanguage());
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
