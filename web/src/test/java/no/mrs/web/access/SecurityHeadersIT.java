package no.mrs.web.access;

import no.mrs.web.browser.WebStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web app tells browsers they may do with its responses, on the pages a person opens, on the files the page
 * loads, on the front end's calls and on the public logged-out page: only the app's own origin (nothing fetched from
 * another site, fonts included), no framing, no type sniffing, no referrer to other sites, HTTPS only once reached
 * over HTTPS. That the app itself breaks
 * none of these rules is checked in every browser test ({@code Browser.assertNoAxeViolations}).
 */
class SecurityHeadersIT {

    @Test
    void everyKindOfResponseCarriesThePolicy() throws Exception {
        String web = WebStack.get().webUrl();
        WebSession session = WebSession.login(web, "leder-sagene");
        HttpResponse<String> page = session.send("GET", "/malekort/0314", null, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertPolicy("the app's page", page.headers());

        // the built files the page names: its stylesheet, and the fonts that stylesheet names, all on this origin
        Matcher css = Pattern.compile("href=\"(/assets/[^\"]+\\.css)\"").matcher(page.body());
        assertThat(css.find()).as("the page names its stylesheet").isTrue();
        HttpResponse<String> stylesheet = session.send("GET", css.group(1), null, Map.of());
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertPolicy("the stylesheet", stylesheet.headers());
        assertThat(stylesheet.body()).as("the stylesheet fetches nothing from another site")
                .doesNotContain("https://", "http://");
        Matcher font = Pattern.compile("url\\((/assets/source-sans-3-latin-wght-normal-[^)]+\\.woff2)\\)")
                .matcher(stylesheet.body());
        assertThat(font.find()).as("Aksel's typeface is served by the app itself").isTrue();
        HttpResponse<String> fontFile = session.send("GET", font.group(1), null, Map.of());
        assertThat(fontFile.statusCode()).isEqualTo(200);
        assertThat(fontFile.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type)
                .contains("woff2"));

        HttpResponse<String> call = session.send("GET", "/api/session", null, Map.of("X-Requested-With", "JavaScript"));
        assertThat(call.statusCode()).isEqualTo(200);
        assertPolicy("the front end's call", call.headers());

        HttpResponse<String> loggedOut = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(web + "/logget-ut.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedOut.statusCode()).isEqualTo(200);
        assertPolicy("the logged-out page", loggedOut.headers());
        assertThat(loggedOut.body()).as("the logged-out page has no inline style or script for the policy to refuse")
                .doesNotContain("<style", "<script", "style=");
    }

    private static void assertPolicy(String what, HttpHeaders headers) {
        assertThat(headers.firstValue("content-security-policy")).as(what).hasValueSatisfying(policy -> assertThat(
                policy).contains("default-src 'self'", "script-src 'self'", "font-src 'self'", "connect-src 'self'",
                "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-eval", "unsafe-inline"));
        assertThat(headers.firstValue("x-frame-options")).as(what).hasValue("DENY");
        assertThat(headers.firstValue("x-content-type-options")).as(what).hasValue("nosniff");
        assertThat(headers.firstValue("referrer-policy")).as(what).hasValue("same-origin");
        assertThat(headers.firstValue("strict-transport-security")).as(what).hasValue("max-age=31536000");
    }
}
