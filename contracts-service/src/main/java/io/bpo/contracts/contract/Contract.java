package io.bpo.contracts.contract;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** What a client outsourced and on what terms. Later issues add scope, SLAs and amendments around it. */
@Entity
@Table(name = "contracts")
public class Contract extends TenantOwnedEntity {
    @Column(name = "reference", nullable = false)
    public String reference;

    @Column(name = "title", nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "engagement_type", nullable = false)
    public EngagementType engagementType;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_model", nullable = false)
    public DeliveryModel deliveryModel;

    @Column(name = "delivery_country", nullable = false)
    public String deliveryCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_location", nullable = false)
    public DeliveryLocation deliveryLocation;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "currency", nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public ContractStatus status;

    /** From the terms in force; kept here so deadlines are listed without reading every terms document. */
    @Column(name = "notice_period_days")
    public Integer noticePeriodDays;

    /**
     * The status as of a date: an ACTIVE or SUSPENDED contract past its end date is EXPIRED. Computed rather than
     * written by a job, so it is right at any instant and needs no cross-tenant process.
     */
    public ContractStatus effectiveStatus(LocalDate today) {
        return status.asOf(today, endDate);
    }

    void apply(ContractDetails terms) {
        reference = terms.reference();
        title = terms.title();
        engagementType = terms.engagementType();
        deliveryModel = terms.deliveryModel();
        deliveryCountry = terms.deliveryCountry();
        deliveryLocation = terms.deliveryLocation();
        startDate = terms.startDate();
        endDate = terms.endDate();
        currency = terms.currency();
    }
}
