package io.bpo.people.registry;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contracts-service's clients registry. The provider administrator's own token is propagated
 * ({@code org.eclipse.microprofile.rest.client.propagateHeaders}): contracts checks the role itself.
 */
@RegisterRestClient(configKey = "contracts")
@RegisterClientHeaders
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RegistryApi {
    @POST
    RegistryEntry onboard(RegistryEntry entry);

    @GET
    @Path("/{clientId}")
    RegistryEntry get(@PathParam("clientId") String clientId);
}
