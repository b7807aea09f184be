package io.bpo.knowledge.acknowledgement;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's "read and understood" of one published version. */
@Schema(name = "Acknowledgement")
public record Acknowledgement(UUID articleId, int version, String agentName, Instant acknowledgedAt) {
}
