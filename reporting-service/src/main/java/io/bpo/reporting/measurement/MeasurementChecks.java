package io.bpo.reporting.measurement;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.reporting.contracts.ContractTermsClient;
import io.bpo.reporting.contracts.TermsInForce;
import io.bpo.reporting.sla.Metric;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A measurement must belong to a contract of the client and to one of that contract's SLAs in force during its
 * period, as contracts-service's terms-in-force read API says (with the caller's own token, before any transaction
 * opens). Otherwise it would be stored and never read: the SLA engine only reads measurements of SLAs it finds in
 * the terms. Terms are read once per contract over the days the batch's periods touch (UTC dates, consecutive
 * ranges merged), so a batch costs a few reads, at most {@link #MAX_TERMS_READS}. contracts-service unavailable is a
 * 503 ({@code contracts-unavailable}) and nothing is stored: unchecked data is never stored.
 */
@ApplicationScoped
public class MeasurementChecks {
    /** Reads of at most 366 days each; a batch needing more is refused rather than hammering contracts-service. */
    static final int MAX_TERMS_READS = 50;
    static final int MAX_LISTED = 1000;
    static final String NOT_IN_CONTRACT = "measurement-not-in-contract";

    @Inject
    ContractTermsClient contracts;

    /** The UTC dates a measurement's period touches: [start, end). */
    record Days(LocalDate first, LocalDate last) {
        static Days of(MeasurementRecord m) {
            LocalDate first = m.periodStart().atOffset(ZoneOffset.UTC).toLocalDate();
            LocalDate last = m.periodEnd().minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
            return new Days(first, last.isBefore(first) ? first : last);
        }

        boolean overlaps(TermsInForce.Period p) {
            return !p.from().isAfter(last) && !p.to().isBefore(first);
        }
    }

    public void requireInContract(String clientId, List<MeasurementRecord> batch) {
        Map<UUID, List<Integer>> byContract = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byContract.computeIfAbsent(batch.get(i).contractId(), id -> new ArrayList<>()).add(i);
        }
        Map<UUID, List<Days>> ranges = new LinkedHashMap<>();
        long reads = 0;
        for (var entry : byContract.entrySet()) {
            List<Days> merged = merged(entry.getValue().stream().map(i -> Days.of(batch.get(i))).toList());
            ranges.put(entry.getKey(), merged);
            for (Days d : merged) {
                reads += ChronoUnit.DAYS.between(d.first(), d.last()) / 366 + 1;
            }
        }
        if (reads > MAX_TERMS_READS) {
            throw new ApiException(422, NOT_IN_CONTRACT, "Measurements not checkable",
                    "Checking this batch would read the terms of its contracts " + reads + " times (one read per "
                            + "contract and 366 days its periods touch); at most " + MAX_TERMS_READS
                            + ": send fewer contracts or periods per batch",
                    List.of(new Problem.FieldError("body", "touches too many contract-years: at most "
                            + MAX_TERMS_READS + " reads of contract terms per batch")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        int invalid = 0;
        for (var entry : byContract.entrySet()) {
            UUID contractId = entry.getKey();
            Optional<List<TermsInForce.Period>> terms = terms(clientId, contractId, ranges.get(contractId));
            for (int i : entry.getValue()) {
                Optional<Problem.FieldError> error = terms.isEmpty()
                        ? Optional.of(new Problem.FieldError("[" + i + "].contractId",
                                "no contract " + contractId + " for client " + clientId + " in contracts-service"))
                        : check(i, batch.get(i), terms.get());
                if (error.isPresent()) {
                    invalid++;
                    errors.add(error.get());
                }
            }
        }
        if (invalid > 0) {
            errors.sort(Comparator.comparingInt(MeasurementChecks::index));
            throw new ApiException(422, NOT_IN_CONTRACT, "Measurement not in the contract's terms",
                    invalid + " measurement" + (invalid == 1 ? " does" : "s do") + " not match a contract of client "
                            + clientId + " and an SLA of it in force during the period; nothing was stored"
                            + (invalid > MAX_LISTED ? " (the first " + MAX_LISTED + " are listed)" : ""),
                    errors.subList(0, Math.min(errors.size(), MAX_LISTED)));
        }
    }

    /** The terms periods over the ranges, or empty when contracts-service has no such contract for the client. */
    private Optional<List<TermsInForce.Period>> terms(String clientId, UUID contractId, List<Days> ranges) {
        List<TermsInForce.Period> periods = new ArrayList<>();
        for (Days range : ranges) {
            try {
                periods.addAll(contracts.inForce(clientId, contractId, range.first(), range.last()).periods());
            } catch (ApiException e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        return Optional.of(periods);
    }

    private static Optional<Problem.FieldError> check(int i, MeasurementRecord m, List<TermsInForce.Period> terms) {
        Days days = Days.of(m);
        String between = " between " + days.first() + " and " + days.last() + " (UTC dates)";
        List<TermsInForce.Period> inForce = terms.stream().filter(days::overlaps).toList();
        if (inForce.isEmpty()) {
            return Optional.of(new Problem.FieldError("[" + i + "].periodStart",
                    "contract " + m.contractId() + " has no terms in force" + between));
        }
        Optional<TermsInForce.Sla> sla = inForce.stream().filter(p -> p.terms() != null)
                .map(p -> p.terms().sla(m.slaKey())).flatMap(Optional::stream).findFirst();
        if (sla.isEmpty()) {
            return Optional.of(new Problem.FieldError("[" + i + "].slaKey",
                    "is not an SLA of contract " + m.contractId() + " in force" + between));
        }
        Optional<Metric> metric = metric(sla.get().metric());
        if (metric.isPresent() && !metric.get().fromMeasurements()) {
            return Optional.of(new Problem.FieldError("[" + i + "].slaKey", "SLA " + m.slaKey() + " is computed from"
                    + " interaction records (" + metric.get() + "), not from KPI measurements"));
        }
        return Optional.empty();
    }

    private static Optional<Metric> metric(String name) {
        try {
            return Optional.of(Metric.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty(); // a metric this service does not know yet: not refused here
        }
    }

    /** Sorted, overlapping or adjacent ranges joined. */
    static List<Days> merged(List<Days> days) {
        List<Days> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(Days::first));
        List<Days> merged = new ArrayList<>();
        for (Days d : sorted) {
            Days last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !d.first().isAfter(last.last().plusDays(1))) {
                merged.set(merged.size() - 1, new Days(last.first(), d.last().isAfter(last.last()) ? d.last()
                        : last.last()));
            } else {
                merged.add(d);
            }
        }
        return merged;
    }

    private static int index(Problem.FieldError e) {
        return Integer.parseInt(e.field().substring(1, e.field().indexOf(']')));
    }
}
