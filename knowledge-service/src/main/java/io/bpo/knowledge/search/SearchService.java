package io.bpo.knowledge.search;

import io.bpo.knowledge.article.ArticleFilter;
import io.bpo.knowledge.article.ArticleStatus;
import io.bpo.knowledge.article.ArticleType;
import io.bpo.knowledge.article.ArticleVisibility;
import io.bpo.knowledge.article.Classification;
import io.bpo.kit.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Full-text search over the client's articles with PostgreSQL: each article is indexed in its own language's
 * configuration (French or English stemming, accents folded; see migration V2), the query is parsed in the
 * configuration of the language asked for, or in both when none is, so a French "facturé" finds "facturation".
 * Snippets are cut in Java from the body ({@link Snippets}).
 * Native SQL, so the tenant predicate is written out here and row-level security stands behind it; the caller's
 * visibility (status for agents, RESTRICTED lists) is the same rule as for reads.
 */
@ApplicationScoped
@Transactional
public class SearchService {
    /** Most of a body the snippet is taken from (a passage near the start is what a reader scans anyway). */
    static final int SNIPPET_SOURCE_CHARS = 100_000;

    @Inject
    TenantContext tenant;

    @Inject
    ArticleVisibility visibility;

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public SearchResults search(String text, ArticleFilter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>();
        String query = tsquery(filter.language(), text, parameters);
        StringBuilder where = new StringBuilder("a.tenant_id = ? and a.search_vector @@ q.query and ");
        parameters.add(tenant.require());
        where.append(visibility.sql(parameters));
        if (filter.type() != null) {
            where.append(" and a.type = ?");
            parameters.add(filter.type().name());
        }
        if (filter.status() != null) {
            where.append(" and a.status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.language() != null) {
            where.append(" and a.language = ?");
            parameters.add(filter.language());
        }
        if (filter.tag() != null) {
            where.append(" and a.tags @> array[cast(? as text)]");
            parameters.add(filter.tag());
        }
        if (filter.classification() != null) {
            where.append(" and a.classification = ?");
            parameters.add(filter.classification().name());
        }
        parameters.add(size + 1);
        parameters.add((page - 1) * size);
        // snippets are cut here, in Java, from the body and the query's lexemes (Snippets, decision 0022)
        String sql = "with q as (select " + query + " as query)"
                + " select m.id, m.type, m.title, m.language, array_to_string(m.tags, ' '), m.classification, m.status,"
                + " m.published_version, m.rank, left(m.body, " + SNIPPET_SOURCE_CHARS + "), cast(q.query as text)"
                + " from (select a.id, a.type, a.title, a.language, a.tags, a.classification, a.status,"
                + " a.published_version, a.body, ts_rank(a.search_vector, q.query) as rank"
                + " from articles a, q where " + where
                + " order by rank desc, a.id limit ? offset ?) m, q order by m.rank desc, m.id";
        Query statement = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = statement.getResultList();
        Set<String> lexemes = rows.isEmpty() ? Set.of() : Snippets.lexemes((String) rows.get(0)[10]);
        List<SearchHit> hits = rows.stream().limit(size).map(row -> hit(row, lexemes)).toList();
        return new SearchResults(hits, page, size, rows.size() > size);
    }

    /** The query in the asked language's configuration, or the union of French, English and unstemmed. */
    private static String tsquery(String language, String text, List<Object> parameters) {
        if (language != null) {
            parameters.add(language);
            parameters.add(text);
            return "websearch_to_tsquery(knowledge_ts_config(cast(? as text)), cast(? as text))";
        }
        parameters.add(text);
        parameters.add(text);
        parameters.add(text);
        return "(websearch_to_tsquery('public.knowledge_fr', cast(? as text))"
                + " || websearch_to_tsquery('public.knowledge_en', cast(? as text))"
                + " || websearch_to_tsquery('public.knowledge_simple', cast(? as text)))";
    }

    private static SearchHit hit(Object[] r, Set<String> lexemes) {
        String tags = (String) r[4];
        return new SearchHit((UUID) r[0], ArticleType.valueOf((String) r[1]), (String) r[2], (String) r[3],
                tags.isEmpty() ? List.of() : List.of(tags.split(" ")), Classification.valueOf((String) r[5]),
                ArticleStatus.valueOf((String) r[6]), r[7] == null ? null : ((Number) r[7]).intValue(),
                ((Number) r[8]).doubleValue(), Snippets.snippet((String) r[9], lexemes));
    }
}
