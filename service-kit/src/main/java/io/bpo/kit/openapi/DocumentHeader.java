package io.bpo.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.info.Info;

/**
 * The parts of a document that name where and under which terms the API is offered: the gateway is the only public
 * entry point (clients generated from the document call it), and the licence of the platform's API descriptions.
 */
final class DocumentHeader {

    static final String LICENCE_NAME = "Proprietary: BPO platform API terms";
    static final String LICENCE_URL = "https://bpo.example/legal/api-terms";

    private DocumentHeader() {
    }

    static void apply(OpenAPI openAPI, String gatewayUrl) {
        Info info = openAPI.getInfo() == null ? OASFactory.createInfo() : openAPI.getInfo();
        if (info.getLicense() == null) {
            info.setLicense(OASFactory.createLicense().name(LICENCE_NAME).url(LICENCE_URL));
        }
        openAPI.setInfo(info);
        // the server URL is a variable so that one generated client serves every environment: the default is
        // the local gateway of ./platform up, a deployment passes its own host
        openAPI.setServers(new java.util.ArrayList<>(java.util.List.of(OASFactory.createServer()
                .url("{gateway}")
                .description("The BPO platform gateway (the only public entry point): the base URL of its "
                        + "environment, " + gatewayUrl + " locally")
                .variables(java.util.Map.of("gateway", OASFactory.createServerVariable()
                        .defaultValue(gatewayUrl)
                        .description("Base URL of the gateway, scheme and host, no trailing slash"))))));
    }
}
