package io.bpo.gateway.routing;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.bpo.gateway.accesslog.AccessLogWriter;
import io.bpo.gateway.accesslog.AccessOutcome;
import io.bpo.gateway.config.SecurityConfig;
import io.bpo.gateway.problem.Problem;
import io.bpo.gateway.problem.ProblemResponses;
import io.bpo.gateway.problem.ProblemType;
import io.bpo.gateway.ratelimit.RateLimiter;
import io.bpo.gateway.request.Exchange;
import io.bpo.core.http.RequestIds;
import io.bpo.gateway.security.BearerAuthentication;
import io.bpo.gateway.security.Caller;
import io.bpo.gateway.security.RevocationView;
import io.bpo.gateway.security.TenantDecision;
import io.bpo.gateway.security.TenantPolicy;
import io.bpo.gateway.security.TokenRefusal;
import io.bpo.gateway.security.TokenRefusals;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The single entry for every request under /api/v1: request id, authentication, rate limit, route, tenant
 * check, then either the proxy or (for the access-log API) Quarkus REST. Every refusal is answered here, as
 * problem+json, after its access-log entry is committed.
 */
@ApplicationScoped
public class ApiGateway {

    public static final String AUDITOR_ROLE = "auditor";
    public static final String GATEWAY_SERVICE = "gateway";
    /** Before Quarkus REST (default order), after Quarkus' authentication filter. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private static final Logger LOG = Logger.getLogger(ApiGateway.class);

    private final TokenRefusals refusals;
    private final BearerAuthentication authentication;
    private final SecurityConfig securityConfig;
    private final TenantPolicy tenantPolicy;
    private final RateLimiter rateLimiter;
    private final UpstreamProxy proxy;
    private final LoggedReplies replies;
    private final ProblemResponses problems;
    private final AccessLogWriter accessLog;
    private final RevocationView revocations;

    ApiGateway(BearerAuthentication authentication, SecurityConfig securityConfig, TenantPolicy tenantPolicy,
            RateLimiter rateLimiter, UpstreamProxy proxy, LoggedReplies replies, ProblemResponses problems,
            AccessLogWriter accessLog, TokenRefusals refusals, RevocationView revocations) {
        this.accessLog = accessLog;
        this.refusals = refusals;
        this.revocations = revocations;
        this.authentication = authentication;
        this.securityConfig = securityConfig;
        this.tenantPolicy = tenantPolicy;
        this.rateLimiter = rateLimiter;
        this.proxy = proxy;
        this.replies = replies;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route("/api/v1/*").order(ORDER).handler(this::handle).failureHandler(this::failed);
    }

    void handle(RoutingContext ctx) {
        // nothing may be read from the body until the request is authorized and its destination known
        ctx.request().pause();
        Exchange exchange = Exchange.begin(ctx, RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER)));
        MDC.put(RequestIds.MDC_KEY, exchange.requestId());
        accessLog.expect(exchange, ctx);
        ctx.response().putHeader(RequestIds.HEADER, exchange.requestId());
        // resolved before authentication so that even an anonymous attempt is logged against its client
        ApiRoute route = RouteResolver.resolve(exchange.path());
        if (route instanceof ApiRoute.Proxy target) {
            exchange.service(target.service().segment());
            exchange.clientId(target.clientId());
        } else if (route instanceof ApiRoute.AccessLog) {
            exchange.service(GATEWAY_SERVICE);
        }

        SecurityIdentity known = authentication.known(ctx);
        if (known != null) {
            // a token verified before: no reactive chain, no hop back to this context
            guarded(ctx, exchange, () -> authenticated(ctx, exchange, route, known));
            return;
        }
        Context context = Vertx.currentContext();
        authentication.authenticate(ctx)
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .subscribe().with(
                        identity -> guarded(ctx, exchange, () -> authenticated(ctx, exchange, route, identity)),
                        failure -> guarded(ctx, exchange, () -> unauthenticated(ctx, exchange, failure)));
    }

    private void unauthenticated(RoutingContext ctx, Exchange exchange, Throwable failure) {
        if (!(failure instanceof AuthenticationFailedException)) {
            LOG.warnf("authentication of request %s failed: %s", exchange.requestId(), failure.toString());
        }
        TokenRefusal refusal = refusals.explain(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        ctx.response().putHeader("WWW-Authenticate", refusal.challenge());
        replies.problem(ctx, exchange, ProblemType.UNAUTHENTICATED, refusal.description(),
                AccessOutcome.DENIED_UNAUTHENTICATED, refusal.logReason());
    }

    private void authenticated(RoutingContext ctx, Exchange exchange, ApiRoute route, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            replies.problem(ctx, exchange, ProblemType.UNAUTHENTICATED, "A bearer token is required.",
                    AccessOutcome.DENIED_UNAUTHENTICATED, "no bearer token");
            return;
        }
        Caller caller = Caller.from(identity, securityConfig.tenantsClaim());
        exchange.caller(caller);
        if (revoked(ctx, exchange, route, caller, identity)) {
            return;
        }

        Duration wait = rateLimiter.acquire(caller.subject());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            replies.problem(ctx, exchange, ProblemType.RATE_LIMITED,
                    "Too many requests; retry in " + seconds + " s.", AccessOutcome.RATE_LIMITED,
                    "rate limit exceeded");
            return;
        }

        if (route instanceof ApiRoute.NotFound notFound) {
            replies.problem(ctx, exchange, ProblemType.NOT_FOUND, "There is no resource at " + exchange.path() + ".",
                    AccessOutcome.REJECTED_NOT_FOUND, notFound.reason());
        } else if (route instanceof ApiRoute.AccessLog) {
            accessLog(ctx, exchange, caller);
        } else if (route instanceof ApiRoute.Proxy target) {
            forward(ctx, exchange, caller, target);
        }
    }

    /** A valid token refused all the same: its person revoked since it was issued, or its client suspended. */
    private boolean revoked(RoutingContext ctx, Exchange exchange, ApiRoute route, Caller caller,
            SecurityIdentity identity) {
        long issuedAt = identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
                ? jwt.getIssuedAtTime() : 0;
        String clientId = route instanceof ApiRoute.Proxy target ? target.clientId() : null;
        RevocationView.Refusal refusal = revocations.check(caller, issuedAt, clientId, tenantPolicy.crossTenantRoles());
        if (refusal == RevocationView.Refusal.TOKEN_REVOKED) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            replies.problem(ctx, exchange, ProblemType.TOKEN_REVOKED, "This token was revoked: sign in again.",
                    AccessOutcome.DENIED_UNAUTHENTICATED, "token revoked");
            return true;
        }
        if (refusal == RevocationView.Refusal.CLIENT_SUSPENDED) {
            replies.problem(ctx, exchange, ProblemType.CLIENT_SUSPENDED, clientId == null
                    ? "Your clients are suspended." : "Client '" + clientId + "' is suspended.",
                    AccessOutcome.DENIED_TENANT, "client suspended");
            return true;
        }
        return false;
    }

    private void accessLog(RoutingContext ctx, Exchange exchange, Caller caller) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            replies.problem(ctx, exchange, ProblemType.METHOD_NOT_ALLOWED, "The access log is read-only.",
                    AccessOutcome.REJECTED_INVALID, "method " + method.name() + " not allowed");
            return;
        }
        if (!caller.hasRole(AUDITOR_ROLE)) {
            replies.problem(ctx, exchange, ProblemType.ROLE_FORBIDDEN, "Reading the access log requires the '"
                    + AUDITOR_ROLE + "' role.", AccessOutcome.DENIED_ROLE, "role " + AUDITOR_ROLE + " required");
            return;
        }
        String platformWide = securityConfig.platformAuditRole();
        if (caller.tenants().isEmpty() && !caller.hasRole(platformWide)) {
            replies.problem(ctx, exchange, ProblemType.ROLE_FORBIDDEN, "This auditor token names no clients "
                    + "(tenants claim) and lacks the '" + platformWide + "' role: reading every client's log "
                    + "requires that role.", AccessOutcome.DENIED_ROLE, "auditor without tenants nor " + platformWide);
            return;
        }
        // Quarkus REST serves the read; AccessLogReadRecorder writes the entry before its response goes out
        ctx.request().resume();
        ctx.next();
    }

    private void forward(RoutingContext ctx, Exchange exchange, Caller caller, ApiRoute.Proxy target) {
        if (target.clientId() != null) {
            TenantDecision decision = tenantPolicy.decide(caller, target.clientId());
            if (decision == TenantDecision.DENIED) {
                replies.problem(ctx, exchange, ProblemType.TENANT_FORBIDDEN,
                        "You have no access to client '" + target.clientId() + "'.", AccessOutcome.DENIED_TENANT,
                        "client not among the token's tenants");
                return;
            }
            exchange.crossTenant(decision == TenantDecision.CROSS_TENANT);
        } else if (target.service() == Service.REPORTING || target.service() == Service.NOTIFICATIONS) {
            // the portfolio and the caller's own notifications read the token's clients: the entry names them,
            // having no client id
            exchange.note("clients from the token: " + String.join(",", new java.util.TreeSet<>(caller.tenants())));
        }
        proxy.forward(ctx, exchange, target.service());
    }

    private void guarded(RoutingContext ctx, Exchange exchange, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "request %s failed in the gateway", exchange.requestId());
            internalError(ctx, exchange);
        }
    }

    private void failed(RoutingContext ctx) {
        Exchange exchange = Exchange.of(ctx);
        if (exchange == null) {
            // failed before the exchange existed: nothing to log against, but still a problem, not a stack trace
            LOG.error("request failed in the gateway before it was identified", ctx.failure());
            String requestId = RequestIds.acceptOrCreate(null);
            ctx.response().putHeader(RequestIds.HEADER, requestId);
            problems.send(ctx.response(), Problem.of(ProblemType.INTERNAL_ERROR,
                    "The gateway failed to handle the request.", ctx.normalizedPath(), requestId));
            return;
        }
        LOG.errorf(ctx.failure(), "request %s failed in the gateway", exchange.requestId());
        internalError(ctx, exchange);
    }

    private void internalError(RoutingContext ctx, Exchange exchange) {
        if (exchange.logged() || ctx.response().headWritten()) {
            // an answer is already under way; nothing coherent can be added to it
            if (!ctx.response().ended()) {
                ctx.response().reset();
            }
            return;
        }
        replies.problem(ctx, exchange, ProblemType.INTERNAL_ERROR, "The gateway failed to handle the request.",
                AccessOutcome.GATEWAY_ERROR, "gateway error");
    }
}
