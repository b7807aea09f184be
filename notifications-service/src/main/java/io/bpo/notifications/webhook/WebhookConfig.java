package io.bpo.notifications.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "bpo.webhooks")
public interface WebhookConfig {
    /** Pauses after the 1st, 2nd... failed attempt; once exhausted, the subscription is disabled. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    @WithDefault("10s")
    Duration requestTimeout();

    @WithDefault("1s")
    Duration pollInterval();

    /** Subscriptions delivered at the same time (each one strictly in order). */
    @WithDefault("8")
    int concurrency();

    /** Production refuses receivers that are not https. */
    @WithDefault("true")
    boolean allowHttp();
}
