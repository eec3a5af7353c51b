package no.mrs.web.browser;

import no.mrs.devstack.DemoUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login: OpenID Connect code flow with PKCE against the local provider, the session in a secure HttpOnly cookie
 * that holds no token, logout, and CSRF protection on changing calls.
 */
class LoginIT {

    @Test
    void aDemoUserLogsInSeesTheirNameAndLogsOut() throws Exception {
        try (Browser browser = Browser.loggedInAs("leder-sagene", "/malekort")) {
            // the scorecard view fills in the person's unit and the newest month
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).startsWith("/malekort");
            assertThat(browser.driver().findElement(By.tagName("header")).getText()).contains("Leder, Nav Sagene");
            browser.assertNoAxeViolations("the app's frame (header and menu)");

            Cookie session = browser.driver().manage().getCookieNamed("q_session");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.isSecure()).isTrue();
            // the cookie is a random id, not a token: the tokens stay on the server
            assertThat(session.getValue()).doesNotContain(".").hasSizeLessThan(64);

            browser.driver().get(WebStack.get().webUrl() + "/logout");
            browser.heading("Du er logget ut");
            assertThat(browser.driver().manage().getCookieNamed("q_session")).isNull();
            // the old cookie no longer opens anything
            HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(WebStack.get().webUrl() + "/api/session"))
                    .header("Cookie", "q_session=" + session.getValue()).header("X-Requested-With", "JavaScript")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(499);
        }
    }

    @Test
    void theLocalLoginPageListsTheDemoUsersAndIsUniversallyDesigned() throws Exception {
        try (Browser browser = Browser.open(WebStack.get().webUrl())) {
            browser.driver().get(WebStack.get().webUrl() + "/mal/0314");
            browser.heading("Logg inn i MRS");
            for (DemoUsers.User user : DemoUsers.ALL) {
                assertThat(browser.button(user.name()).isDisplayed()).isTrue();
            }
            browser.assertNoAxeViolations("the local provider's login page");
            browser.screenshot("innlogging");
            // by keyboard: the first demo user is a Tab away, Enter logs in and lands on the address asked for
            browser.tabTo(DemoUsers.ALL.get(0).name());
            browser.press(org.openqa.selenium.Keys.ENTER);
            browser.waitFor(By.cssSelector("nav[aria-label='Hovedmeny']"));
            // the view may add its defaults (the Mål view adds ?ar=<the newest letter's year>) to the address asked for
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/mal/0314");
            browser.driver().get(WebStack.get().webUrl() + "/logout");
            browser.heading("Du er logget ut");
            browser.assertNoAxeViolations("the logged-out page");
        }
    }

    @Test
    void aChangingCallWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        try (Browser browser = Browser.loggedInAs("veileder-sagene", "/forslag")) {
            Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/goal/units/0314/goal-proposals', { method: 'POST', credentials: 'same-origin',
                        headers: { 'Content-Type': 'text/plain', 'X-Requested-With': 'JavaScript' },
                        body: '{"indicatorId":"B.16","year":2031,"target":50,"reason":"csrf"}' })
                      .then(async r => done(r.status + ' ' + (await r.json()).type)).catch(e => done(String(e)));
                    """);
            assertThat(status).isEqualTo("403 urn:mrs:problem:csrf");
        }
    }
}
