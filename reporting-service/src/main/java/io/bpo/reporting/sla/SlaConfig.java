package io.bpo.reporting.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "bpo.reporting.sla")
public interface SlaConfig {
    /** Calls abandoned after a known wait shorter than this are left out of service level and abandonment. */
    @WithDefault("5")
    int shortAbandonSeconds();
}
