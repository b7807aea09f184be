package io.bpo.contracts.changerequest;

import java.util.Map;

/** What part of the agreement a change touches; computed from the JSON Patch when the proposer does not say. */
public enum ChangeCategory {
    SCOPE, SLA, PRICING, TERM, GOVERNANCE;

    /**
     * Top-level member of the terms document → category. Service calendars are the service hours of the scope;
     * objectives are what the SLAs measure, so they travel with them.
     */
    private static final Map<String, ChangeCategory> BY_SECTION = Map.of(
            "term", TERM,
            "pricing", PRICING,
            "governance", GOVERNANCE,
            "scope", SCOPE,
            "calendars", SCOPE,
            "slas", SLA,
            "objectives", SLA);

    /** The category of a JSON Pointer into a terms document ({@code /slas/0/target} → SLA); null for the root. */
    static ChangeCategory ofPointer(String pointer) {
        if (pointer == null || pointer.length() < 2) {
            return null;
        }
        int end = pointer.indexOf('/', 1);
        return BY_SECTION.get(end < 0 ? pointer.substring(1) : pointer.substring(1, end));
    }
}
