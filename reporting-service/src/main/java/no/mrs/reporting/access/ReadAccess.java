package no.mrs.reporting.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.platform.security.Roles;

/**
 * Who may read: anyone with a role, or anyone at all when {@link ReportingConfig#openReads()} is on. The read
 * endpoints are {@code @PermitAll} and call {@link #require()} first, since annotations cannot follow configuration.
 */
@ApplicationScoped
public class ReadAccess {

    @Inject
    ReportingConfig config;

    @Inject
    SecurityIdentity identity;

    public void require() {
        require(Roles.ANY);
    }

    /** The projection's status (positions and lag): the business roles, and the operator role too. */
    public void requireForStatus() {
        String[] roles = java.util.Arrays.copyOf(Roles.ANY, Roles.ANY.length + 1);
        roles[Roles.ANY.length] = Roles.OPERATOR;
        require(roles);
    }

    private void require(String... roles) {
        if (config.openReads()) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException("Reading needs a token");
        }
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw new ForbiddenException("Reading needs one of the roles " + String.join(", ", roles));
    }
}
