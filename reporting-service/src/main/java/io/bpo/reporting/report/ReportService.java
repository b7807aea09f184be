package io.bpo.reporting.report;

import io.bpo.reporting.sla.Compliance;
import io.bpo.reporting.sla.ComplianceService;
import io.bpo.reporting.sla.MonthCompliance;
import io.bpo.reporting.sla.MonthlySla;
import io.bpo.reporting.sla.StatementService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The monthly service review: twelve months computed from the rollups in one pass (one terms read, one rollup
 * read), the reviewed month replaced by its frozen statement when both parties accepted one.
 */
@ApplicationScoped
public class ReportService {
    @Inject
    ComplianceService compliance;

    @Inject
    StatementService statements;

    public MonthReport report(String clientId, UUID contractId, YearMonth month, Instant now) {
        List<MonthCompliance> history = compliance.history(clientId, contractId, month, now);
        Optional<StatementService.Frozen> frozen = statements.frozen(contractId, month);
        MonthCompliance current = frozen.map(StatementService.Frozen::content).orElse(history.get(history.size() - 1));
        List<MonthReport.Series> series = new ArrayList<>();
        for (MonthlySla sla : current.slas()) {
            List<MonthReport.Point> points = new ArrayList<>();
            BigDecimal target = null;
            for (MonthCompliance m : history) {
                MonthlySla s = m.slas().stream().filter(x -> x.slaKey().equals(sla.slaKey())).findFirst()
                        .orElse(null);
                if (m.month().equals(current.month())) {
                    s = sla;
                }
                if (s == null) {
                    points.add(new MonthReport.Point(m.month(), null, null, null, 0));
                    continue;
                }
                BigDecimal t = s.periods().isEmpty() ? null : s.periods().get(s.periods().size() - 1).target();
                target = t == null ? target : t;
                points.add(new MonthReport.Point(m.month(), mean(s.periods()), s.status(), t, s.breaches()));
            }
            series.add(new MonthReport.Series(sla.slaKey(), sla.name(), sla.metric().unit, target, points));
        }
        return new MonthReport(frozen.isPresent(), frozen.map(StatementService.Frozen::hash).orElse(null), current,
                series);
    }

    /** The value of a single period, or the mean of the values of the periods that have data. */
    static BigDecimal mean(List<Compliance> periods) {
        List<BigDecimal> values = periods.stream().map(Compliance::value).filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_EVEN);
    }
}
