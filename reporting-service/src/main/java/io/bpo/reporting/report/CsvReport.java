package io.bpo.reporting.report;

import io.bpo.core.csv.CsvCells;
import io.bpo.reporting.sla.Compliance;
import io.bpo.reporting.sla.MonthCompliance;
import io.bpo.reporting.sla.MonthlySla;
import java.math.BigDecimal;
import java.util.List;

/**
 * The month as CSV (RFC 4180, UTF-8, CRLF): one row per SLA period. Texts that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) are prefixed with a quote: SLA names come from contract documents.
 */
public final class CsvReport {
    static final List<String> HEADER = List.of("month", "slaKey", "name", "metric", "unit", "period", "periodLabel",
            "firstDay", "lastDay", "timeZone", "termsVersion", "value", "numerator", "denominator", "recordsCounted",
            "comparator", "target", "warning", "thresholdSeconds", "status", "margin", "creditPercent",
            "creditAmount", "bonusPercent", "bonusAmount", "currency");

    private CsvReport() {
    }

    public static String render(MonthCompliance month) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (MonthlySla sla : month.slas()) {
            for (Compliance c : sla.periods()) {
                row(csv, List.of(month.month(), c.slaKey(), c.name(), c.metric().name(), c.unit(), c.period().name(),
                        c.periodLabel(), c.firstDay().toString(), c.lastDay().toString(), c.timeZone(),
                        String.valueOf(c.termsVersion()), num(c.value()), num(c.numerator()), num(c.denominator()),
                        String.valueOf(c.recordsCounted()), c.comparator().name(), num(c.target()), num(c.warning()),
                        c.thresholdSeconds() == null ? "" : c.thresholdSeconds().toString(), c.status().name(),
                        num(c.margin()), num(c.creditPercent()), num(c.creditAmount()), num(c.bonusPercent()),
                        num(c.bonusAmount()), c.currency() == null ? "" : c.currency()));
            }
        }
        return csv.toString();
    }

    private static String num(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        return CsvCells.cell(value);
    }
}
