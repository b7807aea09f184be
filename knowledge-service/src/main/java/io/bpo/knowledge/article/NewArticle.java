package io.bpo.knowledge.article;

import io.bpo.kit.validation.LanguageTag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a create: what the author writes. Author, timestamps and version come from the service. */
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
        @Schema(description = "DRAFT (default) or PUBLISHED", enumeration = {"DRAFT", "PUBLISHED"})
        @InitialStatus ArticleStatus status) {
}
