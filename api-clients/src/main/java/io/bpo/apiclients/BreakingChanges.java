package io.bpo.apiclients;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Fails the build when a service's document breaks its committed reference: for every reference
 * {@code docs/openapi/<service>.json}, the document the service's build stored
 * ({@code <service>-service/target/openapi/openapi.json}) is compared with openapi-diff. A breaking change passes only
 * once the reference is updated (docs/api.md, list of changes). Arguments: the project's root directory.
 */
public final class BreakingChanges {

    private BreakingChanges() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> broken = new ArrayList<>();
        List<Path> references;
        try (Stream<Path> files = Files.list(root.resolve("docs/openapi"))) {
            references = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        if (references.isEmpty()) {
            throw new IllegalStateException("no reference document in " + root.resolve("docs/openapi"));
        }
        for (Path reference : references) {
            String service = reference.getFileName().toString().replace(".json", "");
            Path built = root.resolve(service + "-service/target/openapi/openapi.json");
            if (!Files.exists(built)) {
                throw new IllegalStateException(built + " is missing: build " + service + "-service first");
            }
            ChangedOpenApi diff = OpenApiCompare.fromLocations(reference.toString(), built.toString());
            String verdict = diff.isUnchanged() ? "unchanged" : diff.isCompatible() ? "compatible changes" : "BREAKING";
            System.out.println("openapi-diff " + service + ": " + verdict + " (" + root.relativize(reference) + " -> "
                    + root.relativize(built) + ")");
            if (diff.isIncompatible()) {
                OutputStreamWriter out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                new ConsoleRender().render(diff, out);
                out.flush();
                broken.add(service);
            }
        }
        if (!broken.isEmpty()) {
            System.err.println("Breaking change in " + broken + ": if it is meant, copy the built document over "
                    + "docs/openapi/<service>.json in the same commit and note it in docs/api.md (Changes)");
            System.exit(1);
        }
    }
}
