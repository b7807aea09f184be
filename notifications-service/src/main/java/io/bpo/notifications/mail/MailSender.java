package io.bpo.notifications.mail;

import io.agroal.api.AgroalDataSource;
import io.bpo.notifications.worker.WorkerLoop;
import io.bpo.notifications.worker.WorkerTransactions;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the queued e-mails of every client through SMTP, oldest first. A failed send is tried again with a doubling
 * pause (from 30 s) and given up after {@code bpo.mail.max-attempts}; the row keeps the last error.
 */
@ApplicationScoped
public class MailSender {
    private static final long LOCK = 0x6d61696cL;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "bpo.mail.poll-interval", defaultValue = "2s")
    Duration pollInterval;

    @ConfigProperty(name = "bpo.mail.max-attempts", defaultValue = "10")
    int maxAttempts;

    private WorkerLoop loop;

    void start(@Observes StartupEvent event) {
        loop = new WorkerLoop("mail-sender", pollInterval, this::sendDue);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    /** Sends up to 50 due e-mails in one transaction; returns how many were attempted. */
    int sendDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!WorkerTransactions.enterQueue(connection, LOCK)) {
                    return 0;
                }
                int attempted = 0;
                try (PreparedStatement due = connection.prepareStatement("""
                        select tenant_id, id, to_address, mail_subject, text_body, html_body, attempts
                        from mail_messages where status = 'PENDING' and next_attempt_at <= now()
                        order by seq limit 50""");
                        ResultSet rows = due.executeQuery()) {
                    while (rows.next()) {
                        attempted++;
                        send(connection, rows);
                    }
                }
                return attempted;
            }
        });
    }

    private void send(Connection connection, ResultSet row) throws Exception {
        String tenant = row.getString(1);
        UUID id = row.getObject(2, UUID.class);
        int attempts = row.getInt(7) + 1;
        String error = null;
        try {
            mailer.send(Mail.withText(row.getString(3), row.getString(4), row.getString(5))
                    .setHtml(row.getString(6)));
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Log.warnf("E-mail %s of client %s not sent (attempt %d): %s", id, tenant, attempts, error);
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update mail_messages set attempts = ?, last_error = ?,
                       status = case when ?::text is null then 'SENT' when ? >= ? then 'FAILED' else 'PENDING' end,
                       sent_at = case when ?::text is null then now() end,
                       next_attempt_at = now() + make_interval(secs => 30 * power(2, least(?, 12)))
                where tenant_id = ? and id = ?""")) {
            update.setInt(1, attempts);
            update.setString(2, error);
            update.setString(3, error);
            update.setInt(4, attempts);
            update.setInt(5, maxAttempts);
            update.setString(6, error);
            update.setInt(7, attempts - 1);
            update.setString(8, tenant);
            update.setObject(9, id);
            update.executeUpdate();
        }
    }
}
