package io.bpo.knowledge.article;

import java.util.Locale;

/** One spelling per language tag ("en-gb" is stored and matched as "en-GB"), so filters do not depend on case. */
final class Languages {
    private Languages() {
    }

    /** The canonical form of a tag that {@code @LanguageTag} (or {@code Codes.isLanguage}) accepted. */
    static String canonical(String tag) {
        return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
    }
}
