package io.bpo.knowledge.article;

/**
 * Workflow: DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED (IN_REVIEW may go back to DRAFT when the reviewer rejects it).
 * An article is always created DRAFT: publishing needs a reviewer other than the author.
 */
public enum ArticleStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED;

    public boolean allowedAtCreation() {
        return this == DRAFT;
    }
}
