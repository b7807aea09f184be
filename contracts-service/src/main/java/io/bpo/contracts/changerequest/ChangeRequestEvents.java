package io.bpo.contracts.changerequest;

import io.bpo.contracts.contract.Contract;
import io.bpo.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change request's life tells the people concerned, recorded in the outbox with the change itself:
 * {@code change-request.awaiting-decision} names the sides still to decide, {@code change-request.decided} the
 * outcome once the request is closed.
 */
@ApplicationScoped
public class ChangeRequestEvents {
    public static final String AWAITING_DECISION = "change-request.awaiting-decision";
    public static final String DECIDED = "change-request.decided";

    @Inject
    Outbox outbox;

    void awaitingDecision(Contract contract, ChangeRequest request) {
        List<String> awaiting = Arrays.stream(Party.values()).filter(p -> request.decisionOf(p) == null)
                .map(Enum::name).toList();
        Map<String, Object> data = facts(contract, request);
        data.put("awaitingParties", awaiting);
        outbox.record(AWAITING_DECISION, request.id, data);
    }

    void decided(Contract contract, ChangeRequest request) {
        Map<String, Object> data = facts(contract, request);
        data.put("outcome", request.status.name());
        data.put("closedBy", request.closedBy);
        if (request.appliedVersionNumber != null) {
            data.put("appliedVersionNumber", request.appliedVersionNumber);
        }
        outbox.record(DECIDED, request.id, data);
    }

    private static Map<String, Object> facts(Contract contract, ChangeRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changeRequestId", request.id);
        data.put("contractId", contract.id);
        data.put("contractReference", contract.reference);
        data.put("raisedBy", request.raisedBy);
        data.put("raisedByParty", request.raisedByParty.name());
        data.put("effectiveFrom", request.effectiveFrom.toString());
        data.put("link", "/clients/" + request.tenantId + "/contracts/" + contract.id + "/change-requests/"
                + request.id);
        return data;
    }
}
