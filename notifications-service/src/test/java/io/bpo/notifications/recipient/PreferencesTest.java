package io.bpo.notifications.recipient;

import static io.bpo.notifications.Api.as;
import static io.bpo.notifications.Api.awaiting;
import static io.bpo.notifications.Api.person;
import static io.bpo.notifications.Api.publish;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each person's channels per event type and e-mail language; e-mail goes out in that language. */
@QuarkusTest
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class PreferencesTest {
    @Inject
    MockMailbox mailbox;

    @Test
    void defaultsFollowTheRole() {
        as(person("pref-agent", "agent", "pref-a")).get("/api/v1/me/notification-preferences").then()
                .statusCode(200).body("language", equalTo("en"))
                .body("events.find { it.type == 'article.reacknowledgement-required' }.email", equalTo(true))
                .body("events.find { it.type == 'transfer-plan.go-live-signed' }.email", equalTo(false))
                .body("events.type", not(hasItem("change-request.awaiting-decision")));
        as(person("pref-manager", "client-manager", "pref-a")).get("/api/v1/me/notification-preferences").then()
                .statusCode(200)
                .body("events.find { it.type == 'change-request.awaiting-decision' }.email", equalTo(true))
                .body("events.find { it.type == 'change-request.awaiting-decision' }.chosen", equalTo(false));
    }

    @Test
    void frenchSpeakerGetsFrenchMailAndTitles() {
        String amelie = person("pref-amelie", "client-manager", "pref-fr");
        as(amelie).body(Map.of("language", "fr", "events", List.of()))
                .put("/api/v1/me/notification-preferences").then().statusCode(200).body("language", equalTo("fr"));
        mailbox.clear();
        publish(awaiting("pref-fr", "C-FR", "CLIENT"));

        as(amelie).get("/api/v1/me/notifications").then().statusCode(200)
                .body("items[0].title", containsString("attend votre décision"));
        List<Mail> mails = await("pref-amelie@example.test");
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().contains("C-FR"), mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains("propose une modification"), mails.get(0).getText());
        assertTrue(mails.get(0).getHtml().contains("lang=\"fr\""), mails.get(0).getHtml());
    }

    @Test
    void switchedOffChannelsAreHonoured() {
        String manager = person("pref-quiet", "client-manager", "pref-quiet-co");
        as(manager).body(Map.of("events", List.of(Map.of("type", "change-request.awaiting-decision",
                "inApp", false, "email", false)))).put("/api/v1/me/notification-preferences").then()
                .statusCode(200)
                .body("events.find { it.type == 'change-request.awaiting-decision' }.chosen", equalTo(true));
        mailbox.clear();
        publish(awaiting("pref-quiet-co", "C-QUIET", "CLIENT"));
        as(manager).get("/api/v1/me/notifications").then().statusCode(200).body("items", hasSize(0));
        sleep(Duration.ofMillis(800));
        assertEquals(0, mailbox.getMailsSentTo("pref-quiet@example.test").size());
    }

    @Test
    void unknownEventTypeOrLanguageIsAProblemNamingTheField() {
        String manager = person("pref-bad", "client-manager", "pref-a");
        as(manager).body(Map.of("events", List.of(Map.of("type", "no.such-type", "inApp", true, "email", true))))
                .put("/api/v1/me/notification-preferences").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("events[0].type"));
        as(manager).body(Map.of("language", "de", "events", List.of()))
                .put("/api/v1/me/notification-preferences").then().statusCode(400)
                .body("errors[0].field", containsString("language"));
    }

    @Test
    void anonymousIsRefused() {
        io.restassured.RestAssured.get("/api/v1/me/notification-preferences").then().statusCode(401);
    }

    private List<Mail> await(String address) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = mailbox.getMailsSentTo(address);
            if (mails != null && !mails.isEmpty()) {
                return mails;
            }
            sleep(Duration.ofMillis(100));
        }
        return List.of();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
