package io.bpo.knowledge.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Tags are lowercase slugs, so that "Billing" and "billing" never become two tags and filters match exactly. */
public final class Tags {
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,49}";
    public static final String RULE = "must be 1-50 lowercase letters, digits or '-', starting with a letter or digit";
    public static final int MAX = 20;
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Tags() {
    }

    public static boolean isValid(String tag) {
        return tag != null && VALID.matcher(tag).matches();
    }

    /** Absent means none; a repeated tag is kept once, in first-seen order. */
    static List<String> normalise(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags));
    }
}
