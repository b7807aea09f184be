package io.bpo.contracts.changerequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.bpo.contracts.terms.ContractTerms;
import io.bpo.contracts.terms.JsonPatchOperation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change request as the API shows it; lists leave out the proposed terms and the diff. */
@Schema(name = "ChangeRequest", description = "A two-party amendment of a contract's terms")
public record ChangeRequestView(
        UUID id,
        UUID contractId,
        String clientId,
        @Schema(description = "PENDING until closed: APPLIED (both approved), REJECTED (final), WITHDRAWN (by its "
                + "raising party), SUPERSEDED (another amendment was applied first; raise a new request)")
        ChangeRequestStatus status,
        String reason,
        @Schema(example = "2026-06-01") LocalDate effectiveFrom,
        List<ChangeCategory> categories,
        @Schema(description = "The side that raised it: PROVIDER (account-manager) or CLIENT (client-manager)")
        Party raisedByParty,
        @Schema(example = "carol") String raisedBy,
        @Schema(description = "The version the proposal was made against (the latest when raised)")
        int baseVersionNumber,
        @Schema(description = "The provider side's decision; null while undecided") PartyDecision providerDecision,
        @Schema(description = "The client side's decision; null while undecided") PartyDecision clientDecision,
        @Schema(description = "Who closed it (last approver, rejecting or withdrawing user); null while PENDING")
        String closedBy,
        Instant closedAt,
        @Schema(description = "Comment given when withdrawing") String closingComment,
        @Schema(description = "The version the request produced (APPLIED)") Integer appliedVersionNumber,
        @Schema(description = "Its amendment number (APPLIED)") Integer appliedAmendmentNumber,
        @Schema(description = "The version whose application made it stale (SUPERSEDED)")
        Integer supersededByVersionNumber,
        @Schema(description = "Row version: send it as If-Match to approve, reject or withdraw") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(type = SchemaType.ARRAY, implementation = JsonPatchOperation.class,
                description = "RFC 6902 JSON Patch from the base version's terms to the "
                + "proposed ones (single reads only)",
                example = "[{\"op\":\"replace\",\"path\":\"/slas/0/target\",\"value\":85}]")
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode diff,
        @Schema(description = "The complete proposed terms (single reads only)")
        @JsonInclude(JsonInclude.Include.NON_NULL) ContractTerms terms) {

    @Schema(name = "PartyDecision", description = "One side's decision")
    public record PartyDecision(Verdict decision, @Schema(example = "alice") String by, Instant at, String comment) {
    }

    ChangeRequestView summary() {
        return new ChangeRequestView(id, contractId, clientId, status, reason, effectiveFrom, categories,
                raisedByParty, raisedBy, baseVersionNumber, providerDecision, clientDecision, closedBy, closedAt,
                closingComment, appliedVersionNumber, appliedAmendmentNumber, supersededByVersionNumber, version,
                createdAt, updatedAt, null, null);
    }
}
