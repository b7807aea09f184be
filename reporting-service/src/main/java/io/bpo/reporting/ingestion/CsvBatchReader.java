package io.bpo.reporting.ingestion;

import io.bpo.kit.problem.Problem;
import io.bpo.reporting.interaction.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a batch sent as CSV ({@code text/csv}, UTF-8, RFC 4180: comma separated, fields with commas, quotes or line
 * breaks in double quotes, a quote doubled inside them). The first line is a header naming the columns by the JSON
 * field names, in any order; optional columns may be left out. An empty cell is an absent value. Records are named
 * by the line they start on ({@code line 18.csat}); types are as strict as in JSON: whole numbers without a decimal
 * point, booleans only {@code true}/{@code false}, instants in ISO-8601 with their offset, channels by name.
 */
@ApplicationScoped
public class CsvBatchReader implements BatchReader {
    public static final String MEDIA_TYPE = "text/csv";
    static final Set<String> REQUIRED = Set.of("externalId", "channel", "offeredAt", "abandoned");
    static final List<String> COLUMNS = List.of("externalId", "channel", "queue", "offeredAt", "answeredAt", "endedAt",
            "waitSeconds", "handleSeconds", "abandoned", "transferred", "firstContactResolution", "csat", "qualityScore",
            "agentId");
    /** A row longer than this is not an interaction record; stops a body without line breaks from filling memory. */
    static final int MAX_ROW_CHARS = 64 * 1024;
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    @Inject
    RecordChecks checks;

    @Override
    public String expected() {
        return "CSV with a header line naming the columns (externalId,channel,offeredAt,abandoned,...)";
    }

    @Override
    public void read(InputStream body, Consumer<ParsedRecord> sink) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(body == null ? InputStream.nullInputStream() : body,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        Rows rows = new Rows(reader);
        try {
            List<String> header = rows.next();
            if (header == null) {
                throw JsonBatchReader.malformed("is empty: send " + expected());
            }
            Map<String, Integer> columns = columns(header);
            List<String> row;
            while ((row = rows.next()) != null) {
                String position = "line " + rows.startLine;
                if (row.size() == 1 && row.get(0).isEmpty() && !rows.quoted) {
                    continue;
                }
                sink.accept(parse(position, columns, header.size(), row));
            }
        } catch (CharacterCodingException e) {
            throw JsonBatchReader.malformed("is not valid UTF-8 (line " + rows.line + ")");
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                // the byte order mark spreadsheet programs write first
                name = name.substring(1);
            }
            if (!COLUMNS.contains(name)) {
                throw JsonBatchReader.malformed("header (line 1): column " + (i + 1) + " '" + name
                        + "' is not a known property; known: " + String.join(", ", COLUMNS));
            }
            if (columns.put(name, i) != null) {
                throw JsonBatchReader.malformed("header (line 1): column '" + name + "' is given twice");
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !columns.containsKey(required)) {
                throw JsonBatchReader.malformed("header (line 1): the required column '" + required + "' is missing");
            }
        }
        return columns;
    }

    private ParsedRecord parse(String position, Map<String, Integer> columns, int width, List<String> row) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (row.size() != width) {
            errors.add(new Problem.FieldError(position, "has " + row.size() + " values, the header " + width));
            return new ParsedRecord(position, null, errors);
        }
        Cells cells = new Cells(position, columns, row, errors);
        InteractionRecord record = new InteractionRecord(
                cells.text("externalId"),
                cells.channel("channel"),
                cells.text("queue"),
                cells.instant("offeredAt"),
                cells.instant("answeredAt"),
                cells.instant("endedAt"),
                cells.whole("waitSeconds"),
                cells.whole("handleSeconds"),
                cells.bool("abandoned"),
                cells.bool("transferred"),
                cells.bool("firstContactResolution"),
                cells.whole("csat"),
                cells.decimal("qualityScore"),
                cells.text("agentId"));
        if (errors.isEmpty()) {
            errors.addAll(checks.check(position, record));
        }
        return new ParsedRecord(position, errors.isEmpty() ? record : null, errors);
    }

    /** The cells of one row, typed; a cell of the wrong type is recorded in errors and read as absent. */
    private record Cells(String position, Map<String, Integer> columns, List<String> row,
                         List<Problem.FieldError> errors) {
        String text(String name) {
            Integer column = columns.get(name);
            if (column == null) {
                return null;
            }
            String value = row.get(column);
            return value.isEmpty() ? null : value;
        }

        Channel channel(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return Channel.valueOf(value);
            } catch (IllegalArgumentException e) {
                return wrong(name, JsonBatchReader.expected(Channel.class));
            }
        }

        Instant instant(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                return wrong(name, JsonBatchReader.expected(Instant.class));
            }
        }

        Integer whole(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            if (!WHOLE.matcher(value).matches()) {
                return wrong(name, JsonBatchReader.expected(Integer.class));
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                return wrong(name, "is out of range");
            }
        }

        Boolean bool(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            return switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> wrong(name, JsonBatchReader.expected(Boolean.class));
            };
        }

        BigDecimal decimal(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            return DECIMAL.matcher(value).matches() ? new BigDecimal(value)
                    : wrong(name, JsonBatchReader.expected(BigDecimal.class));
        }

        private <T> T wrong(String name, String reason) {
            errors.add(new Problem.FieldError(RecordChecks.field(position, name), reason));
            return null;
        }
    }

    /** RFC 4180 rows, one at a time, each with the line it starts on. */
    static final class Rows {
        private final Reader in;
        int line = 1;
        int startLine;
        boolean quoted;
        private int pending = -2;

        Rows(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pending != -2) {
                int c = pending;
                pending = -2;
                return c;
            }
            return in.read();
        }

        /** The next row's cells, or null at the end of the body. */
        List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            pending = c;
            startLine = line;
            quoted = false;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            int chars = 0;
            boolean inQuotes = false;
            boolean afterQuote = false;
            while (true) {
                c = read();
                if (++chars > MAX_ROW_CHARS) {
                    throw JsonBatchReader.malformed("line " + startLine + " is longer than " + MAX_ROW_CHARS
                            + " characters");
                }
                if (inQuotes) {
                    if (c == -1) {
                        throw JsonBatchReader.malformed("line " + startLine + ": a quoted value is not closed");
                    } else if (c == '"') {
                        inQuotes = false;
                        afterQuote = true;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append((char) c);
                    }
                    continue;
                }
                if (c == '"') {
                    if (afterQuote) {
                        cell.append('"');
                        inQuotes = true;
                        afterQuote = false;
                    } else if (cell.length() == 0) {
                        inQuotes = true;
                        quoted = true;
                    } else {
                        throw JsonBatchReader.malformed("line " + line + ": a quote inside an unquoted value");
                    }
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            pending = n;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    cells.add(cell.toString());
                    return cells;
                } else if (afterQuote) {
                    throw JsonBatchReader.malformed("line " + line + ": text after a closing quote");
                } else {
                    cell.append((char) c);
                }
            }
        }
    }
}
