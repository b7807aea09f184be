package io.bpo.reporting.report;

import io.bpo.reporting.contracts.ContractPage;
import io.bpo.reporting.contracts.ContractTermsClient;
import io.bpo.reporting.sla.ComplianceService;
import io.bpo.reporting.sla.MonthCompliance;
import io.bpo.reporting.sla.MonthlySla;
import io.bpo.reporting.sla.StatementService;
import io.bpo.reporting.sla.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The month of every contract of a client that ran during it (not DRAFT, term overlapping the month): the frozen
 * statement's numbers when there is one, else live numbers.
 */
@ApplicationScoped
public class PortfolioService {
    @Inject
    ContractTermsClient contracts;

    @Inject
    ComplianceService compliance;

    @Inject
    StatementService statements;

    public Portfolio portfolio(String clientId, YearMonth month, Instant now) {
        List<Portfolio.Line> lines = new ArrayList<>();
        for (ContractPage.Contract c : contracts.contracts(clientId)) {
            boolean ran = !"DRAFT".equals(c.status()) && c.startDate() != null && c.endDate() != null
                    && !c.startDate().isAfter(month.atEndOfMonth()) && !c.endDate().isBefore(month.atDay(1));
            if (!ran) {
                continue;
            }
            var frozen = statements.frozen(c.id(), month);
            MonthCompliance m = frozen.map(StatementService.Frozen::content)
                    .orElseGet(() -> compliance.month(clientId, c.id(), month, now));
            Status worst = Status.NO_DATA;
            for (MonthlySla s : m.slas()) {
                Status st = s.status();
                if (st == Status.BREACHED || (st == Status.WARNING && worst != Status.BREACHED)
                        || (st == Status.MET && worst == Status.NO_DATA)) {
                    worst = st;
                }
            }
            String statement = frozen.isPresent() ? "FROZEN" : statements.exists(c.id(), month) ? "OPEN" : "NONE";
            lines.add(new Portfolio.Line(c.id(), c.reference(), c.title(), c.status(), worst, m.slas().size(),
                    m.breaches(), m.totalCredit(), m.totalBonus(), m.currency(), statement));
        }
        return new Portfolio(clientId, month.toString(), lines);
    }
}
