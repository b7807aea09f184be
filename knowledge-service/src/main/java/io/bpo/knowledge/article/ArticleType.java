package io.bpo.knowledge.article;

/** The kinds of knowledge a client transfers; they share one shape (a Markdown body) and differ in how agents use them. */
public enum ArticleType {
    PROCEDURE, FAQ, MANUAL, GUIDE, POLICY, WIKI_PAGE
}
