package io.bpo.people.export;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.bpo.kit.problem.ApiException;
import io.bpo.people.config.PeopleConfig;
import io.bpo.people.directory.Directory;
import io.bpo.people.lifecycle.LifecycleEvent;
import io.bpo.people.registry.Registry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The offboarding export: everything the platform holds about one client, read from each service through its
 * public API (never its database), from Keycloak and from people-service's own history, into one zip with a
 * manifest of SHA-256 hashes. A source that cannot be read is listed in the manifest as not exported, with why.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    private static final int MAX_PAGES = 10_000;

    private final PeopleConfig config;
    private final Registry registry;
    private final Directory directory;
    private final ExporterAccess exporter;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ExportService(PeopleConfig config, Registry registry, Directory directory, ExporterAccess exporter,
            ObjectMapper mapper) {
        this.config = config;
        this.registry = registry;
        this.directory = directory;
        this.exporter = exporter;
        this.mapper = mapper;
    }

    public ClientExport export(String clientId, String actor) {
        ArchiveWriter archive = new ArchiveWriter(mapper);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            archive.add("contracts/client", mapper.valueToTree(registry.read(clientId)),
                    "contracts-service GET /api/v1/clients/" + clientId);
            archive.add("people/people", mapper.valueToTree(directory.people(clientId)), "keycloak (realm "
                    + config.realm() + ")");
            archive.add("people/lifecycle-events", mapper.valueToTree(QuarkusTransaction.requiringNew().call(() ->
                    LifecycleEvent.<LifecycleEvent>find("clientId = ?1 order by at, id", clientId).list().stream()
                            .map(e -> Map.of("action", e.action, "actor", e.actor, "detail",
                                    e.detail == null ? "" : e.detail, "at", e.at.toString()))
                            .toList())), "people-service");
            exportServices(clientId, archive);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("clientId", clientId);
            header.put("createdAt", now.toString());
            header.put("createdBy", actor);
            header.put("hashAlgorithm", "SHA-256");
            byte[] zip = archive.finish(header);
            ClientExport export = new ClientExport();
            export.id = UUID.randomUUID();
            export.clientId = clientId;
            export.archive = zip;
            export.sizeBytes = zip.length;
            export.sha256 = ArchiveWriter.sha256(zip);
            export.createdBy = actor;
            export.createdAt = now;
            QuarkusTransaction.requiringNew().run(export::persist);
            LOG.infof("Export %s of client %s: %d bytes, sha256 %s", export.id, clientId, zip.length, export.sha256);
            return export;
        } catch (IOException e) {
            throw new ApiException(500, "export-failed", "Internal Server Error", "The export could not be built");
        }
    }

    private void exportServices(String clientId, ArchiveWriter archive) throws IOException {
        Map<String, String> sources = new TreeMap<>(config.export().sources());
        String token;
        try {
            token = exporter.grant(clientId);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Export of %s: no exporter token (%s)", clientId, e.toString());
            for (Map.Entry<String, String> source : sources.entrySet()) {
                archive.missing(source.getKey(), source.getValue(), "no exporter token: " + e.getMessage());
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        try {
            for (Map.Entry<String, String> source : sources.entrySet()) {
                String[] spec = source.getValue().trim().split("\\s+", 2);
                String base = config.export().services().get(spec[0]);
                String path = spec.length < 2 ? "" : spec[1].replace("{clientId}", clientId);
                String described = spec[0] + " GET " + path;
                if (base == null) {
                    archive.missing(source.getKey(), described, "no URL for service " + spec[0]);
                    continue;
                }
                try {
                    archive.add(source.getKey(), readAll(base + path, token), described);
                } catch (IOException e) {
                    archive.missing(source.getKey(), described, e.getMessage());
                }
            }
        } finally {
            exporter.release(clientId);
        }
    }

    /** A resource, or every page of a list ({@code items} and {@code nextCursor}) as one array. */
    private JsonNode readAll(String url, String token) throws IOException {
        ArrayNode items = mapper.createArrayNode();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageUrl = cursor == null ? url
                    : url + (url.contains("?") ? "&" : "?") + "cursor=" + URLEncoder.encode(cursor,
                            StandardCharsets.UTF_8);
            JsonNode body = get(pageUrl, token);
            if (!body.has("items") || !body.get("items").isArray()) {
                return body;
            }
            items.addAll((ArrayNode) body.get("items"));
            JsonNode next = body.get("nextCursor");
            if (next == null || next.isNull()) {
                return items;
            }
            cursor = next.asText();
        }
        throw new IOException("more than " + MAX_PAGES + " pages");
    }

    private JsonNode get(String url, String token) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("answered " + response.statusCode());
            }
            return mapper.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
