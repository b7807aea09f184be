package io.bpo.contracts.terms;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Terms that applied on every day of [from, to] (inclusive): one version, clipped to the asked range. */
@Schema(description = "The terms in force on each day of [from, to]")
public record TermsPeriod(LocalDate from, LocalDate to, int versionNumber, int amendmentNumber, ContractTerms terms) {
}
