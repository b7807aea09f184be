package io.bpo.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for writes a client may retry: scoped by tenant, caller (the token's subject) and
 * operation, so two people of one client who happen to pick the same key never receive each other's responses. A
 * replay with the same body
 * returns the first response without doing the work again; the same key with another body is refused (422).
 * The record is written in the caller's transaction, so the work and its record commit or roll back together.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    @Inject
    ObjectMapper mapper;

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    public record Outcome<T>(T response, boolean replayed) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(String key, String operation, Object request, Class<T> responseType, Supplier<T> work) {
        if (key == null) {
            return new Outcome<>(work.get(), false);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ApiException.badRequest(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        String hash = hash(request);
        String scopedKey = scoped(key);
        serialize(operation, scopedKey);
        IdempotencyRecord previous = IdempotencyRecord
                .<IdempotencyRecord>find("operation = ?1 and key = ?2", operation, scopedKey).firstResult();
        if (previous != null) {
            if (!previous.requestHash.equals(hash)) {
                throw new ApiException(422, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was already used with a different request body");
            }
            return new Outcome<>(read(previous.responseBody, responseType), true);
        }
        T response = work.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.operation = operation;
        record.key = scopedKey;
        record.requestHash = hash;
        record.responseBody = write(response);
        record.persist();
        return new Outcome<>(response, false);
    }

    /**
     * Holds, until the transaction ends, a lock on this tenant's operation and key: two requests with the same key
     * at the same moment run one after the other, so the second finds the first's record and replays it, instead
     * of both doing the work and one failing on the record's unique key. Call before looking for the record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void serialize(String operation, String key) {
        Panache.getEntityManager()
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) l")
                .setParameter(1, tenant.require() + "\n" + operation + "\n" + key)
                .getSingleResult();
    }

    /**
     * The stored key: the caller's subject, a line break (never part of a valid key) and the client's key, so the
     * table's unique (tenant, operation, key) is unique per caller without a column of its own.
     */
    public String scoped(String key) {
        return caller.subject() + "\n" + key;
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored response unreadable", e);
        }
    }
}
