package io.bpo.reporting.report;

import io.bpo.kit.problem.Problem;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An account manager's clients over one month: one section per client of the caller's token, each with that
 * client's portfolio lines, and totals per currency (amounts in different currencies are never added together).
 */
@Schema(description = "The month of every client of the caller's token, one section each, with totals per currency")
public record ClientsPortfolio(@Schema(example = "2026-03") String month,
        @Schema(description = "false when at least one client's section could not be read (see its problem); the "
                + "totals then leave that client out") boolean complete,
        @Schema(description = "One section per client of the token's tenants, in client id order") List<Section> clients,
        @Schema(description = "Per currency, over the sections that could be read; in currency order")
        List<CurrencyTotal> totals) {

    public enum SectionStatus {
        /** The client's contracts and numbers were read. */
        OK,
        /** contracts-service could not answer for this client (see problem); its lines are missing. */
        UNAVAILABLE
    }

    @Schema(description = "One client's month: the lines of GET /api/v1/clients/{clientId}/reporting/portfolio")
    public record Section(@Schema(example = "acme") String clientId, SectionStatus status,
            @Schema(description = "Every contract of the client that ran in the month; empty when UNAVAILABLE")
            List<Portfolio.Line> contracts,
            @Schema(description = "Why the section is UNAVAILABLE (absent when OK)", nullable = true)
            SectionProblem problem) {
    }

    @Schema(description = "The problem that kept a client's section from being read, as the per-client call would "
            + "have answered it")
    public record SectionProblem(@Schema(example = "https://bpo.example/problems/contracts-unavailable") URI type,
            @Schema(example = "503") int status, String detail) {
        static SectionProblem of(int status, String slug, String detail) {
            return new SectionProblem(Problem.type(slug), status, detail);
        }
    }

    @Schema(description = "Sums over the contracts in one currency")
    public record CurrencyTotal(@Schema(example = "EUR") String currency, @Schema(example = "2") int contracts,
            @Schema(example = "1") int breaches, @Schema(example = "4410.00") BigDecimal totalCredit,
            @Schema(example = "0.00") BigDecimal totalBonus) {
    }
}
