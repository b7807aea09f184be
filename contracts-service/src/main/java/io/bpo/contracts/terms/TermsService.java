package io.bpo.contracts.terms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonDiff;
import io.bpo.contracts.contract.Contract;
import io.bpo.contracts.contract.ContractStatus;
import io.bpo.contracts.terms.ContractTerms.Pricing;
import io.bpo.contracts.terms.ContractTerms.PricingModel;
import io.bpo.contracts.terms.ContractTerms.Renewal;
import io.bpo.contracts.terms.ContractTerms.Term;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Effective-dated contract terms. Version 1 is the original agreement and may be rewritten while the contract is a
 * DRAFT; after that, terms change only by applying a two-party change request, which adds a version. Every version
 * stays readable, and "in force on D" has exactly one answer: the latest effective_from on or before D.
 */
@ApplicationScoped
@Transactional
public class TermsService {
    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    /** The original agreement of a new contract: the given terms, or a minimal draft from its dates. */
    public void createOriginal(Contract contract, ContractTerms terms) {
        ContractTerms original = terms != null ? terms : skeleton(contract);
        TermsRules.check(original, "terms");
        ContractVersion version = new ContractVersion();
        version.contractId = contract.id;
        version.number = 1;
        version.amendmentNumber = 0;
        version.effectiveFrom = original.term().startDate();
        version.terms = write(original);
        version.createdBy = caller.userName();
        version.persist();
    }

    /** Adds the next version (an amendment); called when both parties have approved a change request. */
    public ContractVersion amend(Contract contract, ContractTerms terms, LocalDate effectiveFrom, UUID changeRequestId) {
        TermsRules.check(terms, "terms");
        ContractVersion latest = latest(contract.id);
        ContractVersion version = new ContractVersion();
        version.contractId = contract.id;
        version.number = latest.number + 1;
        version.amendmentNumber = latest.amendmentNumber + 1;
        version.effectiveFrom = effectiveFrom;
        version.terms = write(terms);
        version.changeRequestId = changeRequestId;
        version.createdBy = caller.userName();
        version.persist();
        contract.endDate = terms.term().endDate();
        contract.noticePeriodDays = terms.term().noticePeriodDays();
        return version;
    }

    /** Rewrites the original agreement of a DRAFT contract (If-Match checked by the caller against its ETag). */
    public TermsView replaceDraft(Contract contract, String expectedEtag, ContractTerms terms) {
        if (contract.status != ContractStatus.DRAFT) {
            throw ApiException.conflict("contract-not-draft", "Contract " + contract.reference + " is "
                    + contract.status + ": its terms change only through a change request");
        }
        ContractVersion draft = latest(contract.id);
        if (!matches(draft, expectedEtag)) {
            throw new ApiException(412, "precondition-failed", "Precondition failed",
                    "The terms changed since you read them (If-Match does not match their ETag); fetch them again");
        }
        TermsRules.check(terms, "terms");
        draft.terms = write(terms);
        draft.effectiveFrom = terms.term().startDate();
        draft.flush();
        contract.startDate = terms.term().startDate();
        contract.endDate = terms.term().endDate();
        contract.noticePeriodDays = terms.term().noticePeriodDays();
        return view(contract, draft);
    }

    /** Keeps the draft's term in step when the contract's own dates are edited while it is a DRAFT. */
    public void syncDraftDates(Contract contract) {
        ContractVersion draft = latest(contract.id);
        ContractTerms terms = read(draft.terms);
        Term term = terms.term();
        ContractTerms updated = new ContractTerms(new Term(contract.startDate, contract.endDate,
                term.noticePeriodDays(), term.renewal(), term.renewalPeriodMonths()), terms.pricing(),
                terms.governance(), terms.calendars(), terms.scope(), terms.objectives(), terms.slas());
        TermsRules.check(updated, "terms");
        draft.terms = write(updated);
        draft.effectiveFrom = contract.startDate;
    }

    public ContractVersion latest(UUID contractId) {
        return ContractVersion.<ContractVersion>find("contractId", Sort.descending("number"), contractId)
                .firstResultOptional()
                .orElseThrow(() -> new IllegalStateException("Contract " + contractId + " has no terms"));
    }

