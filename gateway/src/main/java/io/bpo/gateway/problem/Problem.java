package io.bpo.gateway.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, as every error of the gateway is written. Extension members: {@code requestId}
 * always, {@code service} when a service failed, {@code errors} ({@code field}, {@code reason})
 * for rejected parameters, the same shape as the services' validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        String service,
        @JsonProperty("errors") List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance, String requestId) {
        return new Problem(type.type(), type.title(), type.status(), detail, instance, requestId, null, null);
    }

    public Problem withService(String serviceName) {
        return new Problem(type, title, status, detail, instance, requestId, serviceName, invalidParams);
    }

    public Problem withInvalidParams(List<InvalidParam> params) {
        return new Problem(type, title, status, detail, instance, requestId, service, List.copyOf(params));
    }

    /** One rejected parameter: its name as the client sent it and why it was rejected. */
    public record InvalidParam(@JsonProperty("field") String name, String reason) {
    }
}
