package no.mrs.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every error of every service into an RFC 9457 problem document. Nothing internal (stack traces, SQL,
 * class names) reaches a client: unexpected failures are logged with an id that the problem's detail repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.problem(), uri);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response rejection(Rejection e, UriInfo uri) {
        return respond(e.toProblem(), uri).build();
    }

    @ServerExceptionMapper
    public Response concurrencyConflict(no.mrs.platform.events.ConcurrencyConflictException e, UriInfo uri) {
        return respond(Problem.of(409, "concurrent-change", "Conflict",
                "Someone else changed this at the same moment; read it again and retry"), uri).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), codeOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "validation", "Invalid request", detail).withErrors(errors), uri).build();
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        return respond(Problem.of(400, "validation", "Invalid request", "Unknown property '" + field + "'")
                .withErrors(List.of(new FieldError(field, "unknown-property", "is not a property of this request"))),
                uri).build();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : simpleType(e.getTargetType());
        return respond(Problem.of(400, "validation", "Invalid request",
                "Property '" + field + "' has a value that is not " + expected)
                .withErrors(List.of(new FieldError(field, "invalid-type", "must be " + expected))), uri).build();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        String expected = e.getTargetType() == null ? "another type" : simpleType(e.getTargetType());
        if (field.isEmpty()) {
            return respond(Problem.of(400, "malformed-body", "Malformed request body",
                    "The body does not have the expected shape (" + expected + ")"), uri).build();
        }
        return respond(Problem.of(400, "validation", "Invalid request",
                "Property '" + field + "' has the wrong type")
                .withErrors(List.of(new FieldError(field, "invalid-type", "must be " + expected))), uri).build();
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e);
        String message = e.getOriginalMessage() == null ? "invalid value" : firstLine(e.getOriginalMessage());
        if (field.isEmpty()) {
            return respond(Problem.of(400, "malformed-body", "Malformed request body", message), uri).build();
        }
        return respond(Problem.of(400, "validation", "Invalid request", "Property '" + field + "': " + message)
                .withErrors(List.of(new FieldError(field, "invalid-value", message))), uri).build();
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return malformed(e, uri);
    }

    private Response malformed(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "malformed-body", "Malformed request body",
                "The body is not valid JSON" + where), uri).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required"), uri).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized",
                "The bearer token is missing, expired or not trusted"), uri).header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your roles do not allow this operation"), uri).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return unrecognizedProperty(u, uri);
        }
        if (cause instanceof InvalidFormatException f) {
            return invalidFormat(f, uri);
        }
        if (cause instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (cause instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        if (cause instanceof JsonProcessingException p) {
            return malformed(p, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        String reason = Response.Status.fromStatusCode(status) == null ? "Client error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "client-error";
        };
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This resource does not support that method";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "This resource does not accept that content type";
            default -> e.getMessage() == null ? reason : firstLine(e.getMessage());
        };
        Response.ResponseBuilder builder = respond(Problem.of(status, slug, reason, detail), uri);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e, UriInfo uri) {
        return outage(e.dependency(), e, uri);
    }

    /**
     * A 503 {@code unavailable} problem with {@code Retry-After}: the database or the broker that the request needs
     * cannot be reached at the moment. Logged as a warning without a stack trace (readiness says the same).
     */
    private Response outage(String dependency, Throwable e, UriInfo uri) {
        LOG.warnf("%s on %s: the %s is unreachable (%s)", Response.Status.SERVICE_UNAVAILABLE.getReasonPhrase(),
                uri == null ? "?" : uri.getPath(), dependency, rootMessage(e));
        return respond(Problem.of(503, "unavailable", "Service unavailable",
                "The " + dependency + " of this service cannot be reached at the moment; try again in " + Unavailable.RETRY_AFTER_SECONDS + " seconds.")
                .with("retryAfterSeconds", Unavailable.RETRY_AFTER_SECONDS), uri)
                .header("Retry-After", Integer.toString(Unavailable.RETRY_AFTER_SECONDS)).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        java.util.Optional<String> dependency = Unavailable.dependencyOf(e);
        if (dependency.isPresent()) {
            return outage(dependency.get(), e, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", incident, uri == null ? "?" : uri.getPath());
        return respond(Problem.of(500, "internal", "Internal error",
                "The request failed on our side; the incident id is " + incident), uri).build();
    }

    static Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        Problem withInstance = uri == null || problem.instance() != null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(withInstance);
    }

    /** {@code results[3].unitId} for a body property, the parameter's own name for a path or query parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        String parameter = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName() == null ? "" : node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? parameter : out.toString();
    }

    private static String codeOf(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Pattern" -> "invalid-format";
            case "Size" -> "invalid-size";
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "Range" ->
                    "out-of-range";
            default -> annotation.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + String.join(", ", names);
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int at = line.indexOf(" at [Source");
        return at < 0 ? line : line.substring(0, at);
    }
}
