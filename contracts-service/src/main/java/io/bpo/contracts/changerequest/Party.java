package io.bpo.contracts.changerequest;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;

/** The two sides of a contract. A caller acts for the side its role belongs to. */
public enum Party {
    PROVIDER, CLIENT;

    /**
     * account-manager acts for the provider, client-manager for the client. A token holding both roles could approve
     * for both sides alone, which is exactly what two-party approval forbids, so it acts for neither.
     */
    static Party of(Caller caller) {
        boolean provider = caller.hasRole(Roles.ACCOUNT_MANAGER);
        boolean client = caller.hasRole(Roles.CLIENT_MANAGER);
        if (provider && client) {
            throw ApiException.forbidden("ambiguous-party", "Your token holds the roles of both parties ("
                    + Roles.ACCOUNT_MANAGER + " and " + Roles.CLIENT_MANAGER + "); change requests need one side");
        }
        if (provider) {
            return PROVIDER;
        }
        if (client) {
            return CLIENT;
        }
        throw ApiException.forbidden("role-forbidden", "Only " + Roles.ACCOUNT_MANAGER + " (provider side) and "
                + Roles.CLIENT_MANAGER + " (client side) act on change requests");
    }
}
