package io.bpo.gateway.accesslog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the access log, newest first. */
@Schema(name = "AccessLogPage")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccessLogPage(
        List<AccessLogEntry> items,
        @Schema(description = "Pass as 'cursor' to get the next (older) page; null on the last page",
                nullable = true) String nextCursor) {
}
