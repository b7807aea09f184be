package io.bpo.knowledge.article;

/** How sensitive an article is, from PUBLIC (could be read to a customer) to RESTRICTED (named people only). */
public enum Classification {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED
}
