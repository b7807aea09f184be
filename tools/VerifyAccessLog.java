/*
 * Offline verifier of a BPO access-log bundle (GET /api/v1/audit/access-log/bundle), JDK 17+ only:
 *
 *   java tools/VerifyAccessLog.java [--keys <public-key.json>] [--public-key <base64>]
 *                                   [--earlier-key <keyId> <base64>]... bundle.ndjson...
 *
 * For every chain (one per client; '-' for entries without a client) in each bundle it checks that
 *   - chain_seq runs without a gap (a run that starts at 1 must start from the genesis hash, 64 zeros),
 *   - each entry's prevHash is the previous entry's hash, and no entry uses an older encoding than one before it,
 *   - each entry's hash is SHA-256 over its canonical encoding (docs/operations.md, "Verifying an access-log
 *     export offline"; io.bpo.gateway.accesslog.ChainHash is the gateway's side of it),
 *   - each signed checkpoint's Ed25519 signature verifies with the public key, and its hash equals the hash
 *     recomputed from the entries' content at its chain_seq (so rewriting entries and their hashes is caught),
 * and that the bundle is complete (its last line counts what it holds).
 *
 * Keys. A checkpoint names the key that signed it (keyId). A bundle carries every key its checkpoints may name (header
 * "keys": the gateway's current key and its retired ones; older bundles only "keyId"/"publicKey"). Pin the keys
 * obtained from the gateway out of band: --keys with the saved answer of GET .../public-key (every key, current and
 * retired), --public-key for the current key alone, --earlier-key for one more key. When any key is pinned, only
 * pinned keys are trusted: a bundle key that differs from the pinned key of the same id is a KEY MISMATCH, and
 * checkpoints of keys not pinned are counted and left unchecked (they vouch for nothing). Without a pin the bundle's
 * own keys are used and their fingerprints printed, to be compared by hand.
 *
 * Prints one line per chain and names the first broken chain_seq. Exit status: 0 every chain intact, 1 some chain
 * broken or a checkpoint failed, 2 the input could not be read as a bundle.
 *
 *   java tools/VerifyAccessLog.java --export access-log.ndjson|access-log.csv...
 *
 * checks instead that a plain export (GET .../export, NDJSON or CSV) is complete: it ends with its trailer (NDJSON
 * {"export":"complete",...}; CSV a #export-complete record) whose count and last entry id match the entries before
 * it. An export cut short (the gateway resets the connection on a failure, but a download tool may keep what it got)
 * has no trailer. Exit status: 0 complete, 1 incomplete or the counts differ, 2 unreadable.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

public class VerifyAccessLog {

    static final String FORMAT = "bpo-access-log-bundle-v1";
    static final String GENESIS = "0".repeat(64);
    /** Keys given with --earlier-key (by id, base64). */
    static final Map<String, String> EARLIER = new LinkedHashMap<>();
    static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Keys pinned with --keys (by id). */
    static final Map<String, String> PINNED = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--export")) {
            if (args.length == 1) {
                usage("no export given");
            }
            int status = 0;
            for (int i = 1; i < args.length; i++) {
                Path file = Path.of(args[i]);
                try {
                    status = Math.max(status, checkExport(file));
                } catch (BadBundle | IOException e) {
                    System.out.println(file + ": UNREADABLE: " + e.getMessage());
                    status = 2;
                }
            }
            System.exit(status);
        }
        String pinned = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length) {
                pinned = args[++i].trim();
            } else if (args[i].equals("--keys") && i + 1 < args.length) {
                try {
                    pinKeys(Path.of(args[++i]));
                } catch (BadBundle | IOException e) {
                    usage("--keys " + args[i] + ": " + e.getMessage());
                }
            } else if (args[i].equals("--earlier-key") && i + 2 < args.length) {
                try {
                    key(args[i + 2].trim());
                    EARLIER.put(args[i + 1], args[i + 2].trim());
                } catch (BadBundle e) {
                    usage("--earlier-key " + args[i + 1] + ": " + e.getMessage());
                }
                i += 2;
            } else if (args[i].startsWith("--")) {
                usage("unknown option " + args[i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            usage("no bundle given");
        }
        int status = 0;
        for (Path file : files) {
            try {
                status = Math.max(status, verify(file, pinned));
            } catch (BadBundle e) {
                System.out.println(file + ": UNREADABLE: " + e.getMessage());
                status = 2;
            }
        }
        System.exit(status);
    }

    static void usage(String why) {
        System.err.println(why);
        System.err.println("usage: java tools/VerifyAccessLog.java [--keys <public-key.json>] [--public-key <base64>] "
                + "[--earlier-key <keyId> <base64>]... bundle.ndjson...");
        System.err.println("       java tools/VerifyAccessLog.java --export export.ndjson|export.csv...");
        System.exit(2);
    }

    /** Whether a plain NDJSON or CSV export ends with its trailer, and the trailer matches what precedes it. */
    static int checkExport(Path file) throws IOException, BadBundle {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        long entries;
        String lastId;
        Map<String, String> trailer = new LinkedHashMap<>();
        if (text.startsWith("id,occurredAt,")) {
            List<List<String>> records = csvRecords(text);
            List<String> last = records.get(records.size() - 1);
            if (records.size() < 2 || !last.get(0).equals("#export-complete")) {
                System.out.println(file + ": INCOMPLETE: no #export-complete record at the end (CSV, "
                        + (records.size() - 1) + " records after the header)");
                return 1;
            }
            for (String cell : last.subList(1, last.size())) {
                int eq = cell.indexOf('=');
                if (eq > 0) {
                    trailer.put(cell.substring(0, eq), cell.substring(eq + 1));
                }
            }
            entries = records.size() - 2;
            lastId = entries == 0 ? "" : records.get(records.size() - 2).get(0);
        } else {
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            Object end = null;
            try {
                end = lines.isEmpty() ? null : new Json(lines.get(lines.size() - 1)).parse();
            } catch (RuntimeException e) {
                // a line cut in the middle: no trailer
            }
            if (!(end instanceof Map<?, ?> map) || !"complete".equals(map.get("export"))) {
                System.out.println(file + ": INCOMPLETE: no {\"export\":\"complete\"} line at the end (NDJSON, "
                        + lines.size() + " lines)");
                return 1;
            }
            map.forEach((k, v) -> trailer.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            entries = lines.size() - 1;
            lastId = "";
            if (entries > 0) {
                try {
                    Object entry = new Json(lines.get(lines.size() - 2)).parse();
                    lastId = entry instanceof Map<?, ?> e && e.get("id") != null ? String.valueOf(e.get("id")) : "";
                } catch (RuntimeException e) {
                    throw new BadBundle("the line before the trailer is not JSON: " + e.getMessage());
                }
            }
        }
        if (!String.valueOf(entries).equals(trailer.get("entries"))
                || !lastId.equals(trailer.getOrDefault("lastId", ""))) {
            System.out.println(file + ": COUNTS DIFFER: the trailer says " + trailer.get("entries") + " entries, last "
                    + trailer.get("lastId") + "; the file holds " + entries + ", last " + lastId);
            return 1;
        }
        System.out.println(file + ": COMPLETE (" + entries + " entries)");
        return 0;
    }

    /** RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */
    static List<List<String>> csvRecords(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    /** The saved answer of GET .../public-key: "keys" (every key), or only keyId/publicKey (older gateways). */
    static void pinKeys(Path file) throws IOException, BadBundle {
        Object value;
        try {
            value = new Json(Files.readString(file, StandardCharsets.UTF_8).strip()).parse();
        } catch (RuntimeException e) {
            throw new BadBundle("not JSON: " + e.getMessage());
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new BadBundle("not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> published = (Map<String, Object>) value;
        for (Map<String, Object> key : keyList(published)) {
            String id = string(key, "keyId");
            String base64 = string(key, "publicKey");
            if (id == null || base64 == null) {
                throw new BadBundle("a key without keyId or publicKey");
            }
            key(base64);
            PINNED.put(id, base64);
        }
        if (PINNED.isEmpty()) {
            throw new BadBundle("no key in it");
        }
    }

    /** The keys of a public-key answer or a bundle header: its "keys" array, else its keyId/publicKey pair. */
    static List<Map<String, Object>> keyList(Map<String, Object> object) throws BadBundle {
        List<Map<String, Object>> keys = new ArrayList<>();
        if (object.get("keys") instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?>)) {
                    throw new BadBundle("keys holds something else than objects");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> key = (Map<String, Object>) item;
                keys.add(key);
            }
        } else if (object.get("publicKey") != null) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("keyId", object.get("keyId"));
            key.put("publicKey", object.get("publicKey"));
            key.put("status", "current");
            keys.add(key);
        }
        return keys;
    }

    static final class BadBundle extends Exception {
        BadBundle(String message) {
            super(message);
        }
    }

    /** One chain's state while its entries are read. */
    static final class Chain {
        final String key;
        long entries;
        long firstSeq = -1;
        long lastSeq;
        String lastHash;
        String computedPrev;
        int version;
        Long brokenSeq;
        String reason;
        final Map<Long, String> computed = new LinkedHashMap<>();
        int checkpoints;
        int otherKeys;
        final TreeSet<String> otherKeyIds = new TreeSet<>();
        long signedUpTo;
        String checkpointFailure;

        Chain(String key) {
            this.key = key;
        }

        void broken(long seq, String why) {
            if (brokenSeq == null) {
                brokenSeq = seq;
                reason = why;
            }
        }
    }

    static int verify(Path file, String pinned) throws IOException, BadBundle {
        List<Map<String, Object>> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Object value;
                try {
                    value = new Json(line).parse();
                } catch (RuntimeException e) {
                    throw new BadBundle("line " + number + " is not JSON: " + e.getMessage());
                }
                if (!(value instanceof Map<?, ?>)) {
                    throw new BadBundle("line " + number + " is not a JSON object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) value;
                lines.add(object);
            }
        }
        if (lines.isEmpty() || !"bundle".equals(lines.get(0).get("kind"))
                || !FORMAT.equals(lines.get(0).get("format"))) {
            throw new BadBundle("the first line is not a " + FORMAT + " header");
        }
        Map<String, Object> header = lines.get(0);
        Map<String, Object> end = lines.get(lines.size() - 1);
        if (!"end".equals(end.get("kind"))) {
            throw new BadBundle("no end line: the bundle is truncated");
        }
        String keyText = string(header, "publicKey");
        if (pinned != null && !pinned.equals(keyText)) {
            System.out.println(file + ": KEY MISMATCH: the bundle's public key is not the one given with --public-key");
            return 1;
        }
        // the keys trusted: the pinned ones when any is pinned, else the bundle's own (and --earlier-key's)
        Map<String, String> trusted = new LinkedHashMap<>(EARLIER);
        trusted.putAll(PINNED);
        if (pinned != null) {
            trusted.put(string(header, "keyId"), pinned);
        }
        boolean pinning = pinned != null || !PINNED.isEmpty();
        for (Map<String, Object> key : keyList(header)) {
            String id = string(key, "keyId");
            String base64 = string(key, "publicKey");
            key(base64);
            String known = trusted.get(id);
            if (known != null && !known.equals(base64)) {
                System.out.println(file + ": KEY MISMATCH: the bundle's key " + id + " is not the pinned key " + id);
                return 1;
            }
            String origin = known != null ? "pinned"
                    : pinning ? "NOT PINNED: its checkpoints are not checked"
                            : "taken from the bundle: compare it with the gateway's public keys";
            System.out.println(file + ": key " + id + " (" + key.getOrDefault("status", "current") + ", SHA-256 "
                    + sha256(base64).substring(0, 16) + "...), " + origin);
            if (known == null && !pinning) {
                trusted.put(id, base64);
            }
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> key : trusted.entrySet()) {
            keys.put(key.getKey(), key(key.getValue()));
        }

        Map<String, Chain> chains = new LinkedHashMap<>();
        long entries = 0;
        long checkpoints = 0;
        for (int i = 1; i < lines.size() - 1; i++) {
            Map<String, Object> line = lines.get(i);
            Object kind = line.get("kind");
            if ("entry".equals(kind)) {
                entries++;
                entry(chains, line);
            } else if ("checkpoint".equals(kind)) {
                checkpoints++;
                checkpoint(chains, line, keys);
            } else {
                throw new BadBundle("line " + (i + 1) + " has an unknown kind: " + kind);
            }
        }
        int status = 0;
        for (Chain chain : chains.values()) {
            StringBuilder out = new StringBuilder("  chain ").append(chain.key).append(": ").append(chain.entries)
                    .append(" entries, seq ").append(chain.firstSeq).append("..").append(chain.lastSeq);
            if (chain.brokenSeq != null) {
                out.append(", BROKEN at seq ").append(chain.brokenSeq).append(": ").append(chain.reason);
                status = 1;
            } else {
                out.append(", intact");
            }
            out.append("; ").append(chain.checkpoints).append(" checkpoints");
            if (chain.checkpointFailure != null) {
                out.append(", CHECKPOINT FAILED: ").append(chain.checkpointFailure);
                status = 1;
            } else if (chain.checkpoints > 0) {
                out.append(" verified, signed up to seq ").append(chain.signedUpTo);
                if (chain.signedUpTo < chain.lastSeq) {
                    out.append(" (seq ").append(chain.signedUpTo + 1).append("..").append(chain.lastSeq)
                            .append(" not yet covered by a signature)");
                }
            } else {
                out.append(" (no signature covers this run: it is only self-consistent)");
            }
            if (chain.otherKeys > 0) {
                out.append("; ").append(chain.otherKeys).append(" checkpoints signed by keys not pinned or unknown ")
                        .append(chain.otherKeyIds).append(", not checked (--keys, --earlier-key)");
            }
            System.out.println(out);
        }
        if (number(end, "entries") != entries || number(end, "checkpoints") != checkpoints
                || number(end, "chains") != chains.size()) {
            System.out.println("  COUNTS DIFFER: the end line counts " + end.get("chains") + " chains, "
                    + end.get("entries") + " entries, " + end.get("checkpoints") + " checkpoints: lines were "
                    + "removed or added");
            status = 1;
        }
        System.out.println(file + ": " + (status == 0 ? "OK" : "FAILED") + " (" + chains.size() + " chains, "
                + entries + " entries, " + checkpoints + " checkpoints)");
        return status;
    }

    static void entry(Map<String, Chain> chains, Map<String, Object> e) throws BadBundle {
        String key = string(e, "chain");
        if (key == null) {
            throw new BadBundle("an entry without a chain: " + e.get("id"));
        }
        Chain chain = chains.computeIfAbsent(key, Chain::new);
        long seq = number(e, "chainSeq");
        String prevHash = string(e, "prevHash");
        String hash = string(e, "hash");
        int version = (int) number(e, "hashVersion");
        chain.entries++;
        if (chain.firstSeq < 0) {
            chain.firstSeq = seq;
            // a run that starts mid-chain is anchored on its first prevHash (and, below, on the checkpoints)
            if (seq == 1 && !GENESIS.equals(prevHash)) {
                chain.broken(1, "prev_hash mismatch");
            }
            chain.computedPrev = prevHash;
        } else if (seq != chain.lastSeq + 1) {
            chain.broken(Math.min(chain.lastSeq + 1, seq), "sequence gap");
        } else if (!chain.lastHash.equals(prevHash)) {
            chain.broken(seq, "prev_hash mismatch");
        }
        if (version < chain.version) {
            chain.broken(seq, "hash version downgrade");
        }
        chain.version = Math.max(chain.version, version);
        String recomputed = sha256(encode(version, key, seq, prevHash, e));
        if (!recomputed.equals(hash)) {
            chain.broken(seq, "hash mismatch");
        }
        // from the content alone, for the checkpoints
        String fromContent = sha256(encode(version, key, seq, chain.computedPrev, e));
        chain.computed.put(seq, fromContent);
        chain.computedPrev = fromContent;
        chain.lastSeq = seq;
        chain.lastHash = hash;
    }

    static PublicKey key(String base64) throws BadBundle {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new BadBundle("not an Ed25519 public key (X.509, base64): " + e.getMessage());
        }
    }

    static void checkpoint(Map<String, Chain> chains, Map<String, Object> c, Map<String, PublicKey> keys)
            throws BadBundle {
        String chainKey = string(c, "chain");
        Chain chain = chains.get(chainKey);
        long seq = number(c, "chainSeq");
        if (chain == null) {
            throw new BadBundle("a checkpoint for chain " + chainKey + ", which has no entries in the bundle");
        }
        PublicKey key = keys.get(string(c, "keyId"));
        if (key == null) {
            chain.otherKeys++;
            chain.otherKeyIds.add(String.valueOf(c.get("keyId")));
            return;
        }
        chain.checkpoints++;
        if (chain.checkpointFailure != null) {
            return;
        }
        String message = "bpo-access-log-checkpoint-v1\n" + chainKey + "\n" + seq + "\n" + string(c, "hash") + "\n"
                + string(c, "signedAt") + "\n";
        boolean signed;
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message.getBytes(StandardCharsets.UTF_8));
            signed = verifier.verify(Base64.getDecoder().decode(string(c, "signature")));
        } catch (Exception e) {
            signed = false;
        }
        if (!signed) {
            chain.checkpointFailure = "seq " + seq + ": signature invalid";
        } else if (!chain.computed.containsKey(seq)) {
            chain.checkpointFailure = "seq " + seq + ": entry missing";
        } else if (!chain.computed.get(seq).equals(c.get("hash"))) {
            chain.checkpointFailure = "seq " + seq + ": hash mismatch (the entries up to it were changed)";
        } else {
            chain.signedUpTo = Math.max(chain.signedUpTo, seq);
        }
    }

    /** The canonical encoding (io.bpo.gateway.accesslog.ChainHash), versions 1 and 2. */
    static String encode(int version, String chain, long seq, String prevHash, Map<String, Object> e)
            throws BadBundle {
        if (version != 1 && version != 2) {
            throw new BadBundle("unknown hashVersion " + version + " in entry " + e.get("id"));
        }
        StringBuilder out = new StringBuilder(512).append(version == 1 ? "bpo-access-log-v1\n" : "bpo-access-log-v2\n");
        field(out, "chain", chain);
        field(out, "chain_seq", Long.toString(seq));
        field(out, "prev_hash", prevHash);
        field(out, "id", string(e, "id"));
        String occurredAt = string(e, "occurredAt");
        try {
            occurredAt = MICROS.format(Instant.parse(occurredAt));
        } catch (RuntimeException ex) {
            throw new BadBundle("entry " + e.get("id") + " has an unreadable occurredAt: " + occurredAt);
        }
        field(out, "occurred_at", occurredAt);
        field(out, "request_id", string(e, "requestId"));
        field(out, "subject", string(e, "subject"));
        field(out, "username", string(e, "username"));
        TreeSet<String> roles = new TreeSet<>();
        if (e.get("roles") instanceof List<?> list) {
            for (Object role : list) {
                roles.add(String.valueOf(role));
            }
        }
        field(out, "roles", String.join(",", roles));
        field(out, "client_id", string(e, "clientId"));
        field(out, "service", string(e, "service"));
        field(out, "method", string(e, "method"));
        field(out, "path", string(e, "path"));
        if (version >= 2) {
            field(out, "path_template", string(e, "pathTemplate"));
            StringBuilder ids = new StringBuilder();
            if (e.get("resourceIds") instanceof Map<?, ?> map) {
                for (Object value : map.values()) {
                    String text = String.valueOf(value);
                    if (ids.length() > 0) {
                        ids.append(',');
                    }
                    ids.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
                }
            }
            field(out, "resource_ids", ids.toString());
        }
        field(out, "status", Long.toString(number(e, "status")));
        field(out, "outcome", string(e, "outcome"));
        field(out, "reason", string(e, "reason"));
        field(out, "source_address", string(e, "sourceAddress"));
        field(out, "user_agent", string(e, "userAgent"));
        field(out, "duration_ms", Long.toString(number(e, "durationMs")));
        return out.toString();
    }

    static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }

    static String string(Map<String, Object> object, String name) throws BadBundle {
        Object value = object.get(name);
        if (value != null && !(value instanceof String)) {
            throw new BadBundle(name + " is not a string in " + object.get("kind") + " " + object.get("id"));
        }
        return (String) value;
    }

    static long number(Map<String, Object> object, String name) throws BadBundle {
        Object value = object.get(name);
        if (!(value instanceof Long number)) {
            throw new BadBundle(name + " is not an integer in " + object.get("kind") + " " + object.get("id"));
        }
        return number;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough JSON: objects (order kept), arrays, strings, integers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object parse() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + at);
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                default:
                    if (text.startsWith("true", at)) {
                        at += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", at)) {
                        at += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", at)) {
                        at += 4;
                        return null;
                    }
                    int start = at;
                    if (c == '-') {
                        at++;
                    }
                    while (at < text.length() && Character.isDigit(text.charAt(at))) {
                        at++;
                    }
                    if (start == at || at < text.length() && ".eE".indexOf(text.charAt(at)) >= 0) {
                        throw new IllegalArgumentException("unsupported value at " + start);
                    }
                    return Long.parseLong(text.substring(start, at));
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw new IllegalArgumentException("expected a name at " + at);
                }
                String name = string();
                space();
                expect(':');
                if (map.containsKey(name)) {
                    throw new IllegalArgumentException("duplicate name " + name);
                }
                map.put(name, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escape = text.charAt(at++);
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape at " + at);
                }
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at);
            }
            at++;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
