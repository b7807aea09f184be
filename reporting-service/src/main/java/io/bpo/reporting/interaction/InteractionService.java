package io.bpo.reporting.interaction;

import io.bpo.kit.http.Cursor;
import io.bpo.kit.http.Page;
import io.bpo.kit.problem.ApiException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The read side of interaction records, for the tenant bound to the request. Reads run in a transaction too: the
 * row-level-security setting is transaction-local. Every load is a tenant-filtered query, so another client's id is
 * simply not found.
 */
@ApplicationScoped
@Transactional
public class InteractionService {
    private static final Sort KEYSET = Sort.by("offeredAt").and("id");

    public InteractionView get(UUID id) {
        return Interaction.<Interaction>find("id", id).firstResultOptional().map(InteractionView::of)
                .orElseThrow(() -> ApiException.notFound("Interaction", id));
    }

    public Page<InteractionView> list(InteractionQuery query) {
        StringBuilder where = new StringBuilder("offeredAt >= :from and offeredAt < :to");
        Parameters parameters = Parameters.with("from", query.from()).and("to", query.to());
        if (query.channel() != null) {
            where.append(" and channel = :channel");
            parameters.and("channel", query.channel());
        }
        if (query.queue() != null) {
            where.append(" and queue = :queue");
            parameters.and("queue", query.queue());
        }
        Cursor after = query.after();
        if (after != null) {
            // the leading range lets PostgreSQL seek in (tenant_id, offered_at, id) instead of filtering the window
            where.append(" and offeredAt >= :at and (offeredAt > :at or (offeredAt = :at and id > :id))");
            parameters.and("at", after.createdAt()).and("id", after.id());
        }
        int limit = query.limit();
        List<Interaction> rows = Interaction.<Interaction>find(where.toString(), KEYSET, parameters)
                .range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            Interaction last = rows.get(limit - 1);
            // the kit's cursor is an (instant, id) keyset position; here the instant is offeredAt
            next = new Cursor(last.offeredAt, last.id).encode();
        }
        return new Page<>(rows.stream().limit(limit).map(InteractionView::of).toList(), next);
    }
}
