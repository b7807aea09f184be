package io.bpo.contracts.terms;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a contract's terms: number 1 is the original agreement (amendment 0), each applied change request
 * adds the next number with the next amendment number and its effective date. The terms are stored as the JSON
 * document clients read and write, so a version is exactly what both parties signed.
 */
@Entity
@Table(name = "contract_versions")
public class ContractVersion extends TenantOwnedEntity {
    @Column(name = "contract_id", nullable = false, updatable = false)
    public UUID contractId;

    @Column(name = "number", nullable = false, updatable = false)
    public int number;

    @Column(name = "amendment_number", nullable = false, updatable = false)
    public int amendmentNumber;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "terms", nullable = false, columnDefinition = "jsonb")
    public String terms;

    @Column(name = "change_request_id", updatable = false)
    public UUID changeRequestId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;
}
