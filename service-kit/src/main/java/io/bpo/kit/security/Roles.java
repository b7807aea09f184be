package io.bpo.kit.security;

/** Realm roles of brief section 2. The names are the token's, so they are constants, not configuration. */
public final class Roles {
    public static final String CLIENT_MANAGER = "client-manager";
    public static final String CLIENT_VIEWER = "client-viewer";
    public static final String ACCOUNT_MANAGER = "account-manager";
    public static final String AGENT = "agent";
    public static final String AUDITOR = "auditor";
    public static final String PROVIDER_ADMIN = "provider-admin";
    public static final String REPORTING_INGEST = "reporting-ingest";

    private Roles() {
    }
}
