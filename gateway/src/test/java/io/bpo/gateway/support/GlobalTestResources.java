package io.bpo.gateway.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Test resources every @QuarkusTest of the module shares (Quarkus finds these annotations on any class):
 * a WireMock OIDC server whose keys sign {@link Tokens}, and the fake services.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServicesResource.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
