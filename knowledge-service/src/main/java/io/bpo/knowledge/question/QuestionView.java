package io.bpo.knowledge.question;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Question")
public record QuestionView(UUID id, UUID articleId, String text, String askedBy,
        @Schema(enumeration = {"OPEN", "ANSWERED"}) String status, String answer, String answeredBy,
        Instant answeredAt, @Schema(description = "The FAQ article made from it, if any") UUID faqArticleId,
        Instant createdAt) {

    static QuestionView of(Question q) {
        return new QuestionView(q.id, q.articleId, q.text, q.askedBy, q.status, q.answer, q.answeredBy, q.answeredAt,
                q.faqArticleId, q.createdAt);
    }
}
