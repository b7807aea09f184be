package io.bpo.contracts.contract;

import io.bpo.contracts.client.ClientService;
import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.ETags;
import io.bpo.kit.http.Page;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Contracts of the tenant bound to the request. Every load goes through a tenant-filtered query (never
 * {@code findById}/{@code getReference} on an id from the request), so another client's id is simply not found.
 */
@ApplicationScoped
@Transactional
public class ContractService {
    @Inject
    TenantContext tenant;

    @Inject
    ClientService clients;

    @Inject
    Idempotency idempotency;

    public Idempotency.Outcome<ContractView> create(ContractTerms terms, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "contract.create", terms, ContractView.class, () -> {
            clients.requireExists(tenant.require());
            requireUniqueReference(terms.reference(), null);
            Contract contract = new Contract();
            contract.apply(terms);
            contract.status = ContractStatus.DRAFT;
            contract.persistAndFlush();
            Log.infof("Contract %s (%s) created for client %s", contract.id, contract.reference, tenant.require());
            return ContractView.of(contract);
        });
    }

    public ContractView get(UUID id) {
        return ContractView.of(find(id));
    }

    public Page<ContractView> list(String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        List<Contract> rows = after == null
                ? Contract.<Contract>findAll(Sort.by("createdAt").and("id")).page(0, limit + 1).list()
                : Contract.<Contract>find("createdAt > :at or (createdAt = :at and id > :id)",
                        Sort.by("createdAt").and("id"), Parameters.with("at", after.createdAt()).and("id", after.id()))
                        .page(0, limit + 1).list();
        String next = null;
        if (rows.size() > limit) {
            Contract last = rows.get(limit - 1);
            next = new Cursor(last.createdAt, last.id).encode();
        }
        return new Page<>(rows.stream().limit(limit).map(ContractView::of).toList(), next);
    }

    public ContractView update(UUID id, long expectedVersion, ContractTerms terms) {
        Contract contract = find(id);
        ETags.checkVersion(expectedVersion, contract.version);
        requireUniqueReference(terms.reference(), id);
        contract.apply(terms);
        contract.flush();
        return ContractView.of(contract);
    }

    private Contract find(UUID id) {
        return Contract.<Contract>find("id", id).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("Contract", id));
    }

    private void requireUniqueReference(String reference, UUID except) {
        long clashes = except == null
                ? Contract.count("reference", reference)
                : Contract.count("reference = ?1 and id <> ?2", reference, except);
        if (clashes > 0) {
            throw ApiException.conflict("contract-reference-taken",
                    "Another contract of this client already has reference " + reference);
        }
    }
}
