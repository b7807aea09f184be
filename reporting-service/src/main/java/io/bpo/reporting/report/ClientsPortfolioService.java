package io.bpo.reporting.report;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.ClientIds;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.reporting.report.ClientsPortfolio.CurrencyTotal;
import io.bpo.reporting.report.ClientsPortfolio.Section;
import io.bpo.reporting.report.ClientsPortfolio.SectionProblem;
import io.bpo.reporting.report.ClientsPortfolio.SectionStatus;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The portfolio of every client in the caller's token, read one client at a time: each client is bound to the
 * request ({@link TenantContext#callAs}) only while its own section is computed, so every transaction that reads
 * this service's database acts for exactly one client and row-level security confines it there. Clients outside
 * the token are never read: the list comes from the verified token alone, never from the database or the query.
 */
@ApplicationScoped
public class ClientsPortfolioService {
    static final String UNAVAILABLE = "contracts-unavailable";

    @Inject
    PortfolioService portfolio;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    public ClientsPortfolio portfolio(YearMonth month, Instant now) {
        List<Section> sections = new ArrayList<>();
        SectionProblem down = null;
        for (String clientId : new TreeSet<>(caller.tenants())) {
            if (!ClientIds.isValid(clientId)) {
                continue; // a tenants claim value that cannot be a client id names no client
            }
            if (down != null) {
                // contracts-service was just found unavailable: answer now rather than wait out a timeout per client
                sections.add(new Section(clientId, SectionStatus.UNAVAILABLE, List.of(), down));
                continue;
            }
            try {
                Portfolio one = tenant.callAs(clientId, () -> portfolio.portfolio(clientId, month, now));
                sections.add(new Section(clientId, SectionStatus.OK, one.contracts(), null));
            } catch (ApiException e) {
                Log.warnf("portfolio of client %s for %s unavailable: %d %s", clientId, caller.userName(),
                        e.status(), e.getMessage());
                SectionProblem problem = SectionProblem.of(e.status(), e.typeSlug(), e.getMessage());
                if (UNAVAILABLE.equals(e.typeSlug())) {
                    down = problem;
                }
                sections.add(new Section(clientId, SectionStatus.UNAVAILABLE, List.of(), problem));
            }
        }
        boolean complete = sections.stream().allMatch(s -> s.status() == SectionStatus.OK);
        return new ClientsPortfolio(month.toString(), complete, List.copyOf(sections), totals(sections));
    }

    /** Sums per currency; a line without a currency is counted under "unknown" rather than mixed into another. */
    static List<CurrencyTotal> totals(List<Section> sections) {
        Map<String, CurrencyTotal> byCurrency = new TreeMap<>();
        for (Section section : sections) {
            for (Portfolio.Line line : section.contracts()) {
                String currency = line.currency() == null ? "unknown" : line.currency();
                CurrencyTotal t = byCurrency.getOrDefault(currency,
                        new CurrencyTotal(currency, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
                byCurrency.put(currency, new CurrencyTotal(currency, t.contracts() + 1, t.breaches() + line.breaches(),
                        t.totalCredit().add(orZero(line.totalCredit())), t.totalBonus().add(orZero(line.totalBonus()))));
            }
        }
        return List.copyOf(byCurrency.values());
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
