package io.bpo.reporting.contracts;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * contracts-service's read API for reporting. The caller's {@code Authorization} header is propagated
 * ({@code org.eclipse.microprofile.rest.client.propagateHeaders}), so contracts applies the caller's own roles and
 * tenants: reporting never reads terms its caller could not read.
 */
@RegisterRestClient(configKey = "contracts")
@RegisterClientHeaders
@Path("/api/v1/clients/{clientId}/contracts")
@Produces(MediaType.APPLICATION_JSON)
public interface ContractsApi {
    @GET
    ContractPage contracts(@PathParam("clientId") String clientId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/{contractId}/terms-in-force")
    TermsInForce termsInForce(@PathParam("clientId") String clientId, @PathParam("contractId") UUID contractId,
            @QueryParam("from") String from, @QueryParam("to") String to);
}
