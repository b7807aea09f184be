package io.bpo.knowledge.question;

import io.bpo.knowledge.article.Article;
import io.bpo.knowledge.article.ArticleService;
import io.bpo.knowledge.article.ArticleType;
import io.bpo.knowledge.article.ArticleView;
import io.bpo.knowledge.article.NewArticle;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Questions on articles: agents ask, the client answers, an answer may become a FAQ draft (reviewed like any). */
@ApplicationScoped
@Transactional
public class QuestionService {
    @Inject
    ArticleService articles;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    public QuestionView ask(UUID articleId, String text) {
        Article article = articles.find(articleId);
        Question question = new Question();
        question.articleId = article.id;
        question.text = text;
        question.askedBy = caller.userName();
        question.status = Question.OPEN;
        question.persistAndFlush();
        return QuestionView.of(question);
    }

    public List<QuestionView> onArticle(UUID articleId) {
        Article article = articles.find(articleId);
        return Question.<Question>find("articleId = ?1 order by createdAt, id", article.id).list().stream()
                .map(QuestionView::of).toList();
    }

    /** Questions of articles the caller may read, oldest first, optionally of one status. */
    public List<QuestionView> list(String status) {
        List<Question> found = status == null
                ? Question.<Question>find("order by createdAt, id").page(0, 200).list()
                : Question.<Question>find("status = ?1 order by createdAt, id", status).page(0, 200).list();
        return found.stream().filter(q -> articles.findReadable(q.articleId).isPresent()).map(QuestionView::of).toList();
    }

    public QuestionView answer(UUID id, String answer) {
        Question question = find(id);
        if (!Question.OPEN.equals(question.status)) {
            throw ApiException.conflict("already-answered", "Question " + id + " was answered by " + question.answeredBy);
        }
        question.status = Question.ANSWERED;
        question.answer = answer;
        question.answeredBy = caller.userName();
        question.answeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.flush();
        return QuestionView.of(question);
    }

    /** Turns an answered question into a FAQ draft in the article's language, classification and tags. */
    public ArticleView toFaq(UUID id) {
        Question question = find(id);
        if (!Question.ANSWERED.equals(question.status)) {
            throw ApiException.conflict("not-answered", "Question " + id + " has no answer yet");
        }
        if (question.faqArticleId != null) {
            throw ApiException.conflict("already-faq", "Question " + id + " is already FAQ article " + question.faqArticleId);
        }
        Article source = articles.find(question.articleId);
        String title = question.text.length() <= 200 ? question.text : question.text.substring(0, 199) + "…";
        String body = "**Q:** " + question.text + "\n\n**A:** " + question.answer + "\n\n_From a question on \""
                + source.title + "\"._";
        ArticleView faq = articles.create(new NewArticle(ArticleType.FAQ, title, body, source.language,
                List.copyOf(source.tags), source.classification, null, null, null, List.copyOf(source.allowedRoles),
                List.copyOf(source.allowedUsers), null, null), null).response();
        question.faqArticleId = faq.id();
        em.flush();
        Log.infof("Question %s became FAQ draft %s", id, faq.id());
        return faq;
    }

    private Question find(UUID id) {
        Question question = Question.<Question>find("id", id).firstResult();
        if (question == null || articles.findReadable(question.articleId).isEmpty()) {
            throw ApiException.notFound("Question", id);
        }
        return question;
    }
}
