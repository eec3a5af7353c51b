package no.mrs.reporting.rebuild;

import no.mrs.reporting.model.FigureComment;
import no.mrs.reporting.model.Goal;
import no.mrs.reporting.model.Indicator;
import no.mrs.reporting.model.ReadModel;
import no.mrs.reporting.model.Result;
import no.mrs.reporting.model.Unit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 digest of a read model's content: units with their parent spells, indicators, goals, office results
 * (with their outlier marks and the time each became known), the units' own goal budgets, the comments on aggregate
 * figures, the applied stream versions, and the history asOf reads answer from (every superseded office figure and
 * every version of each unit, indicator and goal, with their times), each as a canonical line, sorted. Equal content gives an equal digest whatever
 * the order the events arrived in; offsets and apply times (which differ between a live and a rebuilt model) are left
 * out.
 */
public final class Checksum {

    public record Digest(String checksum, long units, long indicators, long goals, long results, long streams) {
    }

    private Checksum() {
    }

    public static Digest of(ReadModel model) {
        List<String> lines = new ArrayList<>();
        model.units().forEach(u -> lines.add(line(u)));
        model.indicators().forEach(i -> lines.add(line(i)));
        model.goals().forEach(g -> lines.add(line(g)));
        for (Result r : model.results()) {
            lines.add("result|" + line(r));
        }
        // the history that asOf reads answer from
        model.superseded().forEach(v -> lines.add("superseded|" + line(v.result()) + "|" + v.seq() + "|"
                + v.change() + "|" + str(v.reason())));
        model.entityVersions().forEach(v -> {
            Object value = v.version().value();
            String line = value instanceof Unit u ? line(u) : value instanceof Indicator i ? line(i) : line((Goal) value);
            lines.add("version|" + v.version().seq() + "|" + known(v.version().knownFrom()) + "|" + line);
        });
        model.goalBudgets().forEach((unitId, byYear) -> byYear.forEach((year, cap) ->
                lines.add("budget|" + unitId + "|" + year + "|" + cap)));
        for (List<FigureComment> comments : model.figureComments()) {
            for (FigureComment c : comments) {
                lines.add(String.join("|", "comment", c.unitId(), c.indicatorId(), c.period().toString(),
                        String.valueOf(c.seq()), str(c.comment()), str(c.author()), str(c.at())));
            }
        }
        for (Map.Entry<String, Long> stream : model.streamVersions().entrySet()) {
            lines.add("stream|" + stream.getKey() + "|" + stream.getValue());
        }
        lines.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return new Digest("sha256:" + HexFormat.of().formatHex(digest.digest()), model.units().size(),
                    model.indicators().size(), model.goals().size(), model.results().size(),
                    model.streamCount());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(Unit u) {
        StringBuilder line = new StringBuilder("unit|").append(u.unitId()).append('|').append(u.name()).append('|')
                .append(u.level());
        u.spells().forEach(s -> line.append('|').append(s.validFrom()).append('>').append(s.parentId()));
        return line.toString();
    }

    private static String line(Indicator i) {
        return String.join("|", "indicator", i.indicatorId(), i.name(), str(i.perspective()), str(i.measure()),
                str(i.direction()), str(i.description()), num(i.scaleMin()), num(i.scaleMax()), str(i.ownerUnitId()),
                str(i.pairedOutcome()));
    }

    private static String line(Goal g) {
        return String.join("|", "goal", g.goalId(), g.indicatorId(), String.valueOf(g.year()), str(g.classification()),
                num(g.target()), str(g.origin()), g.sourceUnitId(), str(g.letterId()), str(g.mainGoal()),
                str(g.localAdjustment()), str(g.proposalId()), str(g.retiredFrom())) + revisions(g);
    }

    /** A figure never marked digests as before the outlier check; one without a time as before the history. */
    private static String line(Result r) {
        return String.join("|", r.unitId(), r.indicatorId(), r.period().toString(), num(r.numerator()),
                num(r.denominator()), num(r.value()), str(r.comment())) + (r.outlier() == null ? ""
                        : "|outlier|" + num(r.outlier().figure()) + "|" + num(r.outlier().expectedLow()) + "|"
                                + num(r.outlier().expectedHigh()))
                + (r.confirmations() == 0 ? "" : "|confirmations|" + r.confirmations())
                + (r.knownFrom() == Result.ALWAYS ? "" : "|known|" + r.knownFrom());
    }

    private static String known(long time) {
        return time == Result.ALWAYS ? "" : String.valueOf(time);
    }

    private static String str(Object value) {
        return value == null ? "" : value.toString().replace("|", "\\|").replace("\n", "\\n");
    }

    private static String num(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A goal's dated targets ("" without revisions, so that a goal never revised digests as before). */
    private static String revisions(Goal g) {
        StringBuilder text = new StringBuilder();
        for (Goal.Revision r : g.revisions()) {
            text.append('|').append(r.from()).append('=').append(num(r.target()));
        }
        return text.toString();
    }
}
