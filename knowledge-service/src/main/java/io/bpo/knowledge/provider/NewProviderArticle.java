package io.bpo.knowledge.provider;

import io.bpo.knowledge.article.ArticleType;
import io.bpo.knowledge.article.Tags;
import io.bpo.kit.validation.LanguageTag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider-space article to create, as a draft. */
@Schema(name = "NewProviderArticle")
public record NewProviderArticle(
        @NotNull ArticleType type,
        @Schema(example = "Our escalation matrix") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Markdown, at most 200 000 characters") @NotBlank @Size(max = 200_000) String body,
        @Schema(example = "en") @NotNull @LanguageTag String language,
        @Size(max = Tags.MAX) List<@NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.RULE) String> tags) {
}
