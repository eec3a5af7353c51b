package no.mrs.result.catalogue;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.mrs.contracts.goal.IndicatorDefined;
import no.mrs.contracts.goal.IndicatorEvent;
import no.mrs.contracts.goal.IndicatorPaired;
import no.mrs.contracts.goal.IndicatorRedefined;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.UnitEvent;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.goal.UnitMoved;
import no.mrs.contracts.goal.UnitRegistered;
import no.mrs.contracts.goal.UnitRenamed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalogue tables: kept from goal events, read in bulk as a {@link Catalogue}. Every write changes the token in
 * {@code catalogue_state} in its transaction; {@link #snapshot()} keeps the catalogue it read with the token it saw and
 * reads the tables again only when the token has moved (written here or by another replica).
 */
@ApplicationScoped
public class CatalogueStore {

    @Inject
    AgroalDataSource dataSource;

    /** The catalogue last read and the token read before it (null before the first read). */
    private volatile Read last;

    private record Read(UUID token, Catalogue catalogue) {
    }

    /** Applies a unit event of stream version {@code version}; an event older than the stored one is skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UnitEvent event, long version) {
        try (Connection c = dataSource.getConnection()) {
            Long stored = unitVersion(c, event.unitId());
            if (stored != null && stored >= version) {
                return;
            }
            // Java 17 has no pattern switch: the chain ends in a throw, and CatalogueStoreTest feeds every type
            if (event instanceof UnitRegistered r) {
                update(c, """
                        insert into catalogue_unit (unit_id, level, parent_id, version) values (?, ?, ?, ?)
                        on conflict (unit_id) do update set level = excluded.level, parent_id = excluded.parent_id,
                        version = excluded.version""", r.unitId(), r.level().name(), r.parentId(), version);
                update(c, "delete from catalogue_unit_parent where unit_id = ?", r.unitId());
                if (r.parentId() != null) {
                    update(c, "insert into catalogue_unit_parent (unit_id, parent_id, valid_from) values (?, ?, null)",
                            r.unitId(), r.parentId());
                }
            } else if (event instanceof UnitRenamed r) {
                // the name is not needed here; only the version moves on
                update(c, "update catalogue_unit set version = ? where unit_id = ?", version, r.unitId());
            } else if (event instanceof UnitMoved m) {
                update(c, "update catalogue_unit set parent_id = ?, version = ? where unit_id = ?",
                        m.newParentId(), version, m.unitId());
                update(c, "delete from catalogue_unit_parent where unit_id = ? and valid_from >= ?",
                        m.unitId(), m.effectiveFrom().toString());
                update(c, "insert into catalogue_unit_parent (unit_id, parent_id, valid_from) values (?, ?, ?)",
                        m.unitId(), m.newParentId(), m.effectiveFrom().toString());
            } else {
                throw new IllegalArgumentException("Unhandled unit event " + event.getClass().getName());
            }
            changed(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Applying " + event.getClass().getSimpleName() + " failed", e);
        }
    }

    /** Applies an indicator event; an event older than the stored one is skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IndicatorEvent event, long version) {
        Measure measure;
        BigDecimal scaleMin;
        BigDecimal scaleMax;
        String owner;
        if (event instanceof IndicatorDefined d) {
            measure = d.measure();
            scaleMin = d.scaleMin();
            scaleMax = d.scaleMax();
            owner = d.ownerUnitId();
        } else if (event instanceof IndicatorRedefined r) {
            measure = r.measure();
            scaleMin = r.scaleMin();
            scaleMax = r.scaleMax();
            owner = r.ownerUnitId();
        } else if (event instanceof IndicatorPaired) {
            return; // a pairing with an outcome indicator changes nothing about what may be reported
        } else {
            throw new IllegalArgumentException("Unhandled indicator event " + event.getClass().getName());
        }
        try (Connection c = dataSource.getConnection()) {
            // an older version than the stored one changes no row, and so not the token either
            if (update(c, """
                    insert into catalogue_indicator (indicator_id, measure, scale_min, scale_max, owner_unit_id, version)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (indicator_id) do update set measure = excluded.measure, scale_min = excluded.scale_min,
                    scale_max = excluded.scale_max, owner_unit_id = excluded.owner_unit_id, version = excluded.version
                    where catalogue_indicator.version < excluded.version""",
                    event.indicatorId(), measure.name(), scaleMin, scaleMax, owner, version) > 0) {
                changed(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Applying " + event.getClass().getSimpleName() + " failed", e);
        }
    }

    /**
     * The whole catalogue: the one read last while the token has not moved, else read again in three queries. The
     * token is read first, so a catalogue kept with it is never older than the token says (a write committed between
     * the two reads leaves an older token beside newer rows, read again next time).
     */
    public Catalogue snapshot() {
        try (Connection c = dataSource.getConnection()) {
            UUID token = token(c);
            Read kept = last;
            if (kept != null && kept.token().equals(token)) {
                return kept.catalogue();
            }
            Catalogue catalogue = read(c);
            last = new Read(token, catalogue);
            return catalogue;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the catalogue failed", e);
        }
    }

    private static UUID token(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select token from catalogue_state where id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("catalogue_state has no row (migration V8 not applied?)");
            }
            return rs.getObject(1, UUID.class);
        }
    }

    /** Moves the token on, in the transaction of the write: every kept catalogue is read again after its commit. */
    private static void changed(Connection c) throws SQLException {
        update(c, "update catalogue_state set token = gen_random_uuid() where id = 1");
    }

    private static Catalogue read(Connection c) throws SQLException {
        Map<String, List<Catalogue.Spell>> spells = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select unit_id, parent_id, valid_from from catalogue_unit_parent"
                        + " order by unit_id, valid_from nulls first");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String from = rs.getString(3);
                spells.computeIfAbsent(rs.getString(1), u -> new ArrayList<>())
                        .add(new Catalogue.Spell(rs.getString(2), from == null ? null : YearMonth.parse(from)));
            }
        }
        Map<String, Catalogue.Unit> units = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select unit_id, level, parent_id from catalogue_unit");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String unitId = rs.getString(1);
                units.put(unitId, new Catalogue.Unit(unitId, UnitLevel.valueOf(rs.getString(2)), rs.getString(3),
                        spells.getOrDefault(unitId, List.of())));
            }
        }
        Map<String, Catalogue.Indicator> indicators = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select indicator_id, measure, scale_min, scale_max, owner_unit_id from catalogue_indicator");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                indicators.put(rs.getString(1), new Catalogue.Indicator(rs.getString(1),
                        Measure.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)));
            }
        }
        return new Catalogue(units, indicators);
    }

    /** The unit's current parent, for the {@link no.mrs.platform.security.UnitTree}. */
    public Optional<String> parentOf(String unitId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select parent_id from catalogue_unit where unit_id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the parent of " + unitId + " failed", e);
        }
    }

    private static Long unitVersion(Connection c, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version from catalogue_unit where unit_id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Runs a write; returns how many rows it changed. */
    private static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
