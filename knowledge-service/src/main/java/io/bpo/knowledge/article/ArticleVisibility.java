package io.bpo.knowledge.article;

import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which articles the caller may read within the client bound to the request. Agents work only from published
 * knowledge; the client's staff and its account managers also see drafts and, later, articles under review or
 * archived. A hidden article is answered like a missing one (404), so its existence is not revealed either.
 */
@ApplicationScoped
public class ArticleVisibility {
    private static final Set<String> SEE_WORK_IN_PROGRESS =
            Set.of(Roles.CLIENT_MANAGER, Roles.CLIENT_VIEWER, Roles.ACCOUNT_MANAGER);

    @Inject
    Caller caller;

    public Set<ArticleStatus> readableStatuses() {
        return SEE_WORK_IN_PROGRESS.stream().anyMatch(caller::hasRole)
                ? EnumSet.allOf(ArticleStatus.class)
                : EnumSet.of(ArticleStatus.PUBLISHED);
    }
}
