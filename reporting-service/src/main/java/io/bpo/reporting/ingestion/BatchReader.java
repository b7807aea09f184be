package io.bpo.reporting.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one body format record by record, never holding more than one record: each is bound with strict types,
 * checked ({@link RecordChecks}) and handed to {@code sink} before the next is read. An unreadable body is a 400
 * {@code malformed-body} naming where it broke; the sink may stop the reading by throwing.
 */
public interface BatchReader {
    void read(InputStream body, Consumer<ParsedRecord> sink) throws IOException;

    /** What the body is called in messages ("JSON array", ...), and what an empty body is told to send. */
    String expected();
}
