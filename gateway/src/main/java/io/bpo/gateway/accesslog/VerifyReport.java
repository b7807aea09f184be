package io.bpo.gateway.accesslog;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of recomputing the access log's hash chains. */
@Schema(name = "AccessLogVerifyReport", description = "Verification of the access log's hash chains")
public record VerifyReport(
        @Schema(description = "One report per chain, in chain-key order") List<ChainReport> chains,
        @Schema(description = "Entries written before the chains existed (chain_seq null): not verifiable")
        long unchained) {
}
