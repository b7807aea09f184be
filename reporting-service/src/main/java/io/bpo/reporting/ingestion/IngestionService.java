package io.bpo.reporting.ingestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.idempotency.Idempotency;
import io.bpo.kit.idempotency.IdempotencyRecord;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.problem.Problem;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Streams a batch into storage for the tenant bound to the request, in one transaction: records are read one by one,
 * checked, and stored in chunks as they come, so memory does not grow with the batch. All or nothing: once a record
 * is invalid nothing more is written, the rest is still read and checked so that the answer lists every invalid
 * record, and the transaction is rolled back. Idempotent twice over: by externalId (a record already stored, or
 * repeated in the batch, counts as a duplicate and the first one stays), and by Idempotency-Key (a replayed request
 * gets the first answer without any work; the key is matched with a SHA-256 of the body's bytes).
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class IngestionService {
    static final String OPERATION = "interactions.ingest";
    /** The most errors one refusal lists; the detail still counts them all. */
    static final int MAX_LISTED_ERRORS = 1000;
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    @Inject
    InteractionWriter writer;

    @Inject
    TenantContext tenant;

    @Inject
    IngestionConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Idempotency idempotency;

    public Idempotency.Outcome<IngestionResult> ingest(BatchReader reader, InputStream body, String idempotencyKey)
            throws IOException {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        InputStream in = body == null ? InputStream.nullInputStream() : body;
        if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.badRequest(Idempotency.HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String scopedKey = idempotencyKey == null ? null : idempotency.scoped(idempotencyKey);
        if (scopedKey != null) {
            idempotency.serialize(OPERATION, scopedKey);
        }
        IdempotencyRecord previous = scopedKey == null ? null : IdempotencyRecord
                .<IdempotencyRecord>find("operation = ?1 and key = ?2", OPERATION, scopedKey).firstResult();
        DigestInputStream digesting = new DigestInputStream(in, sha256());
        if (previous != null) {
            digesting.transferTo(OutputStream.nullOutputStream());
            if (!previous.requestHash.equals(hex(digesting))) {
                throw new ApiException(422, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was already used with a different request body");
            }
            return new Idempotency.Outcome<>(read(previous.responseBody), true);
        }
        IngestionResult result;
        try (InteractionWriter.Session session = writer.open(receivedAt)) {
            Batch batch = new Batch(session);
            // readers may close what they read (Jackson does); the rest of the body must still be hashed
            reader.read(new FilterInputStream(digesting) {
                @Override
                public void close() {
                }
            }, batch::accept);
            // the hash covers the whole body, whatever the reader left unread after its last record
            digesting.transferTo(OutputStream.nullOutputStream());
            result = batch.finish();
        }
        if (idempotencyKey != null) {
            IdempotencyRecord record = new IdempotencyRecord();
            record.operation = OPERATION;
            record.key = scopedKey;
            record.requestHash = hex(digesting);
            record.responseBody = write(result);
            record.persist();
        }
        Log.infof("Ingested %d interaction records for client %s: %d created, %d duplicates", result.received(),
                tenant.require(), result.created(), result.duplicates());
        return new Idempotency.Outcome<>(result, false);
    }

    /** The records of one request as they stream by: written in chunks while all are valid, errors collected. */
    private final class Batch {
        private final InteractionWriter.Session session;
        private final int max = config.maxBatchRecords();
        private final List<InteractionRecord> chunk = new ArrayList<>(InteractionWriter.CHUNK);
        private final List<Problem.FieldError> errors = new ArrayList<>();
        private int received;
        private boolean flushed;
        private int invalid;

        Batch(InteractionWriter.Session session) {
            this.session = session;
        }

        void accept(ParsedRecord parsed) {
            if (received == max) {
                throw new ApiException(413, "payload-too-large", "Payload too large",
                        "A batch holds at most " + max + " interaction records; split larger ones",
                        List.of(new Problem.FieldError("body", "must hold at most " + max + " records")));
            }
            received++;
            if (!parsed.valid()) {
                invalid++;
                for (Problem.FieldError error : parsed.errors()) {
                    if (errors.size() < MAX_LISTED_ERRORS) {
                        errors.add(error);
                    }
                }
                chunk.clear();
                return;
            }
            if (invalid == 0) {
                chunk.add(parsed.record());
                if (chunk.size() == (flushed ? InteractionWriter.CHUNK : InteractionWriter.FIRST_CHUNK)) {
                    flush();
                }
            }
        }

        private void flush() {
            flushed = true;
            session.write(chunk);
            chunk.clear();
        }

        IngestionResult finish() {
            if (received == 0) {
                throw JsonBatchReader.malformed("must hold at least one interaction record");
            }
            if (invalid > 0) {
                String listed = errors.size() == MAX_LISTED_ERRORS ? " (the first " + MAX_LISTED_ERRORS
                        + " errors are listed)" : "";
                // the exception rolls back what earlier chunks wrote
                throw new ApiException(400, "validation", "Invalid request", invalid + " of " + received
                        + " interaction records are invalid; none was stored" + listed, List.copyOf(errors));
            }
            flush();
            int created = session.finish();
            return new IngestionResult(received, created, received - created);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(DigestInputStream digesting) {
        return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    }

    private String write(IngestionResult result) {
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable", e);
        }
    }

    private IngestionResult read(String json) {
        try {
            return mapper.readValue(json, IngestionResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response unreadable", e);
        }
    }
}
