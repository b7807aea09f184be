package io.bpo.gateway.accesslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ChainHashTest {

    static final AccessLogEntry ENTRY = new AccessLogEntry(
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            Instant.parse("2026-01-02T03:04:05.123456789Z"),
            "req-1", "sub", "Zoë", List.of("b", "a"), "acme", "contracts", "GET", "/api/v1/clients/acme/contracts",
            200, AccessOutcome.ALLOWED, null, "127.0.0.1", "", 42);

    /** Written by hand; its SHA-256 computed outside Java: printf '...' | sha256sum. */
    static final String ENCODING = """
            bpo-access-log-v1
            chain=4:acme
            chain_seq=1:1
            prev_hash=64:0000000000000000000000000000000000000000000000000000000000000000
            id=36:00000000-0000-0000-0000-000000000001
            occurred_at=27:2026-01-02T03:04:05.123456Z
            request_id=5:req-1
            subject=3:sub
            username=4:Zoë
            roles=3:a,b
            client_id=4:acme
            service=9:contracts
            method=3:GET
            path=30:/api/v1/clients/acme/contracts
            status=3:200
            outcome=7:ALLOWED
            reason=~
            source_address=9:127.0.0.1
            user_agent=0:
            duration_ms=2:42
            """;

    static final String HASH = "f3172c2fca73cfe9b313d22d6bf0478753aee6819a1fac1b20246e895f3ab193";

    @Test
    void encodingIsLengthPrefixedInFixedOrderWithDomainSeparation() {
        assertEquals(ENCODING, ChainHash.encode("acme", 1, ChainHash.GENESIS, ENTRY));
    }

    @Test
    void hashMatchesTheHandComputedVector() {
        assertEquals(HASH, ChainHash.hash("acme", 1, ChainHash.GENESIS, ENTRY));
    }

    @Test
    void nullAndEmptyAndShiftedValuesHashDifferently() {
        AccessLogEntry emptyReason = new AccessLogEntry(ENTRY.id(), ENTRY.occurredAt(), ENTRY.requestId(),
                ENTRY.subject(), ENTRY.username(), ENTRY.roles(), ENTRY.clientId(), ENTRY.service(), ENTRY.method(),
                ENTRY.path(), ENTRY.status(), ENTRY.outcome(), "", ENTRY.sourceAddress(), ENTRY.userAgent(),
                ENTRY.durationMs());
        assertNotEquals(HASH, ChainHash.hash("acme", 1, ChainHash.GENESIS, emptyReason));
        assertNotEquals(HASH, ChainHash.hash("acme", 2, ChainHash.GENESIS, ENTRY));
        assertNotEquals(HASH, ChainHash.hash("-", 1, ChainHash.GENESIS, ENTRY));
    }

    @Test
    void rolesAreSortedAndTimeKeepsMicroseconds() {
        AccessLogEntry sorted = new AccessLogEntry(ENTRY.id(), Instant.parse("2026-01-02T03:04:05.123456Z"),
                ENTRY.requestId(), ENTRY.subject(), ENTRY.username(), List.of("a", "b"), ENTRY.clientId(),
                ENTRY.service(), ENTRY.method(), ENTRY.path(), ENTRY.status(), ENTRY.outcome(), ENTRY.reason(),
                ENTRY.sourceAddress(), ENTRY.userAgent(), ENTRY.durationMs());
        assertEquals(HASH, ChainHash.hash("acme", 1, ChainHash.GENESIS, sorted));
    }
}
