package io.bpo.gateway.accesslog;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.bpo.gateway.problem.ClientForbiddenException;
import io.bpo.gateway.problem.InvalidParametersException;
import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.Problem.InvalidParam;
import io.bpo.gateway.request.Exchange;
import io.bpo.gateway.routing.RouteResolver;
import io.bpo.gateway.security.Caller;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.annotation.Blocking;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * The confidentiality log, for auditors. Authentication, the auditor role and the rate limit are enforced by
 * the gateway's /api/v1 handler before this resource runs; {@link RolesAllowed} repeats the role check.
 * <p>
 * <b>Scope.</b> An auditor whose token carries a non-empty {@code tenants} claim is scoped to those clients: every
 * read is restricted to their entries and chains (not even the '-' chain of client-less entries), and naming
 * another client answers 403 tenant-forbidden. An auditor without tenants is platform-wide and sees everything
 * (decision record 0015).
 */
@Path("/api/v1/audit/access-log")
@Tag(name = "Audit", description = "Confidentiality (access) log of every request to /api/v1")
public class AccessLogResource {

    private static final Logger LOG = Logger.getLogger(AccessLogResource.class);

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    private static final int DEFAULT_MIN_DENIALS = 3;

    private final AccessLogService accessLog;
    private final AccessLogExporter exporter;
    private final CheckpointService checkpoints;
    private final CheckpointSigner signer;
    private final CurrentVertxRequest currentRequest;

    AccessLogResource(AccessLogService accessLog, AccessLogExporter exporter, CheckpointService checkpoints,
            CheckpointSigner signer, CurrentVertxRequest currentRequest) {
        this.accessLog = accessLog;
        this.exporter = exporter;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.currentRequest = currentRequest;
    }

