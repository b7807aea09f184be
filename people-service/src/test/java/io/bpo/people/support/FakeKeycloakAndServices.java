package io.bpo.people.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A stateful fake of what people-service calls outside itself: Keycloak's token endpoint and the parts of its Admin
 * REST API the directory uses (users, groups, realm role mappings, execute-actions e-mail, logout), and the other
 * services' APIs (contracts' registry, the lists the export reads). Keycloak itself runs in the end-to-end suite
 * (PeopleIT); here the fake lets tests see exactly what people-service asked of it.
 */
public class FakeKeycloakAndServices implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "/admin/realms/bpo";
    public static final Set<String> ROLES = Set.of("client-manager", "client-viewer", "account-manager", "agent",
            "auditor", "provider-admin");

    public static final Map<String, JsonObject> USERS = new ConcurrentHashMap<>();
    public static final Map<String, JsonObject> GROUPS = new ConcurrentHashMap<>();
    public static final Map<String, Set<String>> MEMBERS = new ConcurrentHashMap<>();
    public static final Map<String, Set<String>> USER_ROLES = new ConcurrentHashMap<>();
    public static final List<String> EMAILS = new CopyOnWriteArrayList<>();
    public static final List<String> LOGOUTS = new CopyOnWriteArrayList<>();
    public static final Map<String, JsonObject> REGISTRY = new ConcurrentHashMap<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/realms/bpo/protocol/openid-connect/token").handler(ctx -> json(ctx, 200,
                new JsonObject().put("access_token", "fake-token").put("expires_in", 300).put("token_type", "Bearer")
                        .put("refresh_expires_in", 0)));
        routeKeycloak(router);
        routeServices(router);
        int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().join().actualPort();
        String url = "http://127.0.0.1:" + port;
        addUser("service-account-people-exporter", Set.of("account-manager"), null);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.keycloak.admin-client.server-url", url);
        config.put("quarkus.rest-client.contracts.url", url);
        config.put("bpo.people.export.services.contracts", url);
        config.put("bpo.people.export.services.knowledge", url);
        config.put("bpo.people.export.services.reporting", url);
        config.put("bpo.people.export.token-url", url + "/realms/bpo/protocol/openid-connect/token");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** A user as Keycloak would hold it; its id. */
    public static String addUser(String username, Set<String> roles, String tenantAttribute) {
        String id = UUID.randomUUID().toString();
        JsonObject user = new JsonObject().put("id", id).put("username", username).put("email", username + "@example.com")
                .put("firstName", username).put("lastName", "Test").put("enabled", true)
                .put("requiredActions", new JsonArray()).put("attributes", new JsonObject());
        if (tenantAttribute != null) {
            user.getJsonObject("attributes").put("tenants", new JsonArray().add(tenantAttribute));
        }
        USERS.put(id, user);
        USER_ROLES.put(id, ConcurrentHashMap.newKeySet());
        USER_ROLES.get(id).addAll(roles);
        return id;
    }

    public static JsonObject groupNamed(String name) {
        return GROUPS.values().stream().filter(g -> g.getString("name").equals(name)).findFirst().orElse(null);
    }

    private static void routeKeycloak(Router router) {
        router.get(REALM + "/group-by-path/:name").handler(ctx -> {
            JsonObject group = groupNamed(ctx.pathParam("name"));
            if (group == null) {
                json(ctx, 404, new JsonObject().put("error", "Group path does not exist"));
            } else {
                json(ctx, 200, group);
            }
        });
        router.post(REALM + "/groups").handler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            if (groupNamed(body.getString("name")) != null) {
                ctx.response().setStatusCode(409).end();
                return;
            }
            String id = UUID.randomUUID().toString();
            GROUPS.put(id, body.put("id", id).put("path", "/" + body.getString("name")));
            MEMBERS.put(id, ConcurrentHashMap.newKeySet());
            ctx.response().setStatusCode(201).putHeader("Location", "http://kc" + REALM + "/groups/" + id).end();
        });
        router.get(REALM + "/groups/:id/members").handler(ctx -> {
            JsonArray members = new JsonArray();
            MEMBERS.getOrDefault(ctx.pathParam("id"), Set.of()).forEach(id -> members.add(USERS.get(id)));
            json(ctx, 200, members);
        });
        router.delete(REALM + "/groups/:id").handler(ctx -> {
            GROUPS.remove(ctx.pathParam("id"));
            MEMBERS.remove(ctx.pathParam("id"));
            ctx.response().setStatusCode(204).end();
        });
        router.get(REALM + "/users").handler(ctx -> {
            String q = ctx.request().getParam("q");
            String username = ctx.request().getParam("username");
            JsonArray found = new JsonArray();
            for (JsonObject user : USERS.values()) {
                boolean match = username != null ? user.getString("username").equals(username)
                        : q != null && q.startsWith("tenants:") && user.getJsonObject("attributes")
                                .getJsonArray("tenants", new JsonArray()).contains(q.substring("tenants:".length()));
                if (match) {
                    found.add(user);
                }
            }
            json(ctx, 200, found);
        });
        router.post(REALM + "/users").handler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            String id = UUID.randomUUID().toString();
            body.put("id", id);
            if (!body.containsKey("attributes") || body.getValue("attributes") == null) {
                body.put("attributes", new JsonObject());
            }
            USERS.put(id, body);
            USER_ROLES.put(id, ConcurrentHashMap.newKeySet());
            ctx.response().setStatusCode(201).putHeader("Location", "http://kc" + REALM + "/users/" + id).end();
        });
        router.get(REALM + "/users/:id").handler(ctx -> user(ctx, user -> json(ctx, 200, user)));
        router.put(REALM + "/users/:id").handler(ctx -> user(ctx, user -> {
            JsonObject body = ctx.body().asJsonObject();
            if (body.getValue("attributes") == null) {
                body.put("attributes", new JsonObject());
            }
            USERS.put(user.getString("id"), body.put("id", user.getString("id")));
            ctx.response().setStatusCode(204).end();
        }));
        router.delete(REALM + "/users/:id").handler(ctx -> user(ctx, user -> {
            USERS.remove(user.getString("id"));
            MEMBERS.values().forEach(m -> m.remove(user.getString("id")));
            ctx.response().setStatusCode(204).end();
        }));
        router.get(REALM + "/users/:id/groups").handler(ctx -> user(ctx, user -> {
            JsonArray groups = new JsonArray();
            MEMBERS.forEach((group, members) -> {
                if (members.contains(user.getString("id"))) {
                    groups.add(GROUPS.get(group));
                }
            });
            json(ctx, 200, groups);
        }));
        router.put(REALM + "/users/:id/groups/:group").handler(ctx -> user(ctx, user -> {
            MEMBERS.get(ctx.pathParam("group")).add(user.getString("id"));
            ctx.response().setStatusCode(204).end();
        }));
        router.delete(REALM + "/users/:id/groups/:group").handler(ctx -> user(ctx, user -> {
            MEMBERS.getOrDefault(ctx.pathParam("group"), ConcurrentHashMap.newKeySet()).remove(user.getString("id"));
            ctx.response().setStatusCode(204).end();
        }));
        router.get(REALM + "/users/:id/role-mappings/realm").handler(ctx -> roles(ctx, true));
        router.get(REALM + "/users/:id/role-mappings/realm/composite").handler(ctx -> roles(ctx, true));
        router.get(REALM + "/users/:id/role-mappings/realm/available").handler(ctx -> roles(ctx, false));
        router.post(REALM + "/users/:id/role-mappings/realm").handler(ctx -> user(ctx, user -> {
            ctx.body().asJsonArray().forEach(r -> USER_ROLES.get(user.getString("id"))
                    .add(((JsonObject) r).getString("name")));
            ctx.response().setStatusCode(204).end();
        }));
        router.delete(REALM + "/users/:id/role-mappings/realm").handler(ctx -> user(ctx, user -> {
            ctx.body().asJsonArray().forEach(r -> USER_ROLES.get(user.getString("id"))
                    .remove(((JsonObject) r).getString("name")));
            ctx.response().setStatusCode(204).end();
        }));
        router.put(REALM + "/users/:id/execute-actions-email").handler(ctx -> user(ctx, user -> {
            EMAILS.add(user.getString("id") + " " + ctx.body().asJsonArray().encode() + " client_id="
                    + ctx.request().getParam("client_id"));
            ctx.response().setStatusCode(204).end();
        }));
        router.post(REALM + "/users/:id/logout").handler(ctx -> user(ctx, user -> {
            LOGOUTS.add(user.getString("id"));
            ctx.response().setStatusCode(204).end();
        }));
    }

    private static void routeServices(Router router) {
        router.post("/api/v1/clients").handler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            if (REGISTRY.containsKey(body.getString("id"))) {
                json(ctx, 409, new JsonObject().put("title", "Conflict"));
                return;
            }
            REGISTRY.put(body.getString("id"), body.copy().put("status", "ACTIVE"));
            json(ctx, 201, REGISTRY.get(body.getString("id")));
        });
        router.get("/api/v1/clients/:id").handler(ctx -> {
            JsonObject entry = REGISTRY.get(ctx.pathParam("id"));
            json(ctx, entry == null ? 404 : 200, entry == null ? new JsonObject() : entry);
        });
        // two pages of contracts, so the export follows nextCursor
        router.get("/api/v1/clients/:id/contracts").handler(ctx -> {
            boolean second = "page2".equals(ctx.request().getParam("cursor"));
            JsonObject contract = new JsonObject().put("id", UUID.randomUUID().toString())
                    .put("reference", second ? "C-2" : "C-1").put("title", "Customer care, \"premium\"")
                    .put("scope", new JsonObject().put("channels", new JsonArray().add("PHONE")));
            json(ctx, 200, new JsonObject().put("items", new JsonArray().add(contract))
                    .put("nextCursor", second ? null : "page2"));
        });
        router.get("/api/v1/clients/:id/knowledge/articles").handler(ctx -> json(ctx, 200,
                new JsonObject().put("items", new JsonArray().add(new JsonObject().put("id", "a1")
                        .put("title", "How to refund"))).put("nextCursor", null)));
        router.get("/api/v1/clients/:id/knowledge/transfer-plans").handler(ctx -> json(ctx, 200,
                new JsonObject().put("items", new JsonArray()).put("nextCursor", null)));
        router.get("/api/v1/clients/:id/reporting/interactions").handler(ctx -> json(ctx, 403,
                new JsonObject().put("title", "Forbidden")));
    }

    private static void roles(RoutingContext ctx, boolean mapped) {
        user(ctx, user -> {
            Set<String> held = USER_ROLES.get(user.getString("id"));
            JsonArray roles = new JsonArray();
            ROLES.stream().filter(r -> held.contains(r) == mapped)
                    .forEach(r -> roles.add(new JsonObject().put("id", "role-" + r).put("name", r)));
            json(ctx, 200, roles);
        });
    }

    private static void user(RoutingContext ctx, java.util.function.Consumer<JsonObject> then) {
        JsonObject user = USERS.get(ctx.pathParam("id"));
        if (user == null) {
            json(ctx, 404, new JsonObject().put("error", "User not found"));
        } else {
            then.accept(user);
        }
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
    }

    /** Everything this person (a fake user id) is a member of, by group name. */
    public static List<String> groupsOf(String userId) {
        List<String> names = new ArrayList<>();
        MEMBERS.forEach((group, members) -> {
            if (members.contains(userId)) {
                names.add(GROUPS.get(group).getString("name"));
            }
        });
        return names;
    }

}
