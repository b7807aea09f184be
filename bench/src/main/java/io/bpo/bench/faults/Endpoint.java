package io.bpo.bench.faults;

/** A read the load sends through the gateway, as one of the demo users (whose token the load holds). */
public record Endpoint(String name, String path, String user) {
}
