package io.bpo.gateway.problem;

import io.bpo.core.problem.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes problems on Vert.x responses (the routes the gateway serves without Quarkus REST). */
@ApplicationScoped
public class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Every 503 of the gateway (a service or the database away, the access log not writable) is temporary: the
     * client may send the request again after this many seconds.
     */
    public static String retryAfter() {
        return Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }

    public String toJson(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for this record; keep the answer well-formed anyway
            LOG.error("could not serialize a problem", e);
            return "{\"status\":" + problem.status() + "}";
        }
    }

    public void send(HttpServerResponse response, Problem problem) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // a body is already on its way: the only honest signal left is to cut the connection
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter());
        }
        response.end(toJson(problem));
    }
}
