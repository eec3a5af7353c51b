package no.mrs.web.proxy;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's own addresses in Location and Link headers become the web app's forwarding paths. */
class ServiceProxyTest {

    static final URI GOAL = URI.create("http://goal-service:8080");

    @Test
    void rewritesAnAbsoluteLocationToTheForwardingPath() {
        assertThat(ServiceProxy.rewrite("http://goal-service:8080/api/goals/42", GOAL, "goal"))
                .isEqualTo("/api/goal/goals/42");
    }

    @Test
    void rewritesARelativeLinkAndKeepsItsRelation() {
        assertThat(ServiceProxy.rewrite("</api/units?limit=100&after=abc>; rel=\"next\"", GOAL, "goal"))
                .isEqualTo("</api/goal/units?limit=100&after=abc>; rel=\"next\"");
    }

    @Test
    void leavesAddressesOfOtherHostsAndAlreadyForwardedPathsAlone() {
        assertThat(ServiceProxy.rewrite("https://elsewhere.example/api/x", GOAL, "goal"))
                .isEqualTo("https://elsewhere.example/api/x");
        assertThat(ServiceProxy.rewrite("/api/goal/goals/1", GOAL, "goal")).isEqualTo("/api/goal/goals/1");
    }
}
