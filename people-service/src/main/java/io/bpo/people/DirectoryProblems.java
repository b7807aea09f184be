package io.bpo.people;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.bpo.kit.problem.Problems;
import io.bpo.people.directory.DirectoryException;

/** Keycloak failing is the identity provider's trouble, not the caller's: 502, as problem+json. */
public class DirectoryProblems {

    @ServerExceptionMapper
    public Response directory(DirectoryException e, UriInfo uri) {
        return Problems.response(502, "identity-provider-failed", "Bad Gateway", e.getMessage(), uri.getPath(),
                java.util.List.of());
    }
}
