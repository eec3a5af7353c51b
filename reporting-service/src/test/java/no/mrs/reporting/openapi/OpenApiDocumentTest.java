package no.mrs.reporting.openapi;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.devstack.test.OpenApiDocument;
import org.junit.jupiter.api.Test;

/** reporting-service's OpenAPI document is complete enough to generate a client from (see {@link OpenApiDocument}). */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsDocumentedCompletely() {
        OpenApiDocument.assertComplete();
    }
}
