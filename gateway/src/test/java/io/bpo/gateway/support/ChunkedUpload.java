package io.bpo.gateway.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Sends a body without Content-Length (HTTP/1.1 chunked), which rest-assured does not do. */
public final class ChunkedUpload {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ChunkedUpload() {
    }

    public static HttpResponse<String> post(URI uri, String token, byte[] body) {
        return send(uri, token, () -> new ByteArrayInputStream(body));
    }

    /** Sends {@code chunks} chunks of {@code chunkSize} bytes, pausing {@code pause} before each. */
    public static HttpResponse<String> postSlowly(URI uri, String token, int chunks, int chunkSize, Duration pause) {
        return send(uri, token, () -> new InputStream() {
            private int chunksLeft = chunks;
            private int left;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    if (chunksLeft == 0) {
                        return -1;
                    }
                    chunksLeft--;
                    left = chunkSize;
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                }
                int count = Math.min(length, left);
                left -= count;
                return count;
            }
        });
    }

    private static HttpResponse<String> send(URI uri, String token, Supplier<InputStream> body) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
