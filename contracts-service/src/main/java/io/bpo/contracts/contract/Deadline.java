package io.bpo.contracts.contract;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A date by which someone must act on a contract: give notice (or let it renew), or see it end. */
@Schema(description = "An upcoming notice or end date of a contract")
public record Deadline(UUID contractId, String reference, String title,
        @Schema(description = "NOTICE: last day to give notice (end date minus the notice period); END: the end date")
        Kind kind, LocalDate date, long daysLeft) {

    public enum Kind { NOTICE, END }
}
