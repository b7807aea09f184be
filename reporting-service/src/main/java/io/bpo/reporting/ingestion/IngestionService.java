package io.bpo.reporting.ingestion;

import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a checked batch for the tenant bound to the request. Idempotent twice over: by externalId (a record already
 * stored, or repeated in the batch, counts as a duplicate and the first one stays), and by Idempotency-Key (a
 * replayed request gets the first answer without any work).
 */
@ApplicationScoped
@Transactional
public class IngestionService {
    static final String OPERATION = "interactions.ingest";

    @Inject
    Idempotency idempotency;

    @Inject
    InteractionWriter writer;

    @Inject
    TenantContext tenant;

    public Idempotency.Outcome<IngestionResult> ingest(InteractionBatch batch, String idempotencyKey) {
        return idempotency.once(idempotencyKey, OPERATION, batch.records(), IngestionResult.class,
                () -> store(batch));
    }

    private IngestionResult store(InteractionBatch batch) {
        Map<String, InteractionRecord> firstOfEach = new LinkedHashMap<>();
        batch.records().forEach(record -> firstOfEach.putIfAbsent(record.externalId(), record));
        int received = batch.records().size();
        int created = writer.insertNew(firstOfEach.values(), batch.receivedAt());
        Log.infof("Ingested %d interaction records for client %s: %d created, %d duplicates", received,
                tenant.require(), created, received - created);
        return new IngestionResult(received, created, received - created);
    }
}
