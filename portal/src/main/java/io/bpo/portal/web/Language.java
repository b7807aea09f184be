package io.bpo.portal.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * The page's language: the one the user chose with the switch (cookie {@value #COOKIE}), else the browser's first
 * supported one (Accept-Language), else English.
 */
@RequestScoped
public class Language {
    public static final String COOKIE = "bpo-lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    @Inject
    HttpServerRequest request;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            locale = resolve(cookieValue(), request.getHeader("Accept-Language"));
        }
        return locale;
    }

    private String cookieValue() {
        var cookie = request.getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    static Locale resolve(String chosen, String acceptLanguage) {
        Locale fromCookie = supported(chosen);
        if (fromCookie != null) {
            return fromCookie;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    Locale match = supported(range.getRange());
                    if (match != null) {
                        return match;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return Locale.ENGLISH; // a malformed header is the browser's problem, not a reason to fail the page
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported locale for a tag such as "fr", "fr-CA" or "en-GB"; null when none. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.equals("*")) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