    /** The version in force on a date: the latest effective on or before it; 404 before the contract starts. */
    public ContractVersion inForce(UUID contractId, LocalDate date) {
        return ContractVersion.<ContractVersion>find("contractId = ?1 and effectiveFrom <= ?2",
                        Sort.descending("effectiveFrom", "number"), contractId, date)
                .firstResultOptional()
                .orElseThrow(() -> new ApiException(404, "no-terms-in-force", "No terms in force",
                        "The contract has no terms in force on " + date));
    }

    public ContractVersion version(UUID contractId, int number) {
        return ContractVersion.<ContractVersion>find("contractId = ?1 and number = ?2", contractId, number)
                .firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Version", number));
    }

    public List<ContractVersion> versions(UUID contractId) {
        return ContractVersion.list("contractId", Sort.ascending("number"), contractId);
    }

    /** RFC 6902 operations that turn version {@code from}'s terms into version {@code to}'s. */
    public JsonNode diff(UUID contractId, int from, int to) {
        JsonNode source = tree(version(contractId, from).terms);
        JsonNode target = tree(version(contractId, to).terms);
        return JsonDiff.asJson(source, target);
    }

    /**
     * The terms in force over [from, to], as consecutive periods (a mid-range amendment splits the range):
     * what reporting needs to measure each day against the targets, calendars and fees of that day.
     */
    public List<TermsPeriod> inForceBetween(UUID contractId, LocalDate from, LocalDate to) {
        List<ContractVersion> all = ContractVersion.list("contractId",
                Sort.ascending("effectiveFrom", "number"), contractId);
        List<TermsPeriod> periods = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ContractVersion version = all.get(i);
            LocalDate start = version.effectiveFrom;
            LocalDate nextStart = null;
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(j).effectiveFrom.isAfter(start)) {
                    nextStart = all.get(j).effectiveFrom;
                    break;
                }
            }
            boolean supersededSameDay = i + 1 < all.size() && all.get(i + 1).effectiveFrom.equals(start);
            if (supersededSameDay) {
                continue;
            }
            LocalDate end = nextStart == null ? null : nextStart.minusDays(1);
            if ((end != null && end.isBefore(from)) || start.isAfter(to)) {
                continue;
            }
            LocalDate periodFrom = start.isBefore(from) ? from : start;
            LocalDate periodTo = end == null || end.isAfter(to) ? to : end;
            periods.add(new TermsPeriod(periodFrom, periodTo, version.number, version.amendmentNumber,
                    read(version.terms)));
        }
        return periods;
    }

    public TermsView view(Contract contract, ContractVersion version) {
        return new TermsView(contract.id, contract.tenantId, contract.reference, contract.title, contract.currency,
                contract.effectiveStatus(LocalDate.now(ZoneOffset.UTC)), version.number, version.amendmentNumber,
                version.effectiveFrom, null, read(version.terms));
    }

    /** The same document with the terms as stored, for the read path (no parse, no re-serialisation). */
    public StoredTermsView storedView(Contract contract, ContractVersion version) {
        return new StoredTermsView(contract.id, contract.tenantId, contract.reference, contract.title,
                contract.currency, contract.effectiveStatus(LocalDate.now(java.time.ZoneOffset.UTC)), version.number,
                version.amendmentNumber, version.effectiveFrom, version.terms);
    }

    /** If-Match against a version: its ETag ({@code *} never reaches here: the resource refuses it). */
    public static boolean matches(ContractVersion version, String ifMatch) {
        return etag(version).equals(ifMatch);
    }

    /** Weak validator of a version's content: its number and row version. */
    public static String etag(ContractVersion version) {
        return version.number + "." + version.version;
    }

    public ContractTerms read(String json) {
        try {
            return mapper.readValue(json, ContractTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored terms unreadable", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored terms unreadable", e);
        }
    }

    private String write(ContractTerms terms) {
        try {
            return mapper.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Terms not serialisable", e);
        }
    }

    /** Minimal draft terms built from a contract's dates, for a contract created without terms. */
    public static ContractTerms skeleton(Contract contract) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(contract.startDate, contract.endDate);
        return new ContractTerms(
                new Term(contract.startDate, contract.endDate, (int) Math.min(90, days), Renewal.EXPLICIT, null),
                new Pricing(PricingModel.FIXED_FEE, BigDecimal.ZERO, null, null, null, null),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
