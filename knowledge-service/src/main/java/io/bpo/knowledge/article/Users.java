package io.bpo.knowledge.article;

import java.util.LinkedHashSet;
import java.util.List;

/** User names and role names as the access token carries them (preferred_username, realm roles). */
public final class Users {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}";
    public static final String RULE = "must be a user or role name: 1-100 letters, digits, '.', '_', '@' or '-'";

    private Users() {
    }

    /** Absent means none; a repeated name is kept once, in first-seen order. */
    static List<String> normalise(List<String> names) {
        return names == null ? List.of() : List.copyOf(new LinkedHashSet<>(names));
    }
}
