package io.bpo.contracts.client;

import io.bpo.kit.http.Page;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The clients registry: who the tenants are. Only cross-tenant roles onboard; everyone sees their own clients. */
@ApplicationScoped
@Transactional
public class ClientService {
    @Inject
    Caller caller;

    /** The clients the caller's token lists, or every client for a cross-tenant role; keyset-paged by id. */
    public Page<ClientView> visible(String after, int limit) {
        String from = after == null ? "" : after;
        List<Client> page;
        if (caller.mayCrossTenants()) {
            page = Client.<Client>find("id > ?1", Sort.by("id"), from).page(0, limit + 1).list();
        } else if (caller.tenants().isEmpty()) {
            page = List.of();
        } else {
            page = Client.<Client>find("id > ?1 and id in ?2", Sort.by("id"), from, caller.tenants())
                    .page(0, limit + 1).list();
        }
        String next = page.size() > limit ? page.get(limit - 1).id : null;
        return new Page<>(page.stream().limit(limit).map(ClientView::of).toList(), next);
    }

    public ClientView get(String clientId) {
        return ClientView.of(find(clientId));
    }

    public ClientView onboard(NewClient request) {
        if (Client.count("id", request.id()) > 0) {
            throw ApiException.conflict("client-exists", "Client " + request.id() + " already exists");
        }
        Client client = new Client();
        client.id = request.id();
        client.legalName = request.legalName();
        client.country = request.country();
        client.sector = request.sector();
        client.status = ClientStatus.ACTIVE;
        client.persist();
        Log.infof("Client %s onboarded by %s", client.id, caller.userName());
        return ClientView.of(client);
    }

    /** Contracts and other records hang off a registered client; an unknown one is a 404, not an orphan row. */
    public void requireExists(String clientId) {
        find(clientId);
    }

    /** Loads through a filtered query: the row-level-security policy shows only the caller's clients. */
    Client find(String clientId) {
        return Client.<Client>find("id", clientId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Client", clientId));
    }
}
