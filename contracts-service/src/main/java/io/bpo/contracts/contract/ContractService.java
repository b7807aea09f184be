package io.bpo.contracts.contract;

import io.bpo.contracts.client.ClientService;
import io.bpo.contracts.terms.ContractTerms;
import io.bpo.contracts.terms.TermsRules;
import io.bpo.contracts.terms.TermsService;
import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Contracts of the tenant bound to the request. Every load goes through a tenant-filtered query (never
 * {@code findById}/{@code getReference} on an id from the request), so another client's id is simply not found.
 */
@ApplicationScoped
@Transactional
public class ContractService {
    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ClientService clients;

    @Inject
    TermsService terms;

    @Inject
    Idempotency idempotency;

    public Idempotency.Outcome<ContractView> create(ContractDetails details, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "contract.create", details, ContractView.class, () -> {
            clients.requireExists(tenant.require());
            requireUniqueReference(details.reference(), null);
            Contract contract = new Contract();
            contract.apply(details);
            contract.status = ContractStatus.DRAFT;
            // The term comes from the terms, given or drafted; they are checked before the insert, so a term ending
            // before it starts is a 400 on terms.term.endDate rather than a refusal by the table's check constraint.
            ContractTerms original = details.terms() != null ? details.terms() : TermsService.skeleton(contract);
            TermsRules.check(original, "terms");
            contract.startDate = original.term().startDate();
            contract.endDate = original.term().endDate();
            contract.noticePeriodDays = original.term().noticePeriodDays();
            contract.persistAndFlush();
            terms.createOriginal(contract, original);
            Log.infof("Contract %s (%s) created for client %s", contract.id, contract.reference, tenant.require());
            return ContractView.of(contract);
        });
    }

    public ContractView get(UUID id) {
        return ContractView.of(require(id));
    }

    public Page<ContractView> list(String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        List<Contract> rows = after == null
                ? Contract.<Contract>findAll(Sort.by("createdAt").and("id")).page(0, limit + 1).list()
                : Contract.<Contract>find("createdAt > :at or (createdAt = :at and id > :id)",
                        Sort.by("createdAt").and("id"), Parameters.with("at", after.createdAt()).and("id", after.id()))
                        .page(0, limit + 1).list();
        String next = null;
        if (rows.size() > limit) {
            Contract last = rows.get(limit - 1);
            next = new Cursor(last.createdAt, last.id).encode();
        }
        return new Page<>(rows.stream().limit(limit).map(ContractView::of).toList(), next);
    }

    /**
     * Edits the contract's identity. Its dates belong to the terms: they may move with this call only while the
     * contract is a DRAFT (the draft terms follow); afterwards they change through a change request.
     */
    public ContractView update(UUID id, long expectedVersion, ContractDetails details) {
        if (details.terms() != null) {
            throw ApiException.badRequest("terms", "is read and written at .../terms, not here");
        }
        Contract contract = require(id);
        ETags.checkVersion(expectedVersion, contract.version);
        ContractStatus status = contract.effectiveStatus(today());
        if (status == ContractStatus.TERMINATED || status == ContractStatus.EXPIRED) {
            throw ApiException.conflict("contract-closed", "Contract " + contract.reference + " is " + status);
        }
        boolean datesMove = !details.startDate().equals(contract.startDate)
                || !Objects.equals(details.endDate(), contract.endDate);
        if (contract.status != ContractStatus.DRAFT) {
            List<Problem.FieldError> agreed = agreementFieldsChanged(contract, details);
            if (!agreed.isEmpty()) {
                throw new ApiException(409, "contract-not-draft", "Conflict", "Only reference and title of an "
                        + contract.status + " contract are edited here; what both parties agreed changes through a "
                        + "change request (PUT .../terms)", agreed);
            }
        }
        requireUniqueReference(details.reference(), id);
        contract.apply(details);
        if (datesMove) {
            terms.syncDraftDates(contract);
        }
        contract.flush();
        return ContractView.of(contract);
    }

    /** The fields of the agreement (what, how, where, when, in which currency) that the edit would change. */
    private static List<Problem.FieldError> agreementFieldsChanged(Contract contract, ContractDetails details) {
        List<Problem.FieldError> changed = new ArrayList<>();
        String why = "part of the agreement: changes through a change request";
        if (details.engagementType() != contract.engagementType) {
            changed.add(new Problem.FieldError("engagementType", why));
        }
        if (details.deliveryModel() != contract.deliveryModel) {
            changed.add(new Problem.FieldError("deliveryModel", why));
        }
        if (!details.deliveryCountry().equals(contract.deliveryCountry)) {
            changed.add(new Problem.FieldError("deliveryCountry", why));
        }
        if (details.deliveryLocation() != contract.deliveryLocation) {
            changed.add(new Problem.FieldError("deliveryLocation", why));
        }
        if (!details.currency().equals(contract.currency)) {
            changed.add(new Problem.FieldError("currency", why));
        }
        if (!details.startDate().equals(contract.startDate)) {
            changed.add(new Problem.FieldError("startDate", why));
        }
        if (!Objects.equals(details.endDate(), contract.endDate)) {
            changed.add(new Problem.FieldError("endDate", why));
        }
        return changed;
    }

    /**
     * Moves the lifecycle: DRAFT → ACTIVE → SUSPENDED ⇄ ACTIVE → TERMINATED; anything else is a 409. {@code from},
     * when given, is the only status the move starts from (activate: DRAFT, resume: SUSPENDED), since both end ACTIVE.
     */
    public ContractView transition(UUID id, long expectedVersion, ContractStatus from, ContractStatus next) {
        Contract contract = require(id);
        ETags.checkVersion(expectedVersion, contract.version);
        ContractStatus current = contract.effectiveStatus(today());
        if (!current.mayBecome(next) || (from != null && current != from)) {
            throw ApiException.conflict("illegal-transition",
                    "Contract " + contract.reference + " is " + current + " and cannot become " + next);
        }
        if (next == ContractStatus.ACTIVE && current == ContractStatus.DRAFT
                && terms.read(terms.latest(id).terms).scope().stream().noneMatch(s -> s.inScope())) {
            throw ApiException.conflict("terms-incomplete",
                    "A contract is activated once its terms name at least one process in scope");
        }
        contract.status = next;
        contract.flush();
        Log.infof("Contract %s %s -> %s by %s", contract.reference, current, next, caller.userName());
        return ContractView.of(contract);
    }

    /** Notice and end dates of running contracts falling within the next {@code withinDays} days, soonest first. */
    public List<Deadline> deadlines(int withinDays) {
        LocalDate today = today();
        LocalDate horizon = today.plusDays(withinDays);
        List<Deadline> deadlines = new ArrayList<>();
        for (Contract c : Contract.<Contract>list("status in ?1",
                List.of(ContractStatus.DRAFT, ContractStatus.ACTIVE, ContractStatus.SUSPENDED))) {
            if (c.effectiveStatus(today) == ContractStatus.EXPIRED) {
                continue;
            }
            if (c.noticePeriodDays != null) {
                addIfWithin(deadlines, c, Deadline.Kind.NOTICE, c.endDate.minusDays(c.noticePeriodDays), today, horizon);
            }
            addIfWithin(deadlines, c, Deadline.Kind.END, c.endDate, today, horizon);
        }
        deadlines.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::reference));
        return deadlines;
    }

    private static void addIfWithin(List<Deadline> deadlines, Contract c, Deadline.Kind kind, LocalDate date,
            LocalDate today, LocalDate horizon) {
        if (!date.isBefore(today) && !date.isAfter(horizon)) {
            deadlines.add(new Deadline(c.id, c.reference, c.title, kind, date, ChronoUnit.DAYS.between(today, date)));
        }
    }

    /** The contract with this id for the bound tenant, loaded through a tenant-filtered query; 404 otherwise. */
    public Contract require(UUID id) {
        return Contract.<Contract>find("id", id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Contract", id));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private void requireUniqueReference(String reference, UUID except) {
        long clashes = except == null
                ? Contract.count("reference", reference)
                : Contract.count("reference = ?1 and id <> ?2", reference, except);
        if (clashes > 0) {
            throw ApiException.conflict("contract-reference-taken",
                    "Another contract of this client already has reference " + reference);
        }
    }
}
