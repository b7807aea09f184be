package io.bpo.knowledge.transfer;

import io.bpo.knowledge.acknowledgement.AcknowledgementService;
import io.bpo.knowledge.article.ArticleService;
import io.bpo.kit.http.ETags;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.outbox.Outbox;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Knowledge-transfer plans. Readiness is computed on every read from the tasks and the acknowledgement coverage of
 * the articles they link, never stored, so it cannot drift; go-live needs each side's sign-off (client-manager for
 * the client, account-manager for the provider) and each is refused while a phase before go-live is not ready.
 */
@ApplicationScoped
@Transactional
public class TransferPlanService {
    /** Events recorded with the change (module outbox): go-live signed. */
    @Inject
    Outbox outbox;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ArticleService articles;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    EntityManager em;

    public PlanView create(NewPlan request) {
        TransferPlan plan = new TransferPlan();
        plan.contractId = request.contractId();
        plan.title = request.title();
        plan.status = TransferPlan.IN_PROGRESS;
        plan.persistAndFlush();
        Log.infof("Transfer plan %s for contract %s of client %s created by %s", plan.id, plan.contractId,
                tenant.require(), caller.userName());
        return view(plan);
    }

    public List<PlanView> list(String contractId) {
        List<TransferPlan> plans = contractId == null
                ? TransferPlan.<TransferPlan>find("order by createdAt, id").page(0, 200).list()
                : TransferPlan.<TransferPlan>find("contractId = ?1 order by createdAt, id", contractId).page(0, 200).list();
        return plans.stream().map(this::view).toList();
    }

    public PlanView get(UUID id) {
        return view(find(id));
    }

    public PlanView.TaskView addTask(UUID planId, NewTask request) {
        TransferPlan plan = find(planId);
        TransferTask task = new TransferTask();
        task.planId = plan.id;
        write(task, request);
        task.persistAndFlush();
        return PlanView.TaskView.of(task, today());
    }

    public PlanView.TaskView updateTask(UUID planId, UUID taskId, long expectedVersion, NewTask request) {
        TransferPlan plan = find(planId);
        TransferTask task = TransferTask.<TransferTask>find("id = ?1 and planId = ?2", taskId, plan.id).firstResult();
        if (task == null) {
            throw ApiException.notFound("Task", taskId);
        }
        ETags.checkVersion(expectedVersion, task.version);
        write(task, request);
        em.flush();
        return PlanView.TaskView.of(task, today());
    }

    public List<PlanView.TaskView> overdueTasks(UUID planId) {
        TransferPlan plan = find(planId);
        LocalDate today = today();
        return TransferTask.<TransferTask>find("planId = ?1 and status <> ?2 and dueDate < ?3 order by dueDate, id",
                plan.id, TaskStatus.DONE, today).list().stream().map(t -> PlanView.TaskView.of(t, today)).toList();
    }