    /** The checkpoint keys: the current one at the top level (as before rotations existed), all of them in keys. */
    @Schema(name = "AccessLogPublicKey", description = "Public keys that verify the access log's checkpoints: the "
            + "current signing key in keyId, algorithm, publicKey; every key a checkpoint may name (current and "
            + "retired) in keys")
    public record PublicKeyInfo(
            @Schema(description = "Id of the current signing key", example = "gw-2026-07") String keyId,
            @Schema(example = "Ed25519") String algorithm,
            @Schema(description = "The current key, X.509 SubjectPublicKeyInfo, base64",
                    example = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=") String publicKey,
            @Schema(description = "The current key first, then the retired ones; pick a checkpoint's key by its keyId")
            List<KeyInfo> keys) {
    }

    /** One checkpoint key. */
    @Schema(name = "AccessLogKey", description = "One checkpoint key's public half")
    public record KeyInfo(
            @Schema(example = "gw-2026-01") String keyId,
            @Schema(example = "Ed25519") String algorithm,
            @Schema(description = "X.509 SubjectPublicKeyInfo, base64",
                    example = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=") String publicKey,
            @Schema(description = "current: signs new checkpoints; retired: only verifies earlier ones",
                    enumeration = { "current", "retired" }) String status) {
    }

    @GET
    @Path("public-key")
    @Blocking
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify checkpoint signatures",
            description = "Ed25519; a checkpoint signs bpo-access-log-checkpoint-v1\\n<chainKey>\\n<chainSeq>\\n"
                    + "<hash>\\n<signedAt>\\n (UTF-8) with the key its keyId names. keyId/publicKey: the current "
                    + "key; keys: the current and every retired key (after a rotation, earlier checkpoints name a "
                    + "retired one). Pin them out of band.")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicKeyInfo.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicKeyInfo publicKey() {
        List<KeyInfo> keys = signer.keys().stream()
                .map(k -> new KeyInfo(k.keyId(), k.algorithm(), k.publicKey(), k.status())).toList();
        return new PublicKeyInfo(signer.keyId(), CheckpointSigner.ALGORITHM, signer.publicKeyBase64(), keys);
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
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role, or clientId "
            + "is outside the auditor's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Checkpoint> checkpoints(
            @Parameter(description = "Only this client's chain ('-' for the entries without a client); all chains "
                    + "when absent") @QueryParam("clientId") String clientId)
            throws SQLException {
        return checkpoints.list(chains(chainParam(clientId)));
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
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role, or clientId "
            + "is outside the auditor's scope",
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
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Only entries for this path and the paths under it",
                    example = "/api/v1/clients/acme/contracts/5d0f2c1e-8c4b-4d7e-9a51-2f6b3e9d0c11")
            @QueryParam("resource") String resource,
            @Parameter(description = "Only entries with this route template",
                    example = "/api/v1/clients/{clientId}/contracts/{contractId}")
            @QueryParam("pathTemplate") String pathTemplate)
            throws SQLException {
        AccessLogQuery query = scoped(AccessLogQuery.parse(clientId, subject, outcome, from, to, limit, cursor,
                resource, pathTemplate));
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
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role, or clientId "
            + "is outside the auditor's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public VerifyReport verify(
            @Parameter(description = "Only this client's chain ('-' for the entries without a client); all chains "
                    + "when absent") @QueryParam("clientId") String clientId)
            throws SQLException {
        String chain = chainParam(clientId);
        VerifyReport report = accessLog.verify(chains(chain));
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

    @GET
    @Path("export")
    @Blocking
    @RolesAllowed("auditor")
    @Produces({ NDJSON, CSV })
    @Operation(summary = "Export access-log entries as NDJSON or CSV, streamed",
            description = "Every entry matching the filters (combined with AND), oldest first, with its chain "
                    + "columns (chain, chainSeq, prevHash, hash, hashVersion). Streamed from a database cursor: "
                    + "any range, constant memory. format=ndjson (default): one JSON object per line; format=csv: "
                    + "RFC 4180 with a header row. A complete export ends with a trailer written after the last "
                    + "entry: NDJSON {\"export\":\"complete\",\"format\":\"ndjson\",\"entries\":N,\"lastId\":..,"
                    + "\"lastRequestId\":..}; CSV a last record #export-complete,entries=N,lastId=..,lastRequestId=.. "
                    + "padded with empty cells. A failure once the 200 is sent resets the connection (the body never "
                    + "ends cleanly). Consumers must check the trailer and its count: no trailer = incomplete. To "
                    + "verify offline, use the bundle instead. This read is itself recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The entries, then the trailer",
            content = { @Content(mediaType = NDJSON, schema = @Schema(implementation = AccessLogEntry.class),
                    example = "{\"id\":\"0b6f6e0e-4d1c-4f5e-9a57-3c1f1f4c2f10\",\"requestId\":\"r-1\",...}\n"
                            + "{\"export\":\"complete\",\"format\":\"ndjson\",\"entries\":1,"
                            + "\"lastId\":\"0b6f6e0e-4d1c-4f5e-9a57-3c1f1f4c2f10\",\"lastRequestId\":\"r-1\"}\n"),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                            example = "id,occurredAt,requestId,...\r\n0b6f6e0e-...,2026-01-02T03:04:05.123456Z,r-1,..."
                                    + "\r\n#export-complete,entries=1,lastId=0b6f6e0e-...,lastRequestId=r-1,,,...\r\n")
            })
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors names each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role, or clientId is outside "
            + "the auditor's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "ndjson (default) or csv",
                    schema = @Schema(enumeration = { "ndjson", "csv" })) @QueryParam("format") String format,
            @Parameter(description = "Only entries for this client id") @QueryParam("clientId") String clientId,
            @Parameter(description = "Only entries of this token subject") @QueryParam("subject") String subject,
            @Parameter(description = "Only entries with this outcome",
                    schema = @Schema(implementation = AccessOutcome.class)) @QueryParam("outcome") String outcome,
            @Parameter(description = "Entries at or after this instant (ISO-8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Entries before this instant (ISO-8601 with offset)",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Only entries for this path and the paths under it")
            @QueryParam("resource") String resource,
            @Parameter(description = "Only entries with this route template")
            @QueryParam("pathTemplate") String pathTemplate) {
        String kind = format == null || format.isBlank() ? "ndjson" : format.trim();
        if (!kind.equals("ndjson") && !kind.equals("csv")) {
            throw new InvalidParametersException(List.of(new InvalidParam("format", "must be ndjson or csv")));
        }
        AccessLogQuery query = scoped(AccessLogQuery.parse(clientId, subject, outcome, from, to, null, null,
                resource, pathTemplate));
        note("access-log export " + kind + ", " + query.describeFilters());
        boolean csv = kind.equals("csv");
        RoutingContext ctx = currentRequest.getCurrent();
        StreamingOutput body = out -> streamed(ctx, "export " + kind,
                () -> csv ? exporter.csv(query, out) : exporter.ndjson(query, out));
        return Response.ok(body, csv ? CSV + "; charset=utf-8" : NDJSON)
                .header("Content-Disposition", "attachment; filename=\"access-log." + kind + "\"")
                .build();
    }

    @GET
    @Path("bundle")
    @Blocking
    @RolesAllowed("auditor")
    @Produces(NDJSON)
    @Operation(summary = "Export a bundle that verifies offline",
            description = "NDJSON. Line 1 (kind bundle): format bpo-access-log-bundle-v1, the filters and the "
                    + "checkpoint public key (algorithm, keyId, publicKey). Then, per client chain, every entry "
                    + "(kind entry) from the first to the last chain_seq that occurred in [from, to), with nothing "
                    + "left out in between, and the chain's signed checkpoints in that run (kind checkpoint). Last "
                    + "line (kind end): counts. Check it with `java tools/VerifyAccessLog.java <bundle>` "
                    + "(JDK only; docs/operations.md). Streamed. This read is itself recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The bundle",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors names each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role, or clientId is outside "
            + "the auditor's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response bundle(
            @Parameter(description = "Only this client's chain ('-' for the entries without a client); every "
                    + "chain in scope when absent") @QueryParam("clientId") String clientId,
            @Parameter(description = "Chains' entries from the first one at or after this instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Chains' entries up to the last one before this instant",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to) {
        String chain = chainParam(clientId);
        AccessLogQuery range = AccessLogQuery.parse(null, null, null, from, to, null, null);
        List<String> chains = chains(chain);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("chains", chains == null ? "all" : String.join(",", chains));
        if (range.from() != null) {
            filters.put("from", range.from());
        }
        if (range.to() != null) {
            filters.put("to", range.to());
        }
        note("access-log bundle, " + filters);
        RoutingContext ctx = currentRequest.getCurrent();
        StreamingOutput body = out -> streamed(ctx, "bundle",
                () -> exporter.bundle(chains, range.from(), range.to(), filters, out));
        return Response.ok(body, NDJSON)
                .header("Content-Disposition", "attachment; filename=\"access-log-bundle.ndjson\"")
                .build();
    }

    @GET
    @Path("cross-tenant-denials")
    @Blocking
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subjects repeatedly refused for clients outside their tenants",
            description = "Per subject with at least minDenials DENIED_TENANT entries in [from, to): the count, the "
                    + "first and last denial and the clients it tried; most denials first, at most 500. Default "
                    + "window: the last 24 hours. A scoped auditor sees the attempts at its clients only. This "
                    + "read is itself recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The subjects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CrossTenantDenials.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; errors names each one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No, an invalid or an expired bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller lacks the auditor role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CrossTenantDenials> crossTenantDenials(
            @Parameter(description = "Window start (ISO-8601 with offset); default 24 hours before 'to'",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Window end, exclusive (ISO-8601 with offset); default now",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Least number of denials to report a subject, 1 to 1000",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "3", minimum = "1", maximum = "1000"))
            @QueryParam("minDenials") String minDenials)
            throws SQLException {
        List<InvalidParam> invalid = new ArrayList<>();
        int min = DEFAULT_MIN_DENIALS;
        if (minDenials != null && !minDenials.isBlank()) {
            String text = minDenials.trim();
            if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 1000) {
                invalid.add(new InvalidParam("minDenials", "must be an integer from 1 to 1000"));
            } else {
                min = Integer.parseInt(text);
            }
        }
        AccessLogQuery window;
        try {
            window = AccessLogQuery.parse(null, null, null, from, to, null, null);
        } catch (InvalidParametersException e) {
            invalid.addAll(e.params());
            window = null;
        }
        if (!invalid.isEmpty()) {
            throw new InvalidParametersException(invalid);
        }
        Instant end = window.to() != null ? window.to() : Instant.now();
        Instant start = window.from() != null ? window.from() : end.minus(Duration.ofHours(24));
        if (!start.isBefore(end)) {
            throw new InvalidParametersException(List.of(new InvalidParam("from", "must be before 'to'")));
        }
        List<CrossTenantDenials> result = accessLog.crossTenantDenials(start, end, min, scope());
        note("access-log cross-tenant denials, from=" + start + " to=" + end + " minDenials=" + min + ", "
                + result.size() + " subjects");
        return result;
    }

    /** One streamed export. */
    @FunctionalInterface
    private interface Export {
        AccessLogExporter.Written write() throws SQLException, IOException;
    }

    /**
     * Writes an export. The 200 head may be gone when a failure (database, gateway stopping) interrupts it, so a
     * failure closes the connection without the chunked body's last chunk: the consumer's HTTP client reports an
     * error instead of a shorter file that looks whole. A complete export ends with its trailer line, which a cut
     * one never has (decision record 0020).
     */
    private static void streamed(RoutingContext ctx, String what, Export export) throws IOException {
        try {
            AccessLogExporter.Written written = export.write();
            LOG.debugf("access-log %s: %d entries, %d checkpoints", what, written.entries(), written.checkpoints());
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.errorf(e, "access-log %s failed mid-stream: the connection is reset, the body left unterminated",
                    what);
            if (ctx != null) {
                reset(ctx);
            }
            throw new IOException("access-log " + what + " failed", e);
        }
    }

    /**
     * Aborts the connection with a TCP reset (SO_LINGER 0): bytes not yet sent are dropped and the last chunk is
     * never written. Vert.x's HttpServerResponse.reset() on HTTP/1.1 closes only after pending writes, which proved
     * unreliable from a worker thread while Quarkus REST handles the failure.
     */
    private static void reset(RoutingContext ctx) {
        if (ctx.request().connection() instanceof ConnectionBase connection) {
            Channel channel = connection.channel();
            channel.eventLoop().execute(() -> {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
            });
        } else if (!ctx.response().ended()) {
            ctx.response().reset();
        }
    }

    /** The caller's clients when it is a scoped auditor (sorted), null when it is platform-wide. */
    private List<String> scope() {
        Exchange exchange = Exchange.of(currentRequest.getCurrent());
        Caller caller = exchange == null ? null : exchange.caller();
        if (caller == null) {
            // the gateway's handler always sets the caller before this resource runs: refuse rather than widen
            throw new ClientForbiddenException("*");
        }
        return caller.tenants().isEmpty() ? null : List.copyOf(new TreeSet<>(caller.tenants()));
    }

    /** The query within the caller's scope; a clientId outside it is refused (403). */
    private AccessLogQuery scoped(AccessLogQuery query) {
        List<String> scope = scope();
        if (scope == null) {
            return query;
        }
        if (query.clientId() != null && !scope.contains(query.clientId())) {
            throw refused(query.clientId());
        }
        return query.scopedTo(scope);
    }

    /** The chains to read: the one asked for (if in scope), else every chain in scope (null: all chains). */
    private List<String> chains(String chain) {
        List<String> scope = scope();
        if (chain != null) {
            if (scope != null && !scope.contains(chain)) {
                throw refused(chain);
            }
            return List.of(chain);
        }
        return scope;
    }

    private ClientForbiddenException refused(String clientId) {
        Exchange exchange = Exchange.of(currentRequest.getCurrent());
        if (exchange != null) {
            exchange.outcome(AccessOutcome.DENIED_TENANT);
            exchange.note("client " + clientId + " outside the auditor's scope");
        }
        return new ClientForbiddenException(clientId);
    }

    private void note(String text) {
        Exchange exchange = Exchange.of(currentRequest.getCurrent());
        if (exchange != null) {
            exchange.note(text);
        }
        LOG.debug(text);
    }
}
