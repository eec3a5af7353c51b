package no.mrs.reporting.scorecard.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import no.mrs.devstack.DevTokens;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.platform.security.CachingJwtParser;
import no.mrs.reporting.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static no.mrs.reporting.support.Events.national;
import static no.mrs.reporting.support.Events.office;
import static no.mrs.reporting.support.Events.region;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services verify bearer tokens through the platform's {@link CachingJwtParser}: a token verified once is served
 * from the cache with the same roles on every later request; tampered and expired tokens are refused (unit scope:
 * goal-service's VerifiedTokenScopeTest, where units restrict what a caller may do).
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class VerifiedTokenCacheTest {

    static boolean fed;

    @Inject
    JWTParser parser;

    @BeforeEach
    void feed() {
        if (fed) {
            return;
        }
        fed = true;
        Api.publish(national("2900", "Cacheland"), region("2910", "Nav Vest", "2900"), office("2911", "Nav Vestby", "2910"),
                region("2920", "Nav Øst", "2900"));
    }

    @Test
    void theServicesVerifyTokensThroughTheCache() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
    }

    @Test
    void aCachedTokenKeepsItsRoles() {
        String token = DevTokens.token().subject("innsyn-vest").roles("viewer").units("2910").sign();
        int before = ((CachingJwtParser) parser).cachedTokens();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).queryParam("period", "2021-06").get("/api/scorecards/2910")
                    .then().statusCode(200);
            given().auth().oauth2(token).queryParam("period", "2021-06").get("/api/scorecards/2911")
                    .then().statusCode(200);
            given().auth().oauth2(token).get("/api/admin/checksum").then().statusCode(403);
        }
        assertThat(((CachingJwtParser) parser).cachedTokens()).isGreaterThan(before);

        String operator = DevTokens.token().subject("drift").roles("operator").sign();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(operator).get("/api/admin/checksum").then().statusCode(200);
        }
    }

    @Test
    void aTamperedTokenIsRefusedAfterTheGenuineOneWasCached() {
        String token = DevTokens.token().subject("innsyn-vest").roles("viewer").units("2910").sign();
        given().auth().oauth2(token).queryParam("period", "2021-06").get("/api/scorecards/2910").then().statusCode(200);

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"2910\"", "\"2900\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(widened).isNotEqualTo(token);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(widened).queryParam("period", "2021-06").get("/api/scorecards/2920")
                    .then().statusCode(401);
            given().auth().oauth2(widened).queryParam("period", "2021-06").get("/api/scorecards/2910")
                    .then().statusCode(401);
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = DevTokens.token().subject("innsyn-vest").roles("viewer").units("2910")
                .expiresIn(Duration.ofMinutes(-10)).sign();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(expired).queryParam("period", "2021-06").get("/api/scorecards/2910")
                    .then().statusCode(401);
        }
    }
}