    /** The caller's side approves go-live; refused while readiness criteria are unmet. LIVE once both approved. */
    public PlanView signOff(UUID planId) {
        TransferPlan plan = find(planId);
        em.lock(plan, LockModeType.PESSIMISTIC_WRITE);
        Side side = caller.hasRole(Roles.CLIENT_MANAGER) ? Side.CLIENT : Side.PROVIDER;
        if (TransferPlan.LIVE.equals(plan.status)) {
            throw ApiException.conflict("already-live", "Plan " + planId + " went live at " + plan.liveAt);
        }
        if ((side == Side.CLIENT ? plan.clientSignoffAt : plan.providerSignoffAt) != null) {
            throw ApiException.conflict("already-signed", "The " + side.name().toLowerCase()
                    + " side already signed go-live off for plan " + planId);
        }
        PlanView current = view(plan);
        if (!current.readyForGoLive()) {
            throw new ApiException(409, "readiness-unmet", "Conflict",
                    "Go-live cannot be signed off yet: " + String.join("; ", current.unmet()));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (side == Side.CLIENT) {
            plan.clientSignoffBy = caller.userName();
            plan.clientSignoffAt = now;
        } else {
            plan.providerSignoffBy = caller.userName();
            plan.providerSignoffAt = now;
        }
        if (plan.clientSignoffAt != null && plan.providerSignoffAt != null) {
            plan.status = TransferPlan.LIVE;
            plan.liveAt = now;
            Log.infof("Transfer plan %s of client %s is live", plan.id, tenant.require());
            outbox.record("transfer-plan.go-live-signed", plan.id, Map.of("planId", plan.id, "planTitle", plan.title,
                    "contractId", plan.contractId, "clientSignedBy", plan.clientSignoffBy,
                    "providerSignedBy", plan.providerSignoffBy, "liveAt", now.toString(),
                    "link", "/clients/" + tenant.require() + "/knowledge/transfer-plans/" + plan.id));
        }
        em.flush();
        return view(plan);
    }

    private void write(TransferTask task, NewTask request) {
        List<UUID> linked = request.articleIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.articleIds()));
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < linked.size(); i++) {
            if (articles.findReadable(linked.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError("articleIds[" + i + "]", "no such article for this client"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "validation", "Invalid request",
                    "Linked articles must be this client's articles", errors);
        }
        task.phase = request.phase();
        task.title = request.title();
        task.ownerSide = request.ownerSide();
        task.assignee = request.assignee();
        task.dueDate = request.dueDate();
        task.status = request.status() == null ? TaskStatus.TODO : request.status();
        task.articleIds = new ArrayList<>(linked);
    }

    private TransferPlan find(UUID id) {
        TransferPlan plan = TransferPlan.<TransferPlan>find("id", id).firstResult();
        if (plan == null) {
            throw ApiException.notFound("Transfer plan", id);
        }
        return plan;
    }

    private PlanView view(TransferPlan plan) {
        LocalDate today = today();
        List<TransferTask> tasks = TransferTask.<TransferTask>find("planId = ?1 order by phase, createdAt, id", plan.id)
                .list();
        tasks.sort((a, b) -> a.phase != b.phase ? a.phase.compareTo(b.phase) : 0);
        Map<UUID, Double> coverage = new HashMap<>();
        List<PlanView.PhaseReadiness> phases = new ArrayList<>();
        List<String> unmet = new ArrayList<>();
        int tasksBeforeGoLive = 0;
        for (Phase phase : Phase.values()) {
            List<TransferTask> inPhase = tasks.stream().filter(t -> t.phase == phase).toList();
            int done = (int) inPhase.stream().filter(t -> t.status == TaskStatus.DONE).count();
            LinkedHashSet<UUID> linked = new LinkedHashSet<>();
            inPhase.forEach(t -> linked.addAll(t.articleIds));
            double lowest = 1.0;
            for (UUID article : linked) {
                lowest = Math.min(lowest, coverage.computeIfAbsent(article, acknowledgements::coverageRatio));
            }
            boolean ready = done == inPhase.size() && lowest >= 1.0;
            phases.add(new PlanView.PhaseReadiness(phase, inPhase.size(), done,
                    inPhase.isEmpty() ? 1.0 : Math.round(1000.0 * done / inPhase.size()) / 1000.0, linked.size(),
                    lowest, ready));
            if (phase.beforeGoLive()) {
                tasksBeforeGoLive += inPhase.size();
                if (done < inPhase.size()) {
                    unmet.add(phase + ": " + (inPhase.size() - done) + " of " + inPhase.size() + " tasks not done");
                }
                if (lowest < 1.0) {
                    unmet.add(phase + ": linked articles not acknowledged by every assigned agent (lowest coverage "
                            + lowest + ")");
                }
            }
        }
        if (tasksBeforeGoLive == 0) {
            unmet.add("the plan has no task before go-live");
        }
        if (!acknowledgements.anyoneAssigned()) {
            unmet.add("no agent is on the client's roster: nobody has been trained yet");
        }
        return new PlanView(plan.id, plan.tenantId, plan.contractId, plan.title, plan.status, plan.clientSignoffBy,
                plan.clientSignoffAt, plan.providerSignoffBy, plan.providerSignoffAt, plan.liveAt, plan.version,
                phases, unmet.isEmpty(), unmet, tasks.stream().map(t -> PlanView.TaskView.of(t, today)).toList());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
