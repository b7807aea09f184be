package io.bpo.knowledge.article;

import io.bpo.kit.security.Caller;
import io.bpo.kit.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which articles the caller may read within the client bound to the request. Agents work only from published
 * knowledge; the client's staff and its account managers also see drafts, articles under review and archived ones.
 * A RESTRICTED article is readable only by its author, its owner, its reviewers, the users it names and the holders
 * of the roles it names, whatever their role otherwise allows. A hidden article is answered like a missing one (404), so its
 * existence is not revealed either.
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

    /** JPQL: the article {@code a} is readable (status and restriction); adds its parameters. */
    public String jpql(Map<String, Object> parameters) {
        parameters.put("readable", readableStatuses());
        parameters.put("restricted", Classification.RESTRICTED);
        parameters.put("meSubject", caller.subject());
        parameters.put("meName", caller.userName());
        StringBuilder clause = new StringBuilder("a.status in :readable and (a.classification <> :restricted"
                + " or a.authorSubject = :meSubject or a.ownerName = :meName or array_contains(a.allowedUsers, :meName)"
                + " or array_contains(a.reviewers, :meName)");
        int i = 0;
        for (String role : caller.roles()) {
            clause.append(" or array_contains(a.allowedRoles, :role").append(i).append(')');
            parameters.put("role" + i++, role);
        }
        return clause.append(')').toString();
    }

    /** SQL over {@code articles a}: the same rule, for native queries (row-level security still applies). */
    public String sql(List<Object> parameters) {
        List<String> statuses = new ArrayList<>();
        readableStatuses().forEach(s -> statuses.add(s.name()));
        parameters.add(String.join(",", statuses));
        parameters.add(caller.subject());
        parameters.add(caller.userName());
        parameters.add(caller.userName());
        parameters.add(caller.userName());
        parameters.add(String.join(",", caller.roles()));
        // lists travel as comma-separated text: no status, user or role name contains a comma
        return "a.status = any(string_to_array(?, ',')) and (a.classification <> 'RESTRICTED' or a.author_subject = ? or a.owner_name = ?"
                + " or ? = any(a.allowed_users) or ? = any(a.reviewers) or a.allowed_roles && string_to_array(?, ','))";
    }

    /** Whether the caller may read this article (the entity was already loaded through a tenant-filtered query). */
    public boolean mayRead(Article a) {
        if (!readableStatuses().contains(a.status)) {
            return false;
        }
        return a.classification != Classification.RESTRICTED || a.authorSubject.equals(caller.subject())
                || a.ownerName.equals(caller.userName()) || a.allowedUsers.contains(caller.userName())
                || a.reviewers.contains(caller.userName())
                || a.allowedRoles.stream().anyMatch(caller::hasRole);
    }
}
