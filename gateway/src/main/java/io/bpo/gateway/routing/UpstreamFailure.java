package io.bpo.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.bpo.gateway.problem.ProblemType;

/** Why a service gave no answer, and the status the gateway answers in its place. */
public enum UpstreamFailure {
    /** Could not connect: refused, unknown host or connect timeout. */
    UNAVAILABLE(ProblemType.UPSTREAM_UNAVAILABLE, "is unavailable"),
    /** Connected, but no answer within the route's timeout. */
    TIMEOUT(ProblemType.UPSTREAM_TIMEOUT, "did not answer in time"),
    /** Anything else before a response head: reset, closed connection, malformed response. */
    FAILED(ProblemType.UPSTREAM_FAILURE, "failed to answer");

    private final ProblemType problemType;
    private final String words;

    UpstreamFailure(ProblemType problemType, String words) {
        this.problemType = problemType;
        this.words = words;
    }

    public ProblemType problemType() {
        return problemType;
    }

    public String describe(Service service) {
        return "The " + service.segment() + " service " + words + ".";
    }

    public static UpstreamFailure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // netty's ConnectTimeoutException is a ConnectException: a service that cannot be reached is unavailable
            if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
                return UNAVAILABLE;
            }
            if (cause instanceof TimeoutException) {
                return TIMEOUT;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return FAILED;
    }
}
