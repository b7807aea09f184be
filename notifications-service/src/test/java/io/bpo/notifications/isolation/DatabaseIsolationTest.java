package io.bpo.notifications.isolation;

import static io.bpo.notifications.Api.as;
import static io.bpo.notifications.Api.awaiting;
import static io.bpo.notifications.Api.person;
import static io.bpo.notifications.Api.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bpo.kit.testing.Database;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Layer 3 in notifications' database: the app role is confined, and sees one client's rows at a time. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseIsolationTest {
    static final String[] TENANT_TABLES = {"events", "notifications", "notification_reads", "recipients",
        "mail_messages", "webhook_subscriptions", "webhook_deliveries"};

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    @Test
    void appRoleIsConfinedAndSeesNothingWithoutATenant() throws Exception {
        as(person("iso-a", "client-manager", "iso-a")).get("/api/v1/me/notifications").then().statusCode(200);
        publish(awaiting("iso-a", "ISO-1", "CLIENT"));
        Database.assertAppRoleIsConfined(url, appUser, appPassword, "notifications");
        Database.assertNothingVisibleWithoutTenant(url, appUser, appPassword, TENANT_TABLES);
    }

    @Test
    void oneTenantSeesOnlyItsOwnRowsAndTheWorkerSettingOpensOnlyTheQueues() throws Exception {
        as(person("iso-b", "client-manager", "iso-b")).body(Map.of("url", "https://b.example/hook",
                "eventTypes", List.of("*"))).post("/api/v1/clients/iso-b/webhooks").then().statusCode(201);
        publish(awaiting("iso-b", "ISO-2", "CLIENT"));
        try (Connection app = DriverManager.getConnection(url, appUser, appPassword);
                Statement st = app.createStatement()) {
            app.setAutoCommit(false);
            st.execute("select set_config('app.tenant_id', 'iso-other', true)");
            for (String table : TENANT_TABLES) {
                assertEquals(0, Database.count(st, "select count(*) from " + table + " where tenant_id = 'iso-b'"),
                        table);
            }
            st.execute("select set_config('app.tenant_id', 'iso-b', true)");
            assertTrue(Database.count(st, "select count(*) from notifications") >= 1);
            app.rollback();

            st.execute("select set_config('app.notification_worker', 'on', true)");
            assertTrue(Database.count(st, "select count(*) from webhook_deliveries where tenant_id = 'iso-b'") >= 1);
            assertEquals(0, Database.count(st, "select count(*) from notifications"), "worker reads no inbox");
            assertEquals(0, Database.count(st, "select count(*) from recipients"), "worker reads no people");
            app.rollback();
        }
    }
}
