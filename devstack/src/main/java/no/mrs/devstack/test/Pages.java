package no.mrs.devstack.test;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** For tests of paged list endpoints (docs/PAGING.md): follows {@code Link: <…>; rel="next"} to the last page. */
public final class Pages {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private Pages() {
    }

    /**
     * Every item from {@code path} on, page after page, as JSON path {@code field} of each page; asserts that each
     * page answers 200 JSON, that every page but the last is full and that the last has no next link.
     */
    public static <T> List<T> followAll(String token, String path, String field, int limit) {
        List<T> items = new ArrayList<>();
        String next = path;
        while (next != null) {
            Response page = given().auth().oauth2(token).urlEncodingEnabled(false).get(next);
            page.then().statusCode(200).contentType("application/json");
            List<T> values = page.jsonPath().getList(field);
            items.addAll(values);
            String link = page.header("Link");
            if (link == null) {
                assertThat(values.size()).isLessThanOrEqualTo(limit);
                next = null;
            } else {
                assertThat(values).hasSize(limit);
                Matcher matcher = NEXT.matcher(link);
                assertThat(matcher.matches()).as(link).isTrue();
                next = matcher.group(1);
            }
        }
        return items;
    }
}
