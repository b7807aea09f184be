package io.bpo.knowledge.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransferPlan")
public record PlanView(UUID id, String clientId, String contractId, String title,
        @Schema(description = "IN_PROGRESS until both sides signed go-live off, then LIVE") String status,
        String clientSignoffBy, Instant clientSignoffAt, String providerSignoffBy, Instant providerSignoffAt,
        Instant liveAt, long version,
        @Schema(description = "Readiness of each phase, in order") List<PhaseReadiness> phases,
        @Schema(description = "Whether go-live may be signed off now") boolean readyForGoLive,
        @Schema(description = "Why not, one sentence per unmet criterion") List<String> unmet,
        List<TaskView> tasks) {

    @Schema(name = "PhaseReadiness")
    public record PhaseReadiness(Phase phase, int tasks, int done,
            @Schema(description = "done / tasks; 1 for a phase without tasks") double completion,
            @Schema(description = "Articles linked to the phase's tasks") int linkedArticles,
            @Schema(description = "Lowest acknowledgement coverage among them; 1 when none") double articleCoverage,
            @Schema(description = "Every task done and every linked article fully acknowledged") boolean ready) {
    }

    @Schema(name = "TransferTask")
    public record TaskView(UUID id, UUID planId, Phase phase, String title, Side ownerSide, String assignee,
            LocalDate dueDate, TaskStatus status, List<UUID> articleIds,
            @Schema(description = "Past its due date and not done") boolean overdue, long version) {

        static TaskView of(TransferTask t, LocalDate today) {
            return new TaskView(t.id, t.planId, t.phase, t.title, t.ownerSide, t.assignee, t.dueDate, t.status,
                    List.copyOf(t.articleIds), t.status != TaskStatus.DONE && t.dueDate != null
                            && t.dueDate.isBefore(today), t.version);
        }
    }
}
