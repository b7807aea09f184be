package io.bpo.notifications.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bpo.kit.tenancy.TenantContext;
import io.bpo.notifications.event.EventTexts;
import io.bpo.notifications.event.EventType;
import io.bpo.notifications.recipient.ChannelChoices;
import io.bpo.notifications.recipient.Recipient;
import io.bpo.notifications.worker.WorkerTransactions;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues the e-mails an event causes, in the transaction that stores the event: one per known person of the client
 * who holds an audience role, has an e-mail address and has not switched this type's e-mail off. Rendered now, in
 * the person's language, so the sender only sends.
 */
@ApplicationScoped
public class MailQueue {
    @Inject
    EntityManager entityManager;

    @Inject
    TenantContext tenantContext;

    @Inject
    EventTexts texts;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MailSender sender;

    @Inject
    @Location("mail/message.html")
    Template html;

    @Inject
    @Location("mail/message.txt")
    Template text;

    @ConfigProperty(name = "bpo.notifications.portal-url", defaultValue = "http://localhost:8090")
    String portalUrl;

    public void enqueue(UUID eventId, EventType type, List<String> audience, String json) {
        int queued = 0;
        for (Recipient person : Recipient.<Recipient>listAll()) {
            boolean concerned = Arrays.stream(person.roles).anyMatch(audience::contains);
            if (!concerned || person.email == null || !ChannelChoices.email(mapper, person, type)) {
                continue;
            }
            EventTexts.Text words = texts.render(type.wireName(), person.language, json);
            String link = link(json);
            entityManager.createNativeQuery("""
                    insert into mail_messages (tenant_id, id, event_id, recipient, to_address, mail_subject,
                                               text_body, html_body, status, next_attempt_at, created_at)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'PENDING', now(), now())
                    on conflict do nothing""")
                    .setParameter(1, tenantContext.require()).setParameter(2, UUID.randomUUID())
                    .setParameter(3, eventId).setParameter(4, person.subject).setParameter(5, person.email)
                    .setParameter(6, words.title())
                    .setParameter(7, text.data("text", words).data("link", link).data("lang", person.language)
                            .render())
                    .setParameter(8, html.data("text", words).data("link", link).data("lang", person.language)
                            .render())
                    .executeUpdate();
            queued++;
        }
        if (queued > 0) {
            WorkerTransactions.afterCommit(transactions, sender::wake);
        }
    }

    private String link(String json) {
        try {
            var path = mapper.readTree(json).path("link");
            return path.isTextual() ? portalUrl + path.asText() : portalUrl;
        } catch (java.io.IOException e) {
            return portalUrl;
        }
    }
}
