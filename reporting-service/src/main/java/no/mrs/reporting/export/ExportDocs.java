package no.mrs.reporting.export;

/**
 * Texts shared by the OpenAPI annotations of the reads that can be exported; 400, 401, 403 and 503 come from the
 * platform's ProblemResponses filter like everywhere else.
 */
public final class ExportDocs {

    /** The security scheme Quarkus declares for {@code quarkus.smallrye-openapi.security-scheme=jwt}. */
    public static final String SECURITY_SCHEME = no.mrs.platform.openapi.ProblemResponses.SECURITY_SCHEME;
    public static final String PROBLEM = "application/problem+json";
    public static final String NOT_ACCEPTABLE = "Accept names none of application/json, text/csv and the .xlsx type";

    private ExportDocs() {
    }
}
