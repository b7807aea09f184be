package io.bpo.reporting.sla;

import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Monthly statements: computed when the first party accepts, frozen when the second does, re-opened only by an
 * explicit, logged recompute. Late records (ingested after the last check) are reported, never applied silently.
 * The numbers are computed before any transaction opens (contracts-service is called for the terms).
 */
@ApplicationScoped
public class StatementService {
    @Inject
    ComplianceService compliance;

    @Inject
    StatementStore store;

    @Inject
    Caller caller;

    public StatementView get(String clientId, UUID contractId, YearMonth month) {
        SlaStatement s = store.find(contractId, month.atDay(1))
                .orElseThrow(() -> ApiException.notFound("Statement", contractId + "/" + month));
        return view(clientId, s);
    }

    public StatementView accept(String clientId, UUID contractId, YearMonth month, Instant now) {
        requireOver(month, now);
        StatementStore.Party party = caller.hasRole(Roles.ACCOUNT_MANAGER) ? StatementStore.Party.PROVIDER
                : StatementStore.Party.CLIENT;
        LocalDate first = month.atDay(1);
        if (store.find(contractId, first).isEmpty()) {
            String content = content(clientId, contractId, month);
            try {
                return view(clientId, store.create(contractId, first, content, party, caller.userName(), now));
            } catch (PersistenceException raced) {
                // the other party created it meanwhile: accept theirs below
            }
        }
        return view(clientId, store.accept(contractId, first, party, caller.userName(), now));
    }

    public StatementView recompute(String clientId, UUID contractId, YearMonth month, String reason, Instant now) {
        LocalDate first = month.atDay(1);
        if (store.find(contractId, first).isEmpty()) {
            throw ApiException.notFound("Statement", contractId + "/" + month);
        }
        String content = content(clientId, contractId, month);
        return view(clientId, store.recompute(contractId, first, content, reason, caller.userName(), now));
    }

    public List<RecomputationView> recomputations(UUID contractId, YearMonth month) {
        SlaStatement s = store.find(contractId, month.atDay(1))
                .orElseThrow(() -> ApiException.notFound("Statement", contractId + "/" + month));
        return store.recomputations(s.id).stream().map(RecomputationView::of).toList();
    }

    public boolean exists(UUID contractId, YearMonth month) {
        return store.find(contractId, month.atDay(1)).isPresent();
    }

    /** A frozen statement's content and hash. */
    public record Frozen(MonthCompliance content, String hash) {
    }

    /** The month's frozen statement, if both parties accepted one. */
    public Optional<Frozen> frozen(UUID contractId, YearMonth month) {
        return store.find(contractId, month.atDay(1)).filter(s -> s.status == SlaStatement.State.FROZEN)
                .map(s -> new Frozen(CanonicalJson.read(s.content, MonthCompliance.class), s.contentHash));
    }

    private String content(String clientId, UUID contractId, YearMonth month) {
        MonthCompliance m = compliance.month(clientId, contractId, month, null);
        return CanonicalJson.write(m);
    }

    /** A month can be accepted once it is over everywhere (UTC+14 being the first zone to finish it). */
    private static void requireOver(YearMonth month, Instant now) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(12 * 3600);
        if (now.isBefore(end)) {
            throw ApiException.conflict("month-not-over", "Month " + month + " is not over yet; statements are "
                    + "accepted for finished months only");
        }
    }

    private StatementView view(String clientId, SlaStatement s) {
        YearMonth month = YearMonth.from(s.month);
        MonthCompliance content = CanonicalJson.read(s.content, MonthCompliance.class);
        Optional<Instant> last = compliance.lastIngestedAt(clientId, content);
        boolean late = last.isPresent() && last.get().isAfter(s.checkedAt);
        return new StatementView(s.id, s.contractId, month.toString(), s.status, s.contentHash, s.computedAt,
                s.providerAcceptedAt == null ? null
                        : new StatementView.Acceptance(s.providerAcceptedBy, s.providerAcceptedAt),
                s.clientAcceptedAt == null ? null : new StatementView.Acceptance(s.clientAcceptedBy, s.clientAcceptedAt),
                s.frozenAt, late, last.orElse(null), content);
    }
}
