package io.bpo.knowledge.transfer;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The plan that moves a contract's know-how from the client to the provider, up to go-live. */
@Entity
@Table(name = "transfer_plans")
public class TransferPlan extends TenantOwnedEntity {
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String LIVE = "LIVE";

    @Column(name = "contract_id", nullable = false, updatable = false)
    public String contractId;

    @Column(name = "title", nullable = false)
    public String title;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "client_signoff_by")
    public String clientSignoffBy;

    @Column(name = "client_signoff_at")
    public Instant clientSignoffAt;

    @Column(name = "provider_signoff_by")
    public String providerSignoffBy;

    @Column(name = "provider_signoff_at")
    public Instant providerSignoffAt;

    @Column(name = "live_at")
    public Instant liveAt;
}
