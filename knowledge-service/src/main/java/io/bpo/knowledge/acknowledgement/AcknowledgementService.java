package io.bpo.knowledge.acknowledgement;

import io.bpo.knowledge.article.Article;
import io.bpo.knowledge.article.ArticleService;
import io.bpo.knowledge.article.ArticleStatus;
import io.bpo.knowledge.article.ArticleVisibility;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.kit.tenancy.TenantContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Acknowledgements and coverage. The agents assigned to a client are the roster its account managers keep (the
 * identity provider lists who may act for a client, not who is staffed on it). An acknowledgement counts for the
 * current version when it is of the latest version that required re-acknowledgement (the baseline) or later, so a
 * version published with the flag resets coverage and one published without it keeps it.
 * Native SQL with the tenant written out; row-level security stands behind every statement.
 */
@ApplicationScoped
@Transactional
public class AcknowledgementService {
    /** Version 1 always requires acknowledgement; the fallback covers a published row whose versions are missing. */
    private static final String BASELINE = "coalesce((select max(v.number) from article_versions v"
            + " where v.tenant_id = a.tenant_id and v.article_id = a.id and v.requires_reack"
            + " and v.number <= a.published_version), 1)";

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    ArticleService articles;

    @Inject
    ArticleVisibility visibility;

    @Inject
    EntityManager em;

    public List<RosterEntry> roster() {
        return rows(em.createNativeQuery("select user_name, added_by, added_at from agent_roster where tenant_id = ?1"
                + " order by user_name").setParameter(1, tenant.require()))
                .stream().map(r -> new RosterEntry((String) r[0], (String) r[1], instant(r[2]))).toList();
    }

