package no.mrs.platform.events;

/** Another writer appended to the stream first: the expected version is stale. */
public class ConcurrencyConflictException extends RuntimeException {

    private final String streamId;

    public ConcurrencyConflictException(String streamId) {
        super("The stream " + streamId + " was changed by someone else", null, false, false);
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }
}
