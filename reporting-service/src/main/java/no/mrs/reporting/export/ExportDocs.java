package no.mrs.reporting.export;

/** Texts shared by the OpenAPI annotations of the reads that can be exported. */
public final class ExportDocs {

    /** The security scheme Quarkus declares for {@code quarkus.smallrye-openapi.security-scheme=jwt}. */
    public static final String SECURITY_SCHEME = "SecurityScheme";
    public static final String PROBLEM = "application/problem+json";
    public static final String BAD_REQUEST = "A malformed parameter (period, from, to, format): the problem names the"
            + " field in errors";
    public static final String UNAUTHORIZED = "No valid token (reads are open without one only where"
            + " mrs.reporting.open-reads is on, as in ./mrs up)";
    public static final String FORBIDDEN = "A token without a business role (directorate, leader, employee,"
            + " reporter, viewer)";
    public static final String NOT_ACCEPTABLE = "Accept names none of application/json, text/csv and the .xlsx type";

    private ExportDocs() {
    }
}
