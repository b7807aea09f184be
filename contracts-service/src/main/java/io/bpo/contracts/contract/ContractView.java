package io.bpo.contracts.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ContractView(UUID id, String clientId, String reference, String title, EngagementType engagementType,
        DeliveryModel deliveryModel, String deliveryCountry, DeliveryLocation deliveryLocation, LocalDate startDate,
        LocalDate endDate, Integer noticePeriodDays, String currency, ContractStatus status, long version,
        Instant createdAt, Instant updatedAt) {

    static ContractView of(Contract c) {
        return new ContractView(c.id, c.tenantId, c.reference, c.title, c.engagementType, c.deliveryModel,
                c.deliveryCountry, c.deliveryLocation, c.startDate, c.endDate, c.noticePeriodDays, c.currency,
                c.effectiveStatus(java.time.LocalDate.now(java.time.ZoneOffset.UTC)), c.version,
                c.createdAt, c.updatedAt);
    }
}
