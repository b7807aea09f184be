package io.bpo.knowledge.article;

import io.bpo.kit.problem.Problem;
import io.bpo.kit.validation.Codes;
import io.bpo.kit.http.QueryParams;
import java.util.ArrayList;
import java.util.List;

/** The list's filters; each is optional and they combine with AND. Language is matched in its canonical form. */
public record ArticleFilter(ArticleType type, ArticleStatus status, String language, String tag,
        Classification classification) {

    /** Parses the raw query parameters; one 400 names every parameter that is not valid. */
    public static ArticleFilter of(String type, String status, String language, String tag, String classification) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ArticleType parsedType = QueryParams.enumValue("type", type, ArticleType.class, errors);
        ArticleStatus parsedStatus = QueryParams.enumValue("status", status, ArticleStatus.class, errors);
        Classification parsedClassification =
                QueryParams.enumValue("classification", classification, Classification.class, errors);
        String canonicalLanguage = null;
        if (language != null && !language.isEmpty()) {
            if (Codes.isLanguage(language)) {
                canonicalLanguage = Languages.canonical(language);
            } else {
                errors.add(new Problem.FieldError("language", "must be a BCP-47 language tag (e.g. fr, en-GB)"));
            }
        }
        String validTag = null;
        if (tag != null && !tag.isEmpty()) {
            if (Tags.isValid(tag)) {
                validTag = tag;
            } else {
                errors.add(new Problem.FieldError("tag", Tags.RULE));
            }
        }
        QueryParams.requireNoErrors(errors);
        return new ArticleFilter(parsedType, parsedStatus, canonicalLanguage, validTag, parsedClassification);
    }
}
