package io.bpo.knowledge.article;

/**
 * Workflow: DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED. Only DRAFT and PUBLISHED can be chosen at creation; review and
 * archiving are transitions of an existing article (a later issue), so the database already accepts them.
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED;

    public boolean allowedAtCreation() {
        return this == DRAFT || this == PUBLISHED;
    }
}
