package io.bpo.kit.tenancy;

import java.util.regex.Pattern;

/** Client ids are slugs chosen at onboarding; they are the tenant ids of every tenant-owned row. */
public final class ClientIds {
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private ClientIds() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }
}
