package io.bpo.gateway.accesslog;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.bpo.gateway.problem.InvalidParametersException;
import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.Problem.InvalidParam;
import io.bpo.gateway.request.Exchange;
import io.bpo.gateway.routing.RouteResolver;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.annotation.Blocking;

/**
 * The confidentiality log, for auditors. Authentication, the auditor role and the rate limit are enforced by
 * the gateway's /api/v1 handler before this resource runs; {@link RolesAllowed} repeats the role check.
 */
@Path("/api/v1/audit/access-log")
@Tag(name = "Audit", description = "Confidentiality (access) log of every request to /api/v1")
public class AccessLogResource {

    private static final Logger LOG = Logger.getLogger(AccessLogResource.class);

    private final AccessLogService accessLog;
    private final CheckpointService checkpoints;
    private final CheckpointSigner signer;
    private final CurrentVertxRequest currentRequest;

    AccessLogResource(AccessLogService accessLog, CheckpointService checkpoints, CheckpointSigner signer,
            CurrentVertxRequest currentRequest) {
        this.accessLog = accessLog;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.currentRequest = currentRequest;
    }

    /** The checkpoint key's public half. */
    @Schema(name = "AccessLogPublicKey", description = "Public key that verifies the access log's checkpoints")
    public record PublicKeyInfo(String keyId, String algorithm,
            @Schema(description = "X.509 SubjectPublicKeyInfo, base64") String publicKey) {
    }

    @GET
    @Path("public-key")
    @Blocking
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public key that verifies checkpoint signatures",
            description = "Ed25519; a checkpoint signs bpo-access-log-checkpoint-v1\\n<chainKey>\\n<chainSeq>\\n"
                    + "<hash>\\n<signedAt>\\n (UTF-8).")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicKeyInfo.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicKeyInfo publicKey() {
        return new PublicKeyInfo(signer.keyId(), CheckpointSigner.ALGORITHM, signer.publicKeyBase64());
    }

    @GET
    @Path("checkpoints")
    @Blocking
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the signed checkpoints of the hash chains",
            description = "In chain key then chain_seq order. This read is itself recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The checkpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Checkpoint.class)))
    @APIResponse(responseCode = "400", description = "clientId is not a client id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Checkpoint> checkpoints(
            @Parameter(description = "Only this client's chain ('-' for the entries without a client); all chains "
                    + "when absent") @QueryParam("clientId") String clientId)
            throws SQLException {
        return checkpoints.list(chainParam(clientId));
    }

    private static String chainParam(String clientId) {
        String chain = clientId == null || clientId.isBlank() ? null : clientId;
        if (chain != null && !chain.equals(ChainHash.NO_CLIENT_CHAIN) && !RouteResolver.isClientId(chain)) {
            throw new InvalidParametersException(List.of(new InvalidParam("clientId",
                    "must be a client id (lower-case letters, digits and '-', 2 to 63) or '-'")));
        }
        return chain;
    }

    @GET
    @Blocking
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List access-log entries, newest first",
            description = "Keyset-paginated: pass the previous page's nextCursor as cursor. Filters combine with AND. "
                    + "This read is itself recorded in the access log.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AccessLogPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors names each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccessLogPage list(
            @Parameter(description = "Only entries for this client id") @QueryParam("clientId") String clientId,
            @Parameter(description = "Only entries of this token subject") @QueryParam("subject") String subject,
            @Parameter(description = "Only entries with this outcome",
                    schema = @Schema(implementation = AccessOutcome.class)) @QueryParam("outcome") String outcome,
            @Parameter(description = "Entries at or after this instant (ISO-8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Entries before this instant (ISO-8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 500",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor)
            throws SQLException {
        AccessLogQuery query = AccessLogQuery.parse(clientId, subject, outcome, from, to, limit, cursor);
        AccessLogPage page = accessLog.page(query);
        Exchange exchange = Exchange.of(currentRequest.getCurrent());
        if (exchange != null) {
            exchange.note("access-log read, " + query.describe() + ", " + page.items().size() + " entries");
        }
        LOG.debugf("access-log read: %s, %d entries", query.describe(), page.items().size());
        return page;
    }

    @GET
    @Path("verify")
    @Blocking
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the access log's hash chains",
            description = "Recomputes every chain (one per client, '-' for entries without a client) in chain_seq "
                    + "order and reports, per chain, the first entry whose sequence number, previous hash or hash "
                    + "does not match, and checks the chain's signed checkpoints (checkpoints, checkpointFailure). "
                    + "Entries written before the chains existed are counted as unchained. "
                    + "This read is itself recorded in the access log.")
    @APIResponse(responseCode = "200", description = "One report per chain",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerifyReport.class)))
    @APIResponse(responseCode = "400", description = "clientId is not a client id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerifyReport verify(
            @Parameter(description = "Only this client's chain ('-' for the entries without a client); all chains "
                    + "when absent") @QueryParam("clientId") String clientId)
            throws SQLException {
        String chain = clientId == null || clientId.isBlank() ? null : clientId;
        if (chain != null && !chain.equals(ChainHash.NO_CLIENT_CHAIN) && !RouteResolver.isClientId(chain)) {
            throw new InvalidParametersException(List.of(new InvalidParam("clientId",
                    "must be a client id (lower-case letters, digits and '-', 2 to 63) or '-'")));
        }
        VerifyReport report = accessLog.verify(chain);
        long broken = report.chains().stream().filter(c -> !c.valid()).count();
        String described = "access-log verify, " + (chain == null ? "all chains" : "chain " + chain) + ", "
                + report.chains().size() + " chains, " + broken + " broken, " + report.unchained() + " unchained";
        Exchange exchange = Exchange.of(currentRequest.getCurrent());
        if (exchange != null) {
            exchange.note(described);
        }
        LOG.debug(described);
        return report;
    }
}
