package no.mrs.goal;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import no.mrs.devstack.test.MrsTestInfrastructure;
import no.mrs.platform.security.CachingJwtParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static no.mrs.goal.Api.as;
import static no.mrs.goal.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token served from the platform's cache of verified tokens acts for exactly the units it names, request after
 * request (the cache itself: the platform's CachingJwtParserTest). Year 2088.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class VerifiedTokenScopeTest {

    @Inject
    JWTParser parser;

    @BeforeEach
    void organisation() {
        Api.organisation();
    }

    static String localGoal(String indicatorId, String target) {
        return "{\"indicatorId\":\"" + indicatorId + "\",\"year\":2088,\"classification\":\"STEERING\",\"target\":"
                + target + ",\"rationale\":\"Lokalt mål\"}";
    }

    @Test
    void aCachedTokenActsForItsOwnUnitsOnly() {
        assertThat(parser).isInstanceOf(CachingJwtParser.class);
        String leader = token("leader", "0314");
        String viewer = token("viewer", "0314");
        for (int i = 0; i < 3; i++) {
            as(leader).body(localGoal("B.31", "10")).post("/api/units/0315/goals").then().statusCode(403);
            as(leader).body(localGoal("B.31", "10")).post("/api/units/0300/goals").then().statusCode(403);
            as(viewer).body(localGoal("B.31", "10")).post("/api/units/0314/goals").then().statusCode(403);
        }
        as(leader).body(localGoal("B.31", "10")).post("/api/units/0314/goals").then().statusCode(201);
        as(leader).body(localGoal("B.32", "12")).post("/api/units/0314/goals").then().statusCode(201);
        as(leader).body(localGoal("B.32", "12")).post("/api/units/0502/goals").then().statusCode(403);
        assertThat(((CachingJwtParser) parser).cachedTokens()).isPositive();
    }
}
