package no.mrs.result.deadletter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.platform.paging.Paging;
import no.mrs.platform.security.Caller;
import no.mrs.platform.security.Roles;
import no.mrs.result.deadletter.DeadLetterActions.Action;
import no.mrs.result.deadletter.DeadLetterService;
import no.mrs.result.deadletter.DeadLetterService.Entry;
import no.mrs.result.deadletter.DeadLetterService.State;
import no.mrs.result.deadletter.DeadLetterTopic.Letter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Operators' view of {@code mrs.result-submissions.dlq}: list, re-submit, discard; every action audited. */
@Path("/api/admin/dlq")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Kafka submissions that were not stored (mrs.result-submissions.dlq):"
        + " list them, re-submit one once its cause is fixed, or discard it; for the operator role only")
public class DeadLetterResource {

    static final String STATE = "PENDING|RESUBMITTED|DISCARDED";

    @Inject
    DeadLetterService deadLetters;

    @Inject
    Paging paging;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    /** Why an operator acts: what was fixed, or why the record is given up. */
    public record ActionBody(@NotBlank(message = "is required") @Size(max = 1000) String reason) {
    }

    public record ActionView(String by, Instant at, String reason, String outcome) {
    }

    /**
     * A dead letter: where it is and was, why it is there, its value as sent, and what was done about it.
     * {@code errors} is the list of field errors the consumer gave (as in REST's {@code errors}).
     */
    public record DeadLetterView(int partition, long offset, Instant deadLetteredAt, String key, String value,
            String reason, JsonNode errors, String originalTopic, Integer originalPartition, Long originalOffset,
            State state, ActionView action) {
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "listDeadLetters", summary = "The records on mrs.result-submissions.dlq in (partition,"
            + " offset) order, with reason, errors, original position and state (PENDING, RESUBMITTED, DISCARDED);"
            + " ?state= filters; paged (limit, after; Link: rel=next)")
    public RestResponse<List<DeadLetterView>> list(
            @QueryParam("state") @Pattern(regexp = STATE, message = "must be one of " + STATE) String state,
            @QueryParam("limit") String limit, @QueryParam("after") String after, @Context UriInfo uri) {
        PageRequest page = paging.request(limit, after);
        Page<Entry> entries = deadLetters.list(state == null ? null : State.valueOf(state), page);
        return paging.ok(new Page<>(entries.items().stream().map(this::view).toList(), entries.next()), uri);
    }

    @GET
    @Path("{partition}/{offset}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "getDeadLetter", summary = "One record of mrs.result-submissions.dlq and its state")
    public DeadLetterView get(@PathParam("partition") @Min(0) @Max(10_000) int partition,
            @PathParam("offset") @Min(0) long offset) {
        return view(deadLetters.get(partition, offset));
    }

    @POST
    @Path("{partition}/{offset}/resubmission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "resubmitDeadLetter", summary = "Judge the record again with today's catalogue and"
            + " system scopes and store it, its system as the actor (after its cause is fixed); audited with the"
            + " reason. Idempotent: a re-submitted record answers its first re-submission and is stored once. 422"
            + " still-rejected with the errors if it still fails (nothing changes); 409 if it was discarded")
    public DeadLetterView resubmit(@PathParam("partition") @Min(0) @Max(10_000) int partition,
            @PathParam("offset") @Min(0) long offset, @Valid @NotNull(message = "a body with reason is required")
            ActionBody body) {
        return view(deadLetters.resubmit(partition, offset, body.reason().strip(), caller.subject()));
    }

    @POST
    @Path("{partition}/{offset}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "discardDeadLetter", summary = "Decide that the record will not be stored, with the"
            + " reason; audited. Idempotent; 409 if it was re-submitted")
    public DeadLetterView discard(@PathParam("partition") @Min(0) @Max(10_000) int partition,
            @PathParam("offset") @Min(0) long offset, @Valid @NotNull(message = "a body with reason is required")
            ActionBody body) {
        return view(deadLetters.discard(partition, offset, body.reason().strip(), caller.subject()));
    }

    private DeadLetterView view(Entry entry) {
        Letter l = entry.letter();
        Action a = entry.action();
        return new DeadLetterView(l.partition(), l.offset(), l.deadLetteredAt(), l.key(), l.value(), l.reason(),
                errors(l.errors()), l.originalTopic(), l.originalPartition(), l.originalOffset(), entry.state(),
                a == null ? null : new ActionView(a.actor(), a.at(), a.reason(), a.outcome()));
    }

    private JsonNode errors(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
