package no.mrs.result.recording;

/** A concurrent batch wrote the same result or measurementId first; judging the batch again sorts it out. */
public class ConcurrentSubmissionException extends RuntimeException {

    public ConcurrentSubmissionException() {
        super("A concurrent submission wrote the same result first", null, false, false);
    }
}
