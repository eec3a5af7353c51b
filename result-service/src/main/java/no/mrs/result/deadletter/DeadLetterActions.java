package no.mrs.result.deadletter;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.mrs.contracts.result.DeadLetterDiscarded;
import no.mrs.contracts.result.DeadLetterEvent;
import no.mrs.contracts.result.DeadLetterResubmitted;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The table {@code dead_letter_action}: what was done with each dead letter, projected from its event. */
@ApplicationScoped
public class DeadLetterActions {

    public enum Kind { RESUBMITTED, DISCARDED }

    /** What an operator did with a dead letter: who, when, why, and for a re-submission whether it was new. */
    public record Action(Kind action, String outcome, String reason, String actor, Instant at) {
    }

    /** A dead letter's position. */
    public record Position(String topic, int partition, long offset) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** Projects the event; runs in the transaction that appended it. */
    public Action project(DeadLetterEvent event, String actor, Instant at) {
        Action action = event instanceof DeadLetterResubmitted r
                ? new Action(Kind.RESUBMITTED, r.outcome().name(), r.reason(), actor, at)
                : new Action(Kind.DISCARDED, null, ((DeadLetterDiscarded) event).reason(), actor, at);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        insert into dead_letter_action (topic, dlq_partition, dlq_offset, action, outcome, reason, actor,
                                                        acted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, event.topic());
            ps.setInt(2, event.partition());
            ps.setLong(3, event.offset());
            ps.setString(4, action.action().name());
            ps.setString(5, action.outcome());
            ps.setString(6, action.reason());
            ps.setString(7, actor);
            ps.setTimestamp(8, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the action on " + event.streamId(), e);
        }
        return action;
    }

    public Optional<Action> find(String topic, int partition, long offset) {
        return Optional.ofNullable(query("and dlq_partition = ? and dlq_offset = ?", topic, partition, offset)
                .get(new Position(topic, partition, offset)));
    }

    /** Every action on the topic's records (operators act on few records; the map stays small). */
    public Map<Position, Action> all(String topic) {
        return query("", topic, null, null);
    }

    private Map<Position, Action> query(String where, String topic, Integer partition, Long offset) {
        Map<Position, Action> actions = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select dlq_partition, dlq_offset, action, outcome, reason,"
                        + " actor, acted_at from dead_letter_action where topic = ? " + where)) {
            ps.setString(1, topic);
            if (partition != null) {
                ps.setInt(2, partition);
                ps.setLong(3, offset);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.put(new Position(topic, rs.getInt(1), rs.getLong(2)), new Action(
                            Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the dead-letter actions", e);
        }
        return actions;
    }
}
