package io.bpo.notifications.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.http.Cursor;
import io.bpo.kit.problem.ApiException;
import io.bpo.kit.security.Caller;
import io.bpo.notifications.event.EventTexts;
import io.bpo.notifications.event.EventType;
import io.bpo.notifications.recipient.ChannelChoices;
import io.bpo.notifications.recipient.Recipient;
import io.bpo.notifications.recipient.RecipientDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's own in-app notifications, across every client they belong to: those addressed to one of their roles
 * in that client, minus the event types they switched off in-app. Each client is read in its own transaction bound
 * to it (row-level security), and the pages are merged newest first.
 */
@ApplicationScoped
public class NotificationService {
    private static final Comparator<NotificationView> NEWEST_FIRST = Comparator
            .comparing(NotificationView::createdAt).thenComparing(NotificationView::id).reversed();

    @Inject
    RecipientDirectory directory;

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    @Inject
    EventTexts texts;

    @Inject
    ObjectMapper mapper;

    public NotificationPage mine(boolean unreadOnly, String cursor, int limit) {
        Cursor after = Cursor.decode(cursor);
        List<NotificationView> merged = new ArrayList<>();
        long unread = 0;
        for (PerClient page : directory.forEachClient(clientId -> {
            Recipient me = directory.current().orElseThrow();
            return new PerClient(read(clientId, me, unreadOnly, after, limit + 1, null), count(me));
        })) {
            merged.addAll(page.items());
            unread += page.unread();
        }
        merged.sort(NEWEST_FIRST);
        String next = null;
        if (merged.size() > limit) {
            NotificationView last = merged.get(limit - 1);
            next = new Cursor(last.createdAt(), last.id()).encode();
        }
        return new NotificationPage(merged.stream().limit(limit).toList(), next, unread);
    }

    public long unreadCount() {
        return directory.forEachClient(clientId -> count(directory.current().orElseThrow())).stream()
                .mapToLong(Long::longValue).sum();
    }

    /** Marks one of the caller's notifications read; another person's or another client's is not found. */
    public NotificationView markRead(UUID id) {
        return directory.forEachClient(clientId -> {
            Recipient me = directory.current().orElseThrow();
            List<NotificationView> found = read(clientId, me, false, null, 1, id);
            if (found.isEmpty()) {
                return Optional.<NotificationView>empty();
            }
            entityManager.createNativeQuery("""
                    insert into notification_reads (tenant_id, notification_id, subject, read_at)
                    values (?1, ?2, ?3, now()) on conflict do nothing""")
                    .setParameter(1, clientId).setParameter(2, id).setParameter(3, me.subject).executeUpdate();
            return Optional.of(read(clientId, me, false, null, 1, id).get(0));
        }).stream().flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> ApiException.notFound("Notification", id));
    }

    /** Marks every notification the caller can see read; returns how many were unread. */
    public long markAllRead() {
        return directory.forEachClient(clientId -> {
            Recipient me = directory.current().orElseThrow();
            Query insert = entityManager.createNativeQuery("""
                    insert into notification_reads (tenant_id, notification_id, subject, read_at)
                    select n.tenant_id, n.id, ?1, now() from notifications n
                    where n.audience_roles && cast(?2 as text[]) and not (n.type = any(cast(?3 as text[])))
                    on conflict do nothing""");
            insert.setParameter(1, me.subject).setParameter(2, textArray(Arrays.asList(me.roles)))
                    .setParameter(3, textArray(hiddenTypes(me)));
            return (long) insert.executeUpdate();
        }).stream().mapToLong(Long::longValue).sum();
    }

    private record PerClient(List<NotificationView> items, long unread) {
    }

    /** Native SQL under row-level security: the transaction is bound to {@code clientId}. */
    private List<NotificationView> read(String clientId, Recipient me, boolean unreadOnly, Cursor after, int limit,
            UUID only) {
        StringBuilder sql = new StringBuilder("""
                select n.id, n.type, n.data::text, n.created_at, r.read_at from notifications n
                left join notification_reads r
                       on r.tenant_id = n.tenant_id and r.notification_id = n.id and r.subject = :me
                where n.audience_roles && cast(:roles as text[]) and not (n.type = any(cast(:hidden as text[])))""");
        if (unreadOnly) {
            sql.append(" and r.read_at is null");
        }
        if (after != null) {
            sql.append(" and (n.created_at, n.id) < (:at, :id)");
        }
        if (only != null) {
            sql.append(" and n.id = :only");
        }
        sql.append(" order by n.created_at desc, n.id desc limit ").append(limit);
        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter("me", me.subject)
                .setParameter("roles", textArray(Arrays.asList(me.roles)))
                .setParameter("hidden", textArray(hiddenTypes(me)));
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        if (only != null) {
            query.setParameter("only", only);
        }
        List<NotificationView> views = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            views.add(view(clientId, me, columns));
        }
        return views;
    }

    private long count(Recipient me) {
        Object count = entityManager.createNativeQuery("""
                select count(*) from notifications n
                where n.audience_roles && cast(?2 as text[]) and not (n.type = any(cast(?3 as text[])))
                  and not exists (select 1 from notification_reads r
                                  where r.tenant_id = n.tenant_id and r.notification_id = n.id and r.subject = ?1)""")
                .setParameter(1, me.subject)
                .setParameter(2, textArray(Arrays.asList(me.roles)))
                .setParameter(3, textArray(hiddenTypes(me)))
                .getSingleResult();
        return ((Number) count).longValue();
    }

    private NotificationView view(String clientId, Recipient me, Object[] columns) {
        String type = (String) columns[1];
        String data = (String) columns[2];
        EventTexts.Text text = texts.render(type, me.language, data);
        JsonNode facts = tree(data);
        return new NotificationView((UUID) columns[0], clientId, type, text.title(), text.body(),
                facts.path("link").isTextual() ? facts.get("link").asText() : null, facts, instant(columns[3]),
                columns[4] != null, columns[4] == null ? null : instant(columns[4]));
    }

    private List<String> hiddenTypes(Recipient me) {
        return Arrays.stream(EventType.values()).filter(type -> !ChannelChoices.inApp(mapper, me, type))
                .map(EventType::wireName).toList();
    }

    static String textArray(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + "}";
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof Instant instant ? instant
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event data unreadable", e);
        }
    }
}
