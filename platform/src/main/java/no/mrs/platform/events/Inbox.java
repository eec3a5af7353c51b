package no.mrs.platform.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Remembers which events a consumer applied, in the consumer's own transaction: redelivery changes nothing. */
@ApplicationScoped
public class Inbox {

    @Inject
    AgroalDataSource dataSource;

    /** True the first time an event id is seen; false for a duplicate. Call in the transaction that applies it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(UUID eventId, String type) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ps = connection.prepareStatement(
                        "insert into inbox (event_id, event_type) values (?, ?) on conflict do nothing")) {
            ps.setObject(1, eventId);
            ps.setString(2, type);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording event " + eventId + " failed", e);
        }
    }
}
