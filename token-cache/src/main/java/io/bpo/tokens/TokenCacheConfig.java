package io.bpo.tokens;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long and how many verified access tokens a process remembers ({@code bpo.token-cache.*}). */
@ConfigMapping(prefix = "bpo.token-cache")
public interface TokenCacheConfig {

    /** Verified tokens kept at most; 0 turns the cache off (every request verifies its token). */
    @WithDefault("10000")
    int maxSize();

    /**
     * Longest a verification is reused, however long the token still lives: bounds how long a key removed from
     * the realm's JWKS keeps authenticating tokens it signed.
     */
    @WithDefault("5m")
    Duration maxAge();
}
