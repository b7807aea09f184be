package io.bpo.notifications.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.bpo.kit.security.Roles;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events the platform tells people about: who they concern (roles of the event's client) and whether e-mail
 * reaches those people unless they chose otherwise. In-app is on by default for every type.
 */
public enum EventType {
    CHANGE_REQUEST_AWAITING_DECISION("change-request.awaiting-decision", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    CHANGE_REQUEST_DECIDED("change-request.decided", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    STATEMENT_READY("statement.ready", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    SLA_BREACHED("sla.breached", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    SLA_AT_RISK("sla.at-risk", Roles.ACCOUNT_MANAGER),
    GO_LIVE_SIGNED("transfer-plan.go-live-signed", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER, Roles.AGENT),
    TRANSFER_TASK_OVERDUE("transfer-task.overdue", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    ARTICLE_REVIEW_OVERDUE("article.review-overdue", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    REACKNOWLEDGEMENT_REQUIRED("article.reacknowledgement-required", Roles.AGENT),
    DEADLINE_APPROACHING("contract.deadline-approaching", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER),
    WEBHOOK_DISABLED("webhook.disabled", Roles.CLIENT_MANAGER, Roles.ACCOUNT_MANAGER);

    private final String wireName;
    private final List<String> roles;

    EventType(String wireName, String... roles) {
        this.wireName = wireName;
        this.roles = List.of(roles);
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    /** Every role this type may ever concern: what preferences are offered for. */
    public List<String> roles() {
        return roles;
    }

    /**
     * The roles one event concerns. A change request awaiting a decision concerns only the sides still to decide:
     * account managers for the provider, client managers for the client.
     */
    public Set<String> audience(JsonNode data) {
        if (this == CHANGE_REQUEST_AWAITING_DECISION && data.path("awaitingParties").isArray()) {
            Set<String> awaited = new LinkedHashSet<>();
            data.path("awaitingParties").forEach(party -> {
                if ("CLIENT".equals(party.asText())) {
                    awaited.add(Roles.CLIENT_MANAGER);
                } else if ("PROVIDER".equals(party.asText())) {
                    awaited.add(Roles.ACCOUNT_MANAGER);
                }
            });
            return awaited;
        }
        return new LinkedHashSet<>(roles);
    }

    /** Agents get many notices about articles; only the one that asks them to act reaches their inbox by default. */
    public boolean emailByDefault(Set<String> personRoles) {
        if (this == REACKNOWLEDGEMENT_REQUIRED) {
            return true;
        }
        return roles.stream().anyMatch(role -> !Roles.AGENT.equals(role) && personRoles.contains(role));
    }
}
