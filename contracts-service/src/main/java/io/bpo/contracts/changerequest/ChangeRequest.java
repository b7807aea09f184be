package io.bpo.contracts.changerequest;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A proposed amendment of a contract's terms: the complete proposed document, the JSON Patch from its base version,
 * and each party's decision. The row version is the ETag every decision must name, so two decisions made on the
 * same reading cannot both succeed.
 */
@Entity
@Table(name = "change_requests")
public class ChangeRequest extends TenantOwnedEntity {
    @Column(name = "contract_id", nullable = false, updatable = false)
    public UUID contractId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ChangeRequestStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "raised_by_party", nullable = false, updatable = false)
    public Party raisedByParty;

    @Column(name = "raised_by", nullable = false, updatable = false)
    public String raisedBy;

    @Column(name = "reason", nullable = false, updatable = false)
    public String reason;

    @Column(name = "effective_from", nullable = false, updatable = false)
    public LocalDate effectiveFrom;

    /** ChangeCategory names, sorted. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "categories", nullable = false, updatable = false, columnDefinition = "text[]")
    public String[] categories;

    /** The version that was the latest when the request was raised: the terms the proposal changes. */
    @Column(name = "base_version_number", nullable = false, updatable = false)
    public int baseVersionNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "proposed_terms", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String proposedTerms;

    /** RFC 6902 operations turning the base version's terms into the proposed ones. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "patch", nullable = false, updatable = false, columnDefinition = "jsonb")
    public String patch;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_decision")
    public Verdict providerDecision;

    @Column(name = "provider_decided_by")
    public String providerDecidedBy;

    @Column(name = "provider_decided_at")
    public Instant providerDecidedAt;

    @Column(name = "provider_comment")
    public String providerComment;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_decision")
    public Verdict clientDecision;

    @Column(name = "client_decided_by")
    public String clientDecidedBy;

    @Column(name = "client_decided_at")
    public Instant clientDecidedAt;

    @Column(name = "client_comment")
    public String clientComment;

    /** Who closed it (the rejecting party's user, the withdrawing user, the last approver) and when. */
    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closing_comment")
    public String closingComment;

    @Column(name = "applied_version_number")
    public Integer appliedVersionNumber;

    @Column(name = "applied_amendment_number")
    public Integer appliedAmendmentNumber;

    @Column(name = "superseded_by_version_number")
    public Integer supersededByVersionNumber;

    Verdict decisionOf(Party party) {
        return party == Party.PROVIDER ? providerDecision : clientDecision;
    }

    void record(Party party, Verdict verdict, String user, Instant at, String comment) {
        if (party == Party.PROVIDER) {
            providerDecision = verdict;
            providerDecidedBy = user;
            providerDecidedAt = at;
            providerComment = comment;
        } else {
            clientDecision = verdict;
            clientDecidedBy = user;
            clientDecidedAt = at;
            clientComment = comment;
        }
    }

    boolean approvedByBoth() {
        return providerDecision == Verdict.APPROVED && clientDecision == Verdict.APPROVED;
    }

    void close(ChangeRequestStatus outcome, String user, Instant at, String comment) {
        status = outcome;
        closedBy = user;
        closedAt = at;
        closingComment = comment;
    }
}
