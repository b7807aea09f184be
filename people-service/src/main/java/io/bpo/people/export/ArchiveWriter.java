package io.bpo.people.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Builds an export zip: each entry as JSON, a CSV beside every entry that is a list of objects (one column per
 * field, nested values as JSON text), and {@code manifest.json} plus {@code SHA256SUMS} (the format
 * {@code sha256sum -c} reads) with the SHA-256 of every file.
 */
public final class ArchiveWriter {

    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<Map<String, Object>> sources = new ArrayList<>();

    public ArchiveWriter(ObjectMapper json) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Adds {@code <name>.json}, and {@code <name>.csv} when the value is a list of objects. */
    public void add(String name, JsonNode value, String source) throws IOException {
        files.put(name + ".json", json.writeValueAsBytes(value));
        if (value instanceof ArrayNode rows && !rows.isEmpty() && rows.get(0).isObject()) {
            files.put(name + ".csv", csv(rows));
        }
        sources.add(Map.of("name", name, "source", source, "status", "exported", "records",
                value.isArray() ? value.size() : 1));
    }

    /** Records in the manifest a source that could not be read, and why. */
    public void missing(String name, String source, String reason) {
        sources.add(Map.of("name", name, "source", source, "status", "not exported", "reason", reason));
    }

    /** The zip, its manifest last. */
    public byte[] finish(Map<String, Object> header) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        files.forEach((path, bytes) -> hashes.put(path, sha256(bytes)));
        ObjectNode manifest = json.valueToTree(header);
        manifest.set("sources", json.valueToTree(sources));
        ArrayNode list = manifest.putArray("files");
        files.forEach((path, bytes) -> list.addObject().put("path", path).put("bytes", bytes.length)
                .put("sha256", hashes.get(path)));
        StringBuilder sums = new StringBuilder();
        hashes.forEach((path, hash) -> sums.append(hash).append("  ").append(path).append('\n'));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            put(zip, "SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
            put(zip, "manifest.json", json.writeValueAsBytes(manifest));
        }
        return out.toByteArray();
    }

    private byte[] csv(ArrayNode rows) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> row.fieldNames().forEachRemaining(columns::add));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, String>> flat = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, String> line = new LinkedHashMap<>();
            for (String column : columns) {
                JsonNode cell = row.get(column);
                line.put(column, cell == null || cell.isNull() ? "" : cell.isValueNode() ? cell.asText()
                        : json.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(cell));
            }
            flat.add(line);
        }
        return csv.writer(schema.build()).writeValueAsBytes(flat);
    }

    private static void put(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
