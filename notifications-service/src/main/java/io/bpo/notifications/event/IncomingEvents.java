package io.bpo.notifications.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A relay's batch, oldest first. */
public record IncomingEvents(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull IncomingEvent> events) {
}
