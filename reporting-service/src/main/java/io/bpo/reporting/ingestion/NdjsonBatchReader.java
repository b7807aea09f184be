package io.bpo.reporting.ingestion;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads a batch sent as newline-delimited JSON ({@code application/x-ndjson}): one interaction record object per
 * line, blank lines ignored. Records are named by the line they start on ({@code line 18.csat}), with the same
 * strict types and checks as the JSON array.
 */
@ApplicationScoped
public class NdjsonBatchReader implements BatchReader {
    public static final String MEDIA_TYPE = "application/x-ndjson";

    @Inject
    JsonBatchReader json;

    @Override
    public String expected() {
        return "one JSON interaction record per line (NDJSON)";
    }

    @Override
    public void read(InputStream body, Consumer<ParsedRecord> sink) throws IOException {
        try (JsonParser parser = json.parser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String position = "line " + parser.currentTokenLocation().getLineNr();
                JsonNode value = token == JsonToken.START_OBJECT ? json.strictMapper().readTree(parser) : null;
                if (value == null) {
                    parser.skipChildren();
                }
                sink.accept(json.parse(position, value));
            }
        } catch (JsonParseException e) {
            throw JsonBatchReader.unreadable(e);
        }
    }
}
