package io.bpo.gateway.problem;

import io.bpo.core.problem.DatabaseUnavailable;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.bpo.gateway.request.Exchange;
import io.bpo.core.http.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/** Turns exceptions raised in Quarkus REST into problem+json; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final CurrentVertxRequest currentRequest;
    private final ProblemResponses problems;

    ProblemMappers(CurrentVertxRequest currentRequest, ProblemResponses problems) {
        this.currentRequest = currentRequest;
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<String> invalidParameters(InvalidParametersException e) {
        return answer(problem(ProblemType.INVALID_PARAMETER, "Some parameters are invalid: "
                + String.join(", ", e.params().stream().map(Problem.InvalidParam::name).toList()) + ".")
                .withInvalidParams(e.params()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<String> unauthenticated(RuntimeException e) {
        return answer(problem(ProblemType.UNAUTHENTICATED, "A valid bearer token is required."));
    }

    @ServerExceptionMapper
    public RestResponse<String> clientForbidden(ClientForbiddenException e) {
        return answer(problem(ProblemType.TENANT_FORBIDDEN, "You have no access to client '" + e.clientId() + "'."));
    }

    @ServerExceptionMapper
    public RestResponse<String> forbidden(ForbiddenException e) {
        return answer(problem(ProblemType.ROLE_FORBIDDEN, "Your roles do not allow this operation."));
    }

    @ServerExceptionMapper
    public RestResponse<String> webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = problem(type, status == 404 ? "There is no resource at " + path() + "."
                : status >= 500 ? "The gateway failed to handle the request."
                : Response.Status.fromStatusCode(status) == null ? "Request refused."
                        : Response.Status.fromStatusCode(status).getReasonPhrase() + ".");
        return answer(new Problem(type.type(), type.title(), status, problem.detail(), problem.instance(),
                problem.requestId(), null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public RestResponse<String> unexpected(Throwable e) {
        if (DatabaseUnavailable.isCause(e)) {
            // the audit API's reads while the access log's database is away: temporary, not a defect
            Problem problem = problem(ProblemType.DATABASE_UNAVAILABLE,
                    "The access log's database cannot be reached at the moment; retry in a few seconds.");
            LOG.warnf("request %s: database unavailable (%s)", problem.requestId(), e.toString());
            return answer(problem);
        }
        Problem problem = problem(ProblemType.INTERNAL_ERROR, "The gateway failed to handle the request.");
        LOG.errorf(e, "request %s failed", problem.requestId());
        return answer(problem);
    }

    private String path() {
        RoutingContext ctx = currentRequest.getCurrent();
        return ctx == null ? "this path" : ctx.normalizedPath();
    }

    private Problem problem(ProblemType type, String detail) {
        RoutingContext ctx = currentRequest.getCurrent();
        Exchange exchange = Exchange.of(ctx);
        if (exchange != null) {
            return Problem.of(type, detail, exchange.path(), exchange.requestId());
        }
        // outside /api/v1 (e.g. Quarkus REST's own 404 for an unknown path): no exchange, so no request id yet
        String requestId = RequestIds.acceptOrCreate(ctx == null ? null : ctx.request().getHeader(RequestIds.HEADER));
        return Problem.of(type, detail, ctx == null ? null : ctx.normalizedPath(), requestId);
    }

    private RestResponse<String> answer(Problem problem) {
        RestResponse.ResponseBuilder<String> answer = RestResponse.ResponseBuilder.<String>create(problem.status())
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(RequestIds.HEADER, problem.requestId())
                .entity(problems.toJson(problem));
        if (problem.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, ProblemResponses.retryAfter());
        }
        return answer.build();
    }
}
