package no.mrs.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of the demo, as the local OpenID provider's login page offers them (LOCAL/TEST ONLY). Their subjects
 * are the ones the demo data was made by, so that "who" in a goal's history is the same person who logs in.
 */
public final class DemoUsers {

    /** A demo person: subject, the name shown, roles ({@code groups}) and units. */
    public record User(String subject, String name, List<String> roles, List<String> units) {

        /** The claims the provider puts into the ID and access tokens. */
        public Map<String, Object> claims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("name", name);
            claims.put("groups", roles);
            claims.put("units", units);
            return claims;
        }
    }

    public static final List<User> ALL = List.of(
            new User("leder-sagene", "Leder, Nav Sagene", List.of("leader"), List.of("0314")),
            new User("veileder-sagene", "Ansatt, Nav Sagene", List.of("employee"), List.of("0314")),
            new User("leder-oslo", "Leder, Nav Oslo", List.of("leader"), List.of("0300")),
            new User("direktoratet", "Direktoratet", List.of("directorate"), List.of("0000")),
            new User("leder-gjovik", "Leder, Nav Gjøvik", List.of("leader"), List.of("0502")),
            new User("innsyn-norge", "Innsyn, hele landet", List.of("viewer"), List.of("0000")));

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The roles as people say them (the login page is in Norwegian). */
    private static final Map<String, String> ROLE_NAMES = Map.of("directorate", "direktoratet", "leader", "leder",
            "employee", "ansatt", "reporter", "rapportør", "viewer", "innsyn");

    private DemoUsers() {
    }

    public static User bySubject(String subject) {
        return ALL.stream().filter(u -> u.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + subject));
    }

    /**
     * The provider's login page: one button per demo user. Each form posts {@code username} and {@code claims} to
     * the authorization URL the browser is on (the provider's interactive login contract).
     */
    static String loginPage() {
        StringBuilder forms = new StringBuilder();
        for (User user : ALL) {
            String claims;
            try {
                claims = JSON.writeValueAsString(user.claims());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            forms.append("""
                      <li>
                        <form method="post">
                          <input type="hidden" name="username" value="%s">
                          <input type="hidden" name="claims" value="%s">
                          <button type="submit">%s</button>
                          <span class="detail">%s · %s</span>
                        </form>
                      </li>
                    """.formatted(html(user.subject()), html(claims), html(user.name()),
                    html(user.roles().stream().map(r -> ROLE_NAMES.getOrDefault(r, r)).collect(
                            java.util.stream.Collectors.joining(", "))),
                    html("enhet " + String.join(", ", user.units()))));
        }
        return """
                <!doctype html>
                <html lang="nb">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Logg inn – MRS (lokal innlogging)</title>
                  <style>
                    body { font-family: "Source Sans 3", Arial, sans-serif; margin: 0; background: #f1f1f1; color: #23262a; }
                    main { max-width: 36rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; }
                    h1 { font-size: 1.75rem; margin-top: 0; }
                    ul { list-style: none; padding: 0; }
                    li { margin: 0 0 0.75rem; }
                    button { font: inherit; font-weight: 600; min-width: 16rem; padding: 0.75rem 1rem; color: #fff;
                             background: #0067c5; border: 0; border-radius: 4px; cursor: pointer; }
                    button:hover { background: #0056b4; }
                    button:focus-visible { outline: 3px solid #23262a; outline-offset: 2px; }
                    .detail { display: block; margin-top: 0.25rem; color: #49515e; }
                    .warning { background: #fff5e4; border-left: 4px solid #c77300; padding: 0.75rem 1rem; }
                  </style>
                </head>
                <body>
                <main>
                  <h1>Logg inn i MRS</h1>
                  <p class="warning">Lokal innlogging for utvikling og test. Velg en demobruker.</p>
                  <ul>
                %s  </ul>
                </main>
                </body>
                </html>
                """.formatted(forms);
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