    /** Adds the agent; true when it was not on the roster yet. */
    public boolean assign(String userName) {
        int added = em.createNativeQuery("insert into agent_roster (tenant_id, user_name, added_by, added_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, tenant.require()).setParameter(2, userName).setParameter(3, caller.userName())
                .setParameter(4, Timestamp.from(now())).executeUpdate();
        return added == 1;
    }

    public RosterEntry rosterEntry(String userName) {
        return roster().stream().filter(e -> e.userName().equals(userName)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Roster entry", userName));
    }

    public void unassign(String userName) {
        int removed = em.createNativeQuery("delete from agent_roster where tenant_id = ?1 and user_name = ?2")
                .setParameter(1, tenant.require()).setParameter(2, userName).executeUpdate();
        if (removed == 0) {
            throw ApiException.notFound("Roster entry", userName);
        }
    }

    /** The caller acknowledges the version readers are served now; true when it is a new acknowledgement. */
    public Result acknowledge(UUID articleId) {
        Article article = articles.find(articleId);
        if (article.status != ArticleStatus.PUBLISHED) {
            throw ApiException.conflict("not-published",
                    "Article " + articleId + " is " + article.status + ": only a published article is acknowledged");
        }
        Instant at = now();
        int added = em.createNativeQuery("insert into acknowledgements (tenant_id, article_id, version_number,"
                        + " agent_name, agent_subject, acknowledged_at) values (?1, ?2, ?3, ?4, ?5, ?6)"
                        + " on conflict do nothing")
                .setParameter(1, tenant.require()).setParameter(2, article.id).setParameter(3, article.publishedVersion)
                .setParameter(4, caller.userName()).setParameter(5, caller.subject()).setParameter(6, Timestamp.from(at))
                .executeUpdate();
        Object stored = em.createNativeQuery("select acknowledged_at from acknowledgements where tenant_id = ?1"
                        + " and article_id = ?2 and version_number = ?3 and agent_name = ?4")
                .setParameter(1, tenant.require()).setParameter(2, article.id).setParameter(3, article.publishedVersion)
                .setParameter(4, caller.userName()).getSingleResult();
        if (added == 1) {
            Log.infof("%s acknowledged article %s version %d of client %s", caller.userName(), article.id,
                    article.publishedVersion, tenant.require());
        }
        return new Result(new Acknowledgement(article.id, article.publishedVersion, caller.userName(), instant(stored)),
                added == 1);
    }

    public ArticleCoverage coverage(UUID articleId) {
        Article article = articles.find(articleId);
        if (article.status != ArticleStatus.PUBLISHED) {
            throw ApiException.conflict("not-published",
                    "Article " + articleId + " is " + article.status + ": coverage is of a published article");
        }
        return coverage(article);
    }

    private ArticleCoverage coverage(Article article) {
        Number baseline = (Number) em.createNativeQuery("select " + BASELINE.replace("a.tenant_id", "?1")
                        .replace("a.id", "?2").replace("a.published_version", "?3"))
                .setParameter(1, tenant.require()).setParameter(2, article.id).setParameter(3, article.publishedVersion)
                .getSingleResult();
        List<String> roster = roster().stream().map(RosterEntry::userName).toList();
        @SuppressWarnings("unchecked")
        List<String> acknowledged = em.createNativeQuery("select distinct k.agent_name from acknowledgements k"
                        + " join agent_roster r on r.tenant_id = k.tenant_id and r.user_name = k.agent_name"
                        + " where k.tenant_id = ?1 and k.article_id = ?2 and k.version_number >= ?3 order by 1")
                .setParameter(1, tenant.require()).setParameter(2, article.id).setParameter(3, baseline.intValue())
                .getResultList();
        List<String> missing = new ArrayList<>(roster);
        missing.removeAll(acknowledged);
        return new ArticleCoverage(article.id, article.title, article.publishedVersion, baseline.intValue(),
                roster.size(), acknowledged, missing, ratio(acknowledged.size(), roster.size()));
    }

    public ClientCoverage clientCoverage() {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.require());
        String readable = visibility.sql(parameters);
        String sql = "select a.id, a.title, a.published_version, b.baseline,"
                + " (select count(distinct k.agent_name) from acknowledgements k join agent_roster r"
                + "  on r.tenant_id = k.tenant_id and r.user_name = k.agent_name"
                + "  where k.tenant_id = a.tenant_id and k.article_id = a.id and k.version_number >= b.baseline)"
                + " from articles a cross join lateral (select " + BASELINE + " as baseline) b"
                + " where a.tenant_id = ? and a.status = 'PUBLISHED' and " + readable
                + " order by a.title, a.id";
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        int assigned = roster().size();
        List<ClientCoverage.Line> lines = rows(query).stream().map(r -> {
            int acknowledged = ((Number) r[4]).intValue();
            return new ClientCoverage.Line((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue(), acknowledged, ratio(acknowledged, assigned));
        }).toList();
        long done = lines.stream().mapToLong(ClientCoverage.Line::acknowledged).sum();
        int full = (int) lines.stream().filter(l -> l.acknowledged() >= assigned).count();
        double overall = assigned == 0 ? 0.0 : lines.isEmpty() ? 1.0 : ratio(done, (long) assigned * lines.size());
        return new ClientCoverage(tenant.require(), assigned, overall, full, lines);
    }

    /** Published articles the calling agent has not acknowledged since their baseline version. */
    public List<ClientCoverage.Line> pendingForCaller() {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenant.require());
        String readable = visibility.sql(parameters);
        parameters.add(caller.userName());
        String sql = "select a.id, a.title, a.published_version, b.baseline from articles a"
                + " cross join lateral (select " + BASELINE + " as baseline) b"
                + " where a.tenant_id = ? and a.status = 'PUBLISHED' and " + readable
                + " and not exists (select 1 from acknowledgements k where k.tenant_id = a.tenant_id"
                + "  and k.article_id = a.id and k.agent_name = ? and k.version_number >= b.baseline)"
                + " order by a.title, a.id";
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return rows(query).stream().map(r -> new ClientCoverage.Line((UUID) r[0], (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), 0, 0)).toList();
    }

    /** Whether any agent is on the client's roster (go-live needs trained people). */
    public boolean anyoneAssigned() {
        return !roster().isEmpty();
    }

    /** Coverage of one article, as a ratio, for readiness checks elsewhere (0 when not published or not readable). */
    public double coverageRatio(UUID articleId) {
        return articles.findReadable(articleId).filter(a -> a.status == ArticleStatus.PUBLISHED)
                .map(a -> coverage(a).coverage()).orElse(0.0);
    }

    /** Nobody assigned means nobody trained: 0, never a vacuous 100 %. */
    private static double ratio(long done, long expected) {
        return expected == 0 ? 0.0 : Math.round(1000.0 * done / expected) / 1000.0;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    public record Result(Acknowledgement acknowledgement, boolean created) {
    }
}
