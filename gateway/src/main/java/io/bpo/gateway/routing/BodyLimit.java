package io.bpo.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that stops at a byte limit. Bodies without Content-Length (chunked) can only be measured
 * while they stream: past the limit, the overflow action runs once and no further byte is passed on.
 */
final class BodyLimit implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final long maxBytes;
    private final Runnable onOverflow;
    private Handler<Throwable> exceptionHandler;
    private long seen;
    private boolean overflowed;

    BodyLimit(ReadStream<Buffer> body, long maxBytes, Runnable onOverflow) {
        this.body = body;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            if (overflowed) {
                return;
            }
            seen += chunk.length();
            if (seen > maxBytes) {
                overflowed = true;
                onOverflow.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new IllegalStateException("request body over " + maxBytes + " bytes"));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler == null ? null : end -> {
            if (!overflowed) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}
