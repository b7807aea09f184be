package io.bpo.knowledge.acknowledgement;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent assigned to the client: counted in acknowledgement coverage. */
@Schema(name = "RosterEntry")
public record RosterEntry(@Schema(example = "dave") String userName, @Schema(example = "carol") String addedBy,
        Instant addedAt) {
}
