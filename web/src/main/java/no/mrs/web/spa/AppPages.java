package no.mrs.web.spa;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;

/**
 * Every view of the front end has an address of its own ({@code /malekort/0300?periode=2021-06}); opened directly or
 * reloaded, the address gets the front end's page, which then shows that view.
 */
@Path("/")
@Authenticated
public class AppPages {

    @GET
    @Path("{view: (malekort|mal|forslag|malbrev|rapportering|perioder|byrde)(/.*)?}")
    @Produces(MediaType.TEXT_HTML)
    public Response view() throws IOException {
        try (InputStream page = AppPages.class.getClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            if (page == null) {
                throw new NotFoundException();
            }
            CacheControl noStore = new CacheControl();
            noStore.setNoStore(true);
            return Response.ok(page.readAllBytes()).cacheControl(noStore).build();
        }
    }
}
