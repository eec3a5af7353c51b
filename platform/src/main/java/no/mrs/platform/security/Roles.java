package no.mrs.platform.security;

/**
 * The roles of the JWT {@code groups} claim: the business roles ({@link #ANY}) and {@link #OPERATOR}, for the people
 * and tools that run MRS ({@code /api/admin/*}: rebuilds, checksums). Neither implies the other.
 */
public final class Roles {
    public static final String DIRECTORATE = "directorate";
    public static final String LEADER = "leader";
    public static final String EMPLOYEE = "employee";
    public static final String REPORTER = "reporter";
    public static final String VIEWER = "viewer";
    /** Operations: the admin endpoints. Not a business role: it reads no business data through it. */
    public static final String OPERATOR = "operator";

    /** Every business role: what a read needs. */
    public static final String[] ANY = { DIRECTORATE, LEADER, EMPLOYEE, REPORTER, VIEWER };

    /** The claim that lists the unit ids a caller may act for; each unit covers its whole subtree. */
    public static final String UNITS_CLAIM = "units";

    private Roles() {
    }
}
