package io.bpo.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

class UpstreamFailureClassificationTest {

    @Test
    void refusedUnknownOrUnconnectableServiceIsUnavailable() {
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.classify(new ConnectException("refused")));
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.classify(new UnknownHostException("nowhere")));
        assertEquals(UpstreamFailure.UNAVAILABLE, UpstreamFailure.classify(new ConnectTimeoutException("2s")));
    }

    @Test
    void silenceAfterTheRequestIsATimeout() {
        assertEquals(UpstreamFailure.TIMEOUT, UpstreamFailure.classify(new NoStackTraceTimeoutException("30s")));
    }

    @Test
    void resetOrBrokenAnswerIsAFailure() {
        assertEquals(UpstreamFailure.FAILED, UpstreamFailure.classify(new HttpClosedException("closed")));
        assertEquals(UpstreamFailure.FAILED, UpstreamFailure.classify(new IOException("Connection reset by peer")));
    }

    @Test
    void causesAreFollowed() {
        assertEquals(UpstreamFailure.UNAVAILABLE,
                UpstreamFailure.classify(new RuntimeException(new ConnectException("refused"))));
    }
}
