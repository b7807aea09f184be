package io.bpo.knowledge.transfer;

/** Which party a task or a sign-off belongs to. */
public enum Side {
    CLIENT, PROVIDER
}
