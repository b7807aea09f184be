package io.bpo.knowledge.article;

import io.bpo.kit.validation.LanguageTag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a create or an edit: what the author writes. Author, timestamps and version come from the service. */
@Schema(name = "NewArticle", description = "A knowledge article to create")
public record NewArticle(
        @NotNull ArticleType type,
        @Schema(example = "Escalating a billing complaint") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Markdown, at most 200 000 characters",
                example = "## When\nThe customer disputes an invoice twice.\n\n## Steps\n1. Open a case...")
        @NotBlank @Size(max = 200_000) String body,
        @Schema(description = "BCP-47 language tag of the body", example = "fr") @NotNull @LanguageTag String language,
        @Schema(description = "0-20 lowercase slugs; a repeated tag is kept once", example = "[\"billing\", \"escalation\"]")
        @Size(max = Tags.MAX) List<@NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.RULE) String> tags,
        @NotNull Classification classification,
        @Schema(description = "DRAFT only, the default: publication goes through review", enumeration = {"DRAFT"})
        @InitialStatus ArticleStatus status,
        @Schema(description = "User name of who keeps the article current; the author when absent", example = "alice")
        @Pattern(regexp = Users.PATTERN, message = Users.RULE) String owner,
        @Schema(description = "User names who may publish it; empty: any manager other than the author",
                example = "[\"carol\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = Users.PATTERN, message = Users.RULE) String> reviewers,
        @Schema(description = "RESTRICTED only: roles that may read it", example = "[\"agent\"]")
        @Size(max = 20) List<@NotNull @Pattern(regexp = Users.PATTERN, message = Users.RULE) String> allowedRoles,
        @Schema(description = "RESTRICTED only: user names that may read it, besides author and owner",
                example = "[\"dave\"]")
        @Size(max = 50) List<@NotNull @Pattern(regexp = Users.PATTERN, message = Users.RULE) String> allowedUsers,
        @Schema(description = "Date by which the owner must review it again; past it, the article is overdue",
                example = "2027-06-30") LocalDate reviewBy,
        @Schema(description = "Whether agents must acknowledge the next published version again (default false;"
                + " a first version always needs acknowledging)") Boolean requiresReacknowledgement) {

    /** The content alone, as the first slice's clients send it. */
    public NewArticle(ArticleType type, String title, String body, String language, List<String> tags,
            Classification classification, ArticleStatus status) {
        this(type, title, body, language, tags, classification, status, null, null, null, null, null, null);
    }
}
