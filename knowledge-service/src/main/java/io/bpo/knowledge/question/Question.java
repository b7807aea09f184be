package io.bpo.knowledge.question;

import io.bpo.kit.persistence.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A question an agent asks on an article; the client side answers it. */
@Entity
@Table(name = "questions")
public class Question extends TenantOwnedEntity {
    public static final String OPEN = "OPEN";
    public static final String ANSWERED = "ANSWERED";

    @Column(name = "article_id", nullable = false, updatable = false)
    public UUID articleId;

    @Column(name = "text", nullable = false, updatable = false)
    public String text;

    @Column(name = "asked_by", nullable = false, updatable = false)
    public String askedBy;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "answer")
    public String answer;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "faq_article_id")
    public UUID faqArticleId;
}
