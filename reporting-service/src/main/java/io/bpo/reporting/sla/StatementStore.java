package io.bpo.reporting.sla;

import io.bpo.kit.problem.ApiException;
import io.bpo.outbox.Outbox;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Statement storage, in short transactions bound to the request's tenant; loads are tenant-filtered queries. */
@ApplicationScoped
@Transactional
public class StatementStore {
    public enum Party { PROVIDER, CLIENT }

    @Inject
    Outbox outbox;

    public Optional<SlaStatement> find(UUID contractId, LocalDate month) {
        return SlaStatement.<SlaStatement>find("contractId = ?1 and month = ?2", contractId, month)
                .firstResultOptional();
    }

    private SlaStatement lock(UUID contractId, LocalDate month) {
        return SlaStatement.<SlaStatement>find("contractId = ?1 and month = ?2", contractId, month)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Statement", contractId + "/" + month.toString().substring(0, 7)));
    }

    /** The first acceptance creates the statement with the content that party accepted. */
    public SlaStatement create(UUID contractId, LocalDate month, String content, Party party, String who,
            Instant now) {
        SlaStatement s = new SlaStatement();
        s.contractId = contractId;
        s.month = month;
        s.status = SlaStatement.State.OPEN;
        s.content = content;
        s.contentHash = CanonicalJson.sha256(content);
        s.computedAt = now;
        s.checkedAt = now;
        record(s, party, who, now);
        s.persistAndFlush();
        announce(s, party);
        return s;
    }

    /**
     * A month's statement exists from its first acceptance: the other side is asked to accept it, and each SLA the
     * closed month breached is told (events recorded with the statement, module outbox).
     */
    private void announce(SlaStatement s, Party acceptedBy) {
        MonthCompliance month = CanonicalJson.read(s.content, MonthCompliance.class);
        String link = "/clients/" + s.tenantId + "/reporting/contracts/" + s.contractId + "/statements/"
                + month.month();
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("contractId", s.contractId);
        ready.put("contractReference", month.reference());
        ready.put("period", month.month());
        ready.put("breaches", month.breaches());
        ready.put("acceptedBy", acceptedBy.name());
        ready.put("awaitingParty", acceptedBy == Party.PROVIDER ? Party.CLIENT.name() : Party.PROVIDER.name());
        ready.put("link", link);
        outbox.record("statement.ready", s.id, ready);
        for (MonthlySla sla : month.slas()) {
            if ("BREACHED".equals(String.valueOf(sla.status()))) {
                outbox.record("sla.breached", s.id + "/" + sla.slaKey(), Map.of("contractId", s.contractId,
                        "contractReference", month.reference(), "period", month.month(), "slaKey", sla.slaKey(),
                        "sla", sla.name() == null ? sla.slaKey() : sla.name(), "link", link));
            }
        }
    }

    public SlaStatement accept(UUID contractId, LocalDate month, Party party, String who, Instant now) {
        SlaStatement s = lock(contractId, month);
        if (s.status == SlaStatement.State.FROZEN) {
            throw ApiException.conflict("statement-frozen", "The statement is frozen: both parties accepted it");
        }
        if ((party == Party.PROVIDER ? s.providerAcceptedAt : s.clientAcceptedAt) != null) {
            throw ApiException.conflict("already-accepted",
                    "The " + party.name().toLowerCase() + " side already accepted this statement");
        }
        record(s, party, who, now);
        if (s.providerAcceptedAt != null && s.clientAcceptedAt != null) {
            s.status = SlaStatement.State.FROZEN;
            s.frozenAt = now;
        }
        return s;
    }

    private static void record(SlaStatement s, Party party, String who, Instant now) {
        if (party == Party.PROVIDER) {
            s.providerAcceptedBy = who;
            s.providerAcceptedAt = now;
        } else {
            s.clientAcceptedBy = who;
            s.clientAcceptedAt = now;
        }
    }

    /**
     * Logs the recompute; new numbers re-open the statement (acceptances cleared: both parties accept again), the
     * same numbers leave it as it was, only marked as checked.
     */
    public SlaStatement recompute(UUID contractId, LocalDate month, String content, String reason, String who,
            Instant now) {
        SlaStatement s = lock(contractId, month);
        String hash = CanonicalJson.sha256(content);
        StatementRecomputation log = new StatementRecomputation();
        log.id = UUID.randomUUID();
        log.statementId = s.id;
        log.requestedBy = who;
        log.requestedAt = now;
        log.reason = reason;
        log.statusBefore = s.status.name();
        log.beforeHash = s.contentHash;
        log.afterHash = hash;
        log.beforeContent = s.content;
        log.afterContent = content;
        log.persist();
        s.checkedAt = now;
        if (!hash.equals(s.contentHash)) {
            s.status = SlaStatement.State.OPEN;
            s.frozenAt = null;
            s.providerAcceptedBy = null;
            s.providerAcceptedAt = null;
            s.clientAcceptedBy = null;
            s.clientAcceptedAt = null;
            s.content = content;
            s.contentHash = hash;
            s.computedAt = now;
        }
        return s;
    }

    public List<StatementRecomputation> recomputations(UUID statementId) {
        return StatementRecomputation.<StatementRecomputation>find("statementId = ?1 order by requestedAt, id",
                statementId).list();
    }
}
