package io.bpo.people.revocation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.bpo.people.config.PeopleConfig;

/**
 * Records revocations (in the transaction of the change that causes them) and reads the feed. A revocation is
 * recorded before Keycloak is told, so a failure half-way leaves the person refused rather than admitted.
 */
@ApplicationScoped
public class Revocations {

    private final AgroalDataSource dataSource;
    private final PeopleConfig config;

    Revocations(AgroalDataSource dataSource, PeopleConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Refuses the person's tokens issued until now (inside the caller's transaction, under its tenant). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(String clientId, String subject, String reason) {
        Revocation.Key key = new Revocation.Key(clientId, subject);
        Revocation revocation = Revocation.<Revocation>findByIdOptional(key).orElseGet(() -> {
            Revocation created = new Revocation();
            created.key = key;
            return created;
        });
        revocation.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        revocation.reason = reason;
        revocation.persist();
    }

    /**
     * Every client whose people are refused and every person revoked within the horizon. Read across clients on
     * purpose (ids and instants only), under the one setting the row-level-security policies grant this reader.
     */
    @Transactional
    public RevocationFeed feed() {
        Instant now = Instant.now();
        List<String> suspended = new ArrayList<>();
        List<RevocationFeed.Subject> subjects = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement scope = connection.prepareStatement(
                    "select set_config('app.revocation_feed', 'on', true)")) {
                scope.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select tenant_id from client_lifecycle where status <> 'ACTIVE' order by tenant_id");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    suspended.add(rows.getString(1));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select subject, max(revoked_at) from revocations where revoked_at > ? group by subject"
                            + " order by subject")) {
                statement.setTimestamp(1, Timestamp.from(now.minus(config.revocationHorizon())));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        subjects.add(new RevocationFeed.Subject(rows.getString(1), rows.getTimestamp(2).toInstant()));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the revocations", e);
        }
        return new RevocationFeed(now, suspended, subjects);
    }
}
