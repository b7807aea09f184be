package io.bpo.gateway.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The canonical encoding of a chained access-log entry and its hash: SHA-256, hex (lower case), over
 * <pre>
 * bpo-access-log-v2\n     (bpo-access-log-v1\n for version 1)
 * name=length:value\n      (one line per field, in the fixed order below; length in UTF-8 bytes)
 * name=~\n                 (for a null value)
 * </pre>
 * Fields: chain, chain_seq, prev_hash, id, occurred_at (UTC, ISO-8601 with exactly 6 fraction digits, which is
 * PostgreSQL's precision), request_id, subject, username, roles (sorted, joined by ','), client_id, service,
 * method, path, status, outcome, reason, source_address, user_agent, duration_ms. The domain line keeps the
 * hash from meaning anything else; the length prefixes keep two different entries from encoding alike.
 * <p>
 * Version 2 (every entry written since migration V4; the row's hash_version says which) adds, right after path,
 * path_template and resource_ids (the ids' values in the template's placeholder order, each as
 * {@code length:value}, joined by ','; the empty string when there are none). Version 1 rows keep their
 * encoding, so entries written before V4 still verify. tools/VerifyAccessLog.java repeats both encodings.
 */
public final class ChainHash {

    public static final String DOMAIN = "bpo-access-log-v1\n";
    public static final String DOMAIN_V2 = "bpo-access-log-v2\n";
    /** The encoding the writer uses. */
    public static final int CURRENT_VERSION = 2;
    public static final String GENESIS = "0".repeat(64);
    /** The chain of the entries without a client (not a valid client id). */
    public static final String NO_CLIENT_CHAIN = "-";

    private static final DateTimeFormatter OCCURRED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    public static String chainKey(String clientId) {
        return clientId == null ? NO_CLIENT_CHAIN : clientId;
    }

    /** The instant as stored (PostgreSQL keeps microseconds): hash and insert this one. */
    public static Instant stored(Instant occurredAt) {
        return occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** The occurred_at field exactly as hashed (and as exports show it). */
    public static String occurredAt(Instant occurredAt) {
        return OCCURRED_AT.format(stored(occurredAt));
    }

    public static String encode(String chain, long chainSeq, String prevHash, AccessLogEntry entry) {
        return encode(1, chain, chainSeq, prevHash, entry);
    }

    public static String encode(int version, String chain, long chainSeq, String prevHash, AccessLogEntry entry) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("unknown access-log hash version " + version);
        }
        StringBuilder out = new StringBuilder(512).append(version == 1 ? DOMAIN : DOMAIN_V2);
        field(out, "chain", chain);
        field(out, "chain_seq", Long.toString(chainSeq));
        field(out, "prev_hash", prevHash);
        field(out, "id", entry.id() == null ? null : entry.id().toString());
        field(out, "occurred_at", occurredAt(entry.occurredAt()));
        field(out, "request_id", entry.requestId());
        field(out, "subject", entry.subject());
        field(out, "username", entry.username());
        field(out, "roles", roles(entry.roles()));
        field(out, "client_id", entry.clientId());
        field(out, "service", entry.service());
        field(out, "method", entry.method());
        field(out, "path", entry.path());
        if (version >= 2) {
            field(out, "path_template", entry.pathTemplate());
            field(out, "resource_ids", resourceIds(entry));
        }
        field(out, "status", Integer.toString(entry.status()));
        field(out, "outcome", entry.outcome() == null ? null : entry.outcome().name());
        field(out, "reason", entry.reason());
        field(out, "source_address", entry.sourceAddress());
        field(out, "user_agent", entry.userAgent());
        field(out, "duration_ms", Long.toString(entry.durationMs()));
        return out.toString();
    }

    public static String hash(String chain, long chainSeq, String prevHash, AccessLogEntry entry) {
        return hash(1, chain, chainSeq, prevHash, entry);
    }

    public static String hash(int version, String chain, long chainSeq, String prevHash, AccessLogEntry entry) {
        return sha256Hex(encode(version, chain, chainSeq, prevHash, entry));
    }

    private static String resourceIds(AccessLogEntry entry) {
        StringBuilder out = new StringBuilder();
        for (String value : entry.resourceIds().values()) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        return out.toString();
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String roles(List<String> roles) {
        return roles == null ? "" : String.join(",", new TreeSet<>(roles));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }
}
