package io.bpo.contracts.changerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.contracts.contract.Contract;
import io.bpo.contracts.contract.ContractService;
import io.bpo.contracts.contract.ContractStatus;
import io.bpo.contracts.terms.ContractTerms;
import io.bpo.contracts.terms.ContractVersion;
import io.bpo.contracts.terms.TermsRules;
import io.bpo.contracts.terms.TermsService;
import io.bpo.contracts.terms.TermsView;
import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem.FieldError;
import io.bpo.kit.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Two-party amendments. A request proposes complete terms against the latest version (its base); each side decides
 * once (provider: account-manager, client: client-manager); the second approval applies it as the next version in
 * the same transaction, and every other pending request of the contract, now based on outdated terms, becomes
 * SUPERSEDED. Decisions lock the contract row, so two requests can never both be applied on the same base.
 * Every load goes through a tenant-filtered query; ids from the request are never used with findById or merge.
 */
@ApplicationScoped
@Transactional
public class ChangeRequestService {
    @Inject
    Caller caller;

    @Inject
    ContractService contracts;

    @Inject
    TermsService terms;

    @Inject
    Idempotency idempotency;

    @Inject
    ObjectMapper mapper;

    @Inject
    ChangeRequestEvents events;

    /** What an Idempotency-Key is bound to: the same body sent to another contract is another request. */
    record Raise(UUID contractId, NewChangeRequest request) {
    }

    record Proposal(UUID contractId, String ifMatch, TermsView document) {
    }

    public Idempotency.Outcome<ChangeRequestView> raise(UUID contractId, NewChangeRequest request,
            String idempotencyKey) {
        return idempotency.once(idempotencyKey, "change-request.raise", new Raise(contractId, request),
                ChangeRequestView.class, () -> view(raise(contracts.require(contractId), request.reason(),
                        request.effectiveFrom(), request.categories(), request.terms()), true));
    }

