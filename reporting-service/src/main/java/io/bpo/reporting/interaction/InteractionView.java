package io.bpo.reporting.interaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Interaction", description = "An interaction record as stored")
public record InteractionView(UUID id, String clientId, String externalId, Channel channel, String queue,
        Instant offeredAt, Instant answeredAt, Instant endedAt, Integer waitSeconds, Integer handleSeconds,
        boolean abandoned, boolean transferred, Boolean firstContactResolution, Integer csat,
        BigDecimal qualityScore, String agentId,
        @Schema(description = "When the service received the batch that carried this record") Instant receivedAt,
        @Schema(description = "When the record was stored") Instant createdAt) {

    static InteractionView of(Interaction i) {
        return new InteractionView(i.id, i.tenantId, i.externalId, i.channel, i.queue, i.offeredAt, i.answeredAt,
                i.endedAt, i.waitSeconds, i.handleSeconds, i.abandoned, i.transferred, i.firstContactResolution,
                i.csat, i.qualityScore, i.agentId, i.receivedAt, i.createdAt);
    }
}
