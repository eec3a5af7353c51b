package no.mrs.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import no.mrs.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who is calling: the token's subject, roles and units. Unit checks go through {@link #requireUnit} so that a
 * unit covers its subtree everywhere in the same way.
 */
@RequestScoped
public class Caller {

    private static final int MAX_DEPTH = 16;

    @Inject
    SecurityIdentity identity;

    /** Every service provides one; without it a unit covers only itself. */
    @Inject
    Instance<UnitTree> tree;

    public String subject() {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal == null || identity.isAnonymous() ? "anonymous" : principal.getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> units() {
        Set<String> units = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(Roles.UNITS_CLAIM);
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> units.add(unquote(String.valueOf(v))));
            } else if (claim instanceof jakarta.json.JsonArray array) {
                array.forEach(v -> units.add(unquote(v.toString())));
            } else if (claim != null) {
                units.add(unquote(claim.toString()));
            }
        }
        return units;
    }

    /** True when one of the caller's units is the unit itself or one of its ancestors. */
    public boolean covers(String unitId) {
        Set<String> mine = units();
        String current = unitId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (mine.contains(current)) {
                return true;
            }
            current = tree.isResolvable() ? tree.get().parentOf(current).orElse(null) : null;
        }
        return false;
    }

    /** 403 problem unless the caller covers the unit. */
    public void requireUnit(String unitId) {
        if (!covers(unitId)) {
            throw ProblemException.forbidden("You may not act for unit " + unitId);
        }
    }

    /** 403 problem unless the caller has one of the roles and covers the unit. */
    public void requireRoleForUnit(String unitId, String... roles) {
        if (!hasAnyRole(roles)) {
            throw ProblemException.forbidden("This operation needs one of the roles " + String.join(", ", roles));
        }
        requireUnit(unitId);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