    /**
     * {@code PUT .../terms} on a running contract: the document becomes a change request, its effectiveFrom and
     * reason the request's. If-Match names the terms version the proposer read; it must still be the latest.
     */
    public Idempotency.Outcome<ChangeRequestView> proposeFromDocument(Contract contract, String expectedEtag,
            TermsView document, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "terms.propose", new Proposal(contract.id, expectedEtag, document),
                ChangeRequestView.class, () -> {
                    if (!TermsService.matches(terms.latest(contract.id), expectedEtag)) {
                        throw new ApiException(412, "precondition-failed", "Precondition failed",
                                "The terms changed since you read them (If-Match does not match their ETag); "
                                        + "fetch them again");
                    }
                    List<FieldError> errors = new ArrayList<>();
                    if (document.effectiveFrom() == null) {
                        errors.add(new FieldError("effectiveFrom",
                                "is required to propose a change to a running contract"));
                    }
                    if (document.reason() == null || document.reason().isBlank()) {
                        errors.add(new FieldError("reason", "is required to propose a change to a running contract"));
                    }
                    invalidIfAny(errors);
                    return view(raise(contract, document.reason(), document.effectiveFrom(), null,
                            document.terms()), true);
                });
    }

    private ChangeRequest raise(Contract contract, String reason, LocalDate effectiveFrom,
            List<ChangeCategory> declared, ContractTerms proposed) {
        Party party = Party.of(caller);
        ContractStatus status = contract.effectiveStatus(today());
        if (status == ContractStatus.DRAFT) {
            throw ApiException.conflict("contract-is-draft", "Contract " + contract.reference
                    + " is a DRAFT: edit its terms directly with PUT .../terms until it is activated");
        }
        requireRunning(contract, status);
        TermsRules.check(proposed, "terms");
        ContractVersion base = terms.latest(contract.id);
        ContractTerms baseTerms = terms.read(base.terms);

        List<FieldError> errors = new ArrayList<>();
        if (effectiveFrom.isBefore(base.effectiveFrom)) {
            errors.add(new FieldError("effectiveFrom", "must not be before " + base.effectiveFrom
                    + ", when the current version " + base.number + " took effect"));
        }
        if (effectiveFrom.isAfter(proposed.term().endDate())) {
            errors.add(new FieldError("effectiveFrom", "must not be after the proposed terms.term.endDate "
                    + proposed.term().endDate()));
        }
        if (!proposed.term().startDate().equals(baseTerms.term().startDate())) {
            errors.add(new FieldError("terms.term.startDate", "cannot move once the contract is running (it is "
                    + baseTerms.term().startDate() + ")"));
        }
        invalidIfAny(errors);

        JsonNode patch = TermsPatch.between(mapper, baseTerms, proposed);
        if (patch.isEmpty()) {
            throw ApiException.conflict("nothing-to-change",
                    "The proposed terms are those of version " + base.number + ": there is nothing to change");
        }
        Set<ChangeCategory> changed = TermsPatch.categories(patch);
        Set<ChangeCategory> categories = EnumSet.copyOf(changed);
        if (declared != null) {
            Set<ChangeCategory> omitted = EnumSet.copyOf(changed);
            omitted.removeAll(declared);
            if (!omitted.isEmpty()) {
                throw ApiException.badRequest("categories", "omits " + omitted + ", which the proposal changes");
            }
            categories.addAll(declared);
        }

        ChangeRequest request = new ChangeRequest();
        request.contractId = contract.id;
        request.status = ChangeRequestStatus.PENDING;
        request.raisedByParty = party;
        request.raisedBy = caller.userName();
        request.reason = reason;
        request.effectiveFrom = effectiveFrom;
        request.categories = categories.stream().map(Enum::name).toArray(String[]::new);
        request.baseVersionNumber = base.number;
        request.proposedTerms = write(proposed);
        request.patch = write(patch);
        request.persistAndFlush();
        events.awaitingDecision(contract, request);
        Log.infof("Change request %s on contract %s raised by %s (%s), %s from %s", request.id, contract.reference,
                request.raisedBy, party, categories, effectiveFrom);
        return request;
    }

    public ChangeRequestView get(UUID contractId, UUID id) {
        contracts.require(contractId);
        return view(require(contractId, id), true);
    }

    /** Oldest first, keyset-paged like contracts; optionally only one status. */
    public Page<ChangeRequestView> list(UUID contractId, ChangeRequestStatus status, String cursor, int limit) {
        contracts.require(contractId);
        Cursor after = Cursor.decode(cursor);
        StringBuilder where = new StringBuilder("contractId = :contract");
        Parameters parameters = Parameters.with("contract", contractId);
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (after != null) {
            where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            parameters.and("at", after.createdAt()).and("id", after.id());
        }
        List<ChangeRequest> rows = ChangeRequest.<ChangeRequest>find(where.toString(),
                Sort.by("createdAt").and("id"), parameters).page(0, limit + 1).list();
        String next = null;
        if (rows.size() > limit) {
            ChangeRequest last = rows.get(limit - 1);
            next = new Cursor(last.createdAt, last.id).encode();
        }
        return new Page<>(rows.stream().limit(limit).map(r -> view(r, false)).toList(), next);
    }

    /**
     * The caller's side approves. The raising side must approve explicitly too; the second approval applies the
     * change, creating the next version with the request's effective date.
     */
    public ChangeRequestView approve(UUID contractId, UUID id, long expectedVersion, DecisionNote note) {
        Contract contract = lockContract(contractId);
        ChangeRequest request = require(contractId, id);
        Party party = Party.of(caller);
        ETags.checkVersion(expectedVersion, request.version);
        requireUndecidedBy(request, party);
        requirePending(request);
        requireRunning(contract, contract.effectiveStatus(today()));
        ContractVersion latest = terms.latest(contractId);
        if (latest.number != request.baseVersionNumber) {
            throw stale(request, latest.number);
        }
        Instant now = now();
        request.record(party, Verdict.APPROVED, caller.userName(), now, comment(note));
        if (request.approvedByBoth()) {
            apply(contract, request, now);
            events.decided(contract, request);
        } else {
            events.awaitingDecision(contract, request);
        }
        request.flush();
        Log.infof("Change request %s approved by %s (%s)", request.id, caller.userName(), party);
        return view(request, true);
    }

    /** The caller's side rejects, with a comment; a rejected request is closed for good. */
    public ChangeRequestView reject(UUID contractId, UUID id, long expectedVersion, DecisionNote note) {
        Contract contract = lockContract(contractId);
        ChangeRequest request = require(contractId, id);
        Party party = Party.of(caller);
        String comment = comment(note);
        if (comment == null) {
            throw ApiException.badRequest("comment", "is required to reject a change request: say why");
        }
        ETags.checkVersion(expectedVersion, request.version);
        requireUndecidedBy(request, party);
        requirePending(request);
        Instant now = now();
        request.record(party, Verdict.REJECTED, caller.userName(), now, comment);
        request.close(ChangeRequestStatus.REJECTED, caller.userName(), now, null);
        request.flush();
        Log.infof("Change request %s on contract %s rejected by %s (%s)", request.id, contract.reference,
                caller.userName(), party);
        return view(request, true);
    }

    /** The raising side takes a pending request back. */
    public ChangeRequestView withdraw(UUID contractId, UUID id, long expectedVersion, DecisionNote note) {
        Contract contract = lockContract(contractId);
        ChangeRequest request = require(contractId, id);
        Party party = Party.of(caller);
        if (party != request.raisedByParty) {
            throw ApiException.forbidden("not-raising-party", "Only the " + request.raisedByParty
                    + " side, which raised this change request, may withdraw it; the " + party + " side may reject it");
        }
        ETags.checkVersion(expectedVersion, request.version);
        if (request.status != ChangeRequestStatus.PENDING) {
            throw closed(request);
        }
        request.close(ChangeRequestStatus.WITHDRAWN, caller.userName(), now(), comment(note));
        request.flush();
        events.decided(contract, request);
        Log.infof("Change request %s withdrawn by %s (%s)", request.id, caller.userName(), party);
        return view(request, true);
    }

    private void apply(Contract contract, ChangeRequest request, Instant now) {
        ContractVersion version = terms.amend(contract, terms.read(request.proposedTerms), request.effectiveFrom,
                request.id);
        request.appliedVersionNumber = version.number;
        request.appliedAmendmentNumber = version.amendmentNumber;
        request.close(ChangeRequestStatus.APPLIED, caller.userName(), now, null);
        List<ChangeRequest> outdated = ChangeRequest.list("contractId = ?1 and status = ?2 and id <> ?3",
                contract.id, ChangeRequestStatus.PENDING, request.id);
        for (ChangeRequest other : outdated) {
            other.supersededByVersionNumber = version.number;
            other.close(ChangeRequestStatus.SUPERSEDED, caller.userName(), now, null);
            events.decided(contract, other);
        }
        Log.infof("Change request %s applied to contract %s as version %d (amendment %d) from %s; %d superseded",
                request.id, contract.reference, version.number, version.amendmentNumber, request.effectiveFrom,
                outdated.size());
    }

    private static void requireUndecidedBy(ChangeRequest request, Party party) {
        Verdict decided = request.decisionOf(party);
        if (decided != null) {
            throw ApiException.conflict("already-decided", "The " + party + " side already " + decided
                    + " this change request; each side decides once");
        }
    }

    private static void requirePending(ChangeRequest request) {
        if (request.status == ChangeRequestStatus.SUPERSEDED) {
            throw stale(request, request.supersededByVersionNumber);
        }
        if (request.status != ChangeRequestStatus.PENDING) {
            throw closed(request);
        }
    }

    private static void requireRunning(Contract contract, ContractStatus status) {
        if (status != ContractStatus.ACTIVE && status != ContractStatus.SUSPENDED) {
            throw ApiException.conflict("contract-closed", "Contract " + contract.reference + " is " + status
                    + ": its terms no longer change");
        }
    }

    private static ApiException stale(ChangeRequest request, Integer newer) {
        return ApiException.conflict("stale-change-request", "Version " + newer + " was applied after version "
                + request.baseVersionNumber + ", which this change request amends; raise a new change request from "
                + "the current terms");
    }

    private static ApiException closed(ChangeRequest request) {
        return ApiException.conflict("change-request-closed", "This change request is " + request.status
                + (request.status == ChangeRequestStatus.REJECTED ? ", which is final" : "")
                + "; no further decision can be made on it");
    }

    /** The contract, locked until the end of the transaction: decisions on one contract's requests run one by one. */
    private static Contract lockContract(UUID contractId) {
        return Contract.<Contract>find("id", contractId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("Contract", contractId));
    }

    private static ChangeRequest require(UUID contractId, UUID id) {
        return ChangeRequest.<ChangeRequest>find("id = ?1 and contractId = ?2", id, contractId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Change request", id));
    }

    private ChangeRequestView view(ChangeRequest r, boolean detailed) {
        return new ChangeRequestView(r.id, r.contractId, r.tenantId, r.status, r.reason, r.effectiveFrom,
                Arrays.stream(r.categories).map(ChangeCategory::valueOf).sorted().toList(), r.raisedByParty,
                r.raisedBy, r.baseVersionNumber,
                decision(r.providerDecision, r.providerDecidedBy, r.providerDecidedAt, r.providerComment),
                decision(r.clientDecision, r.clientDecidedBy, r.clientDecidedAt, r.clientComment),
                r.closedBy, r.closedAt, r.closingComment, r.appliedVersionNumber, r.appliedAmendmentNumber,
                r.supersededByVersionNumber, r.version, r.createdAt, r.updatedAt,
                detailed ? tree(r.patch) : null, detailed ? terms.read(r.proposedTerms) : null);
    }

    private static ChangeRequestView.PartyDecision decision(Verdict verdict, String by, Instant at, String comment) {
        return verdict == null ? null : new ChangeRequestView.PartyDecision(verdict, by, at, comment);
    }

    private static String comment(DecisionNote note) {
        return note == null || note.comment() == null || note.comment().isBlank() ? null : note.comment().strip();
    }

    private static void invalidIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + " " + e.reason()).toList());
            throw new ApiException(400, "validation", "Invalid request", detail, errors);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not serialisable", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored patch unreadable", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
