package no.mrs.result.period;

import no.mrs.contracts.result.PeriodLocked;
import no.mrs.platform.problem.Rejection;

import java.time.YearMonth;

/** Closing a month: pure. */
public final class PeriodDecider {

    /** Close a month, e.g. after its figures were published. */
    public record LockPeriod(YearMonth period, String reason) {
    }

    private PeriodDecider() {
    }

    public static PeriodLocked decide(LockPeriod command, boolean alreadyLocked, YearMonth thisMonth) {
        if (command.period().isAfter(thisMonth)) {
            throw Rejection.invalid("period", "future-period", "A month after " + thisMonth + " cannot be locked yet");
        }
        if (alreadyLocked) {
            throw Rejection.conflict("already-locked", command.period() + " is already locked");
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason();
        return new PeriodLocked(command.period(), reason);
    }
}
