package no.mrs.result.comment;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.result.FigureCommented;
import no.mrs.platform.events.EventStore;
import no.mrs.platform.paging.Cursor;
import no.mrs.platform.paging.Page;
import no.mrs.platform.paging.PageRequest;
import no.mrs.result.catalogue.CatalogueStore;
import no.mrs.result.recording.ResultsConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Comments on a region's or the nation's figure: appended as FigureCommented, listed oldest first. */
@ApplicationScoped
public class FigureCommentService {

    @Inject
    EventStore events;

    @Inject
    CatalogueStore catalogue;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ResultsConfig config;

    @Inject
    Clock clock;

    /** A comment as the API shows it. */
    public record CommentView(String unitId, String indicatorId, String period, long seq, String comment,
            String author, Instant commentedAt) {
    }

    @Transactional
    public CommentView comment(FigureCommentDecider.CommentOnFigure command, FigureCommentDecider.Commenter who,
            String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        FigureCommented event = FigureCommentDecider.decide(command, who, catalogue.snapshot(),
                YearMonth.now(clock.withZone(config.zone())), now);
        // two comments at once on one figure: the second append conflicts (409) and is not written
        long version = events.version(event.streamId());
        events.append(event.streamId(), version, actor, event);
        long seq = version + 1;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into"
                + " figure_comment (unit_id, indicator_id, period, seq, comment, author, commented_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, event.unitId());
            ps.setString(2, event.indicatorId());
            ps.setString(3, event.period().toString());
            ps.setLong(4, seq);
            ps.setString(5, event.comment());
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the comment on " + event.streamId() + " failed", e);
        }
        return new CommentView(event.unitId(), event.indicatorId(), event.period().toString(), seq, event.comment(),
                actor, now);
    }

    /** A page of the comments on one figure, oldest first; the cursor is the last comment's seq. */
    public Page<CommentView> comments(String unitId, String indicatorId, YearMonth period, PageRequest page) {
        List<String> after = page.afterKey(1);
        long last;
        try {
            last = after == null ? 0 : Long.parseLong(after.get(0));
        } catch (NumberFormatException e) {
            throw Cursor.invalid();
        }
        List<CommentView> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select seq, comment,"
                + " author, commented_at from figure_comment where unit_id = ? and indicator_id = ? and period = ?"
                + " and seq > ? order by seq limit " + page.fetchSize())) {
            ps.setString(1, unitId);
            ps.setString(2, indicatorId);
            ps.setString(3, period.toString());
            ps.setLong(4, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new CommentView(unitId, indicatorId, period.toString(), rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the comments on a figure failed", e);
        }
        return page.page(found, comment -> Cursor.of(String.valueOf(comment.seq())));
    }
}
