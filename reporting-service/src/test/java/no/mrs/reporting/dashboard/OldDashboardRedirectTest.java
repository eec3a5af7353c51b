package no.mrs.reporting.dashboard;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import no.mrs.devstack.test.MrsTestInfrastructure;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The old dashboard address leads people to the web app's Målekort view (issue 12), with the unit and month of an
 * old bookmark, without a token; nothing else of a request reaches the redirect's target.
 */
@QuarkusTest
@WithTestResource(MrsTestInfrastructure.class)
class OldDashboardRedirectTest {

    @Test
    void theOldAddressRedirectsToTheWebAppsScorecard() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", equalTo("http://localhost:8080/malekort"));
        given().redirects().follow(false).get("/index.html").then().statusCode(302)
                .header("Location", equalTo("http://localhost:8080/malekort"));
    }

    @Test
    void anOldBookmarkKeepsItsUnitAndMonth() {
        given().redirects().follow(false).queryParam("unit", "0300").queryParam("period", "2021-06").get("/")
                .then().statusCode(302).header("Location", equalTo("http://localhost:8080/malekort/0300?periode=2021-06"));
    }

    @Test
    void whatIsNotAUnitOrAMonthIsLeftBehind() {
        given().redirects().follow(false).queryParam("unit", "//evil.example/x").queryParam("period", "2021-13")
                .get("/").then().statusCode(302).header("Location", equalTo("http://localhost:8080/malekort"))
                .header("Location", not(containsString("evil")));
    }

    @Test
    void theApiIsUntouched() {
        given().get("/api/periods").then().statusCode(401);
    }
}
