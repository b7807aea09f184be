package io.bpo.reporting.report;

import io.bpo.reporting.sla.Compliance;
import io.bpo.reporting.sla.MonthCompliance;
import io.bpo.reporting.sla.MonthlySla;
import io.bpo.reporting.sla.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The monthly service review for people: XHTML (so that the PDF renderer reads the very same page), inline CSS,
 * one inline SVG chart per SLA over the last twelve months (bars coloured by status, the target as a line), the
 * breaches, credits, bonuses and the objective each SLA serves. Every text from a contract is escaped.
 */
public final class HtmlReport {
    private static final int W = 560;
    private static final int H = 170;
    private static final int LEFT = 44;
    private static final int BOTTOM = 24;

    private HtmlReport() {
    }

    public static String render(MonthReport report) {
        MonthCompliance m = report.month();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>Service review ").append(esc(m.reference())).append(' ').append(esc(m.month()))
                .append("</title><style>")
                .append("body{font-family:sans-serif;font-size:11pt;color:#222;margin:24px}")
                .append("h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;margin:22px 0 6px;border-bottom:1px solid #ccc}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;text-align:left}")
                .append("th{background:#f3f3f3}.MET{color:#1a7f37}.WARNING{color:#9a6700}.BREACHED{color:#cf222e}")
                .append(".NO_DATA{color:#6e7781}.muted{color:#6e7781;font-size:9pt}")
                .append("</style></head><body>");
        h.append("<h1>Monthly service review: ").append(esc(m.reference())).append(", ").append(esc(m.month()))
                .append("</h1>");
        h.append("<p class=\"muted\">").append(report.frozen()
                ? "Frozen statement accepted by both parties. SHA-256 " + esc(report.contentHash())
                : "Provisional: the statement for this month is not frozen yet.").append("</p>");

        h.append("<h2>Summary</h2><table><tr><th>SLA</th><th>Objective served</th><th>Target</th><th>Value</th>")
                .append("<th>Status</th><th>Breaches</th><th>Credit</th><th>Bonus</th></tr>");
        for (MonthlySla s : m.slas()) {
            Compliance last = s.periods().isEmpty() ? null : s.periods().get(s.periods().size() - 1);
            h.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(esc(String.join("; ", s.objectives())))
                    .append("</td><td>").append(last == null ? "" : esc(cmp(last) + " " + num(last.target())))
                    .append("</td><td>").append(esc(value(s))).append("</td><td class=\"").append(s.status().name())
                    .append("\">").append(s.status().name()).append("</td><td>").append(s.breaches())
                    .append("</td><td>").append(money(s.creditAmount(), m.currency())).append("</td><td>")
                    .append(money(s.bonusAmount(), m.currency())).append("</td></tr>");
        }
        h.append("<tr><th colspan=\"5\">Total</th><th>").append(m.breaches()).append("</th><th>")
                .append(money(m.totalCredit(), m.currency())).append("</th><th>")
                .append(money(m.totalBonus(), m.currency())).append("</th></tr></table>");

        h.append("<h2>Breaches</h2>");
        List<Compliance> breaches = m.slas().stream().flatMap(s -> s.periods().stream())
                .filter(c -> c.status() == Status.BREACHED).toList();
        if (breaches.isEmpty()) {
            h.append("<p>No SLA was breached this month.</p>");
        } else {
            h.append("<table><tr><th>SLA</th><th>Period</th><th>Value</th><th>Target</th><th>Margin</th>")
                    .append("<th>Records</th><th>Credit</th></tr>");
            for (Compliance c : breaches) {
                h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(esc(c.periodLabel()))
                        .append("</td><td>").append(num(c.value())).append("</td><td>")
                        .append(esc(cmp(c) + " " + num(c.target()))).append("</td><td>").append(num(c.margin()))
                        .append("</td><td>").append(c.recordsCounted()).append("</td><td>")
                        .append(money(c.creditAmount(), c.currency())).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Twelve months</h2>");
        for (MonthReport.Series s : report.history()) {
            h.append("<h3 style=\"font-size:11pt;margin:14px 0 2px\">").append(esc(s.name())).append(" <span class=\"muted\">(")
                    .append(esc(s.unit())).append(")</span></h3>");
            h.append(chart(s));
        }
        h.append("<p class=\"muted\">Values are computed from the records inside each SLA's service hours and scope; ")
                .append("the target is the one in force on each period's last day. Daily and weekly SLAs are charted ")
                .append("as the mean of their periods.</p></body></html>");
        return h.toString();
    }

    /** Bars per month coloured by status, the target as a dashed line, months on the x axis. */
    static String chart(MonthReport.Series s) {
        BigDecimal max = s.points().stream().map(MonthReport.Point::value).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal top = s.points().stream().map(MonthReport.Point::target).filter(Objects::nonNull)
                .reduce(max, BigDecimal::max);
        if ("PERCENT".equals(s.unit()) || "SCORE_0_100".equals(s.unit())) {
            top = BigDecimal.valueOf(100);
        } else if ("SCORE_1_5".equals(s.unit())) {
            top = BigDecimal.valueOf(5);
        } else if (top.signum() == 0) {
            top = BigDecimal.ONE;
        } else {
            top = top.multiply(new BigDecimal("1.15"));
        }
        int n = s.points().size();
        double plotW = W - LEFT - 8;
        double plotH = H - BOTTOM - 10;
        double slot = plotW / Math.max(n, 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-label=\"")
                .append(esc(s.name())).append(" over twelve months\">");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"10\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(H - BOTTOM).append("\" stroke=\"#999\"/>");
        svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"14\" font-size=\"9\" text-anchor=\"end\">")
                .append(num(top.setScale(0, RoundingMode.HALF_UP))).append("</text>");
        svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(H - BOTTOM)
                .append("\" font-size=\"9\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < n; i++) {
            MonthReport.Point p = s.points().get(i);
            double x = LEFT + i * slot;
            if (p.value() != null) {
                double bh = plotH * Math.min(1.0, p.value().doubleValue() / top.doubleValue());
                svg.append("<rect x=\"").append(fmt(x + slot * 0.15)).append("\" y=\"").append(fmt(H - BOTTOM - bh))
                        .append("\" width=\"").append(fmt(slot * 0.7)).append("\" height=\"").append(fmt(bh))
                        .append("\" fill=\"").append(colour(p.status())).append("\"><title>").append(esc(p.month()))
                        .append(": ").append(num(p.value())).append(' ').append(p.status()).append("</title></rect>");
            }
            if (p.target() != null) {
                double ty = H - BOTTOM - plotH * Math.min(1.0, p.target().doubleValue() / top.doubleValue());
                svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(ty)).append("\" x2=\"")
                        .append(fmt(x + slot)).append("\" y2=\"").append(fmt(ty))
                        .append("\" stroke=\"#444\" stroke-dasharray=\"4 2\"/>");
            }
            svg.append("<text x=\"").append(fmt(x + slot / 2)).append("\" y=\"").append(H - 8)
                    .append("\" font-size=\"8\" text-anchor=\"middle\">").append(esc(p.month().substring(2)))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String colour(Status status) {
        if (status == null) {
            return "#d0d7de";
        }
        return switch (status) {
            case MET -> "#2da44e";
            case WARNING -> "#d4a72c";
            case BREACHED -> "#cf222e";
            case NO_DATA -> "#d0d7de";
        };
    }

    private static String value(MonthlySla s) {
        BigDecimal v = ReportService.mean(s.periods());
        return v == null ? "no data" : v.toPlainString();
    }

    private static String cmp(Compliance c) {
        return switch (c.comparator()) {
            case GTE -> ">=";
            case GT -> ">";
            case LTE -> "<=";
            case LT -> "<";
        };
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " "
                + esc(currency == null ? "" : currency);
    }

    private static String num(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t') {
                        out.append(' ');
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }
}
