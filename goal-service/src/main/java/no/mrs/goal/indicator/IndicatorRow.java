package no.mrs.goal.indicator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.mrs.contracts.goal.Direction;
import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.Perspective;

import java.math.BigDecimal;

/** The current definition of an indicator, kept up to date from its events. */
@Entity
@Table(name = "indicator")
public class IndicatorRow extends PanacheEntityBase {

    @Id
    @Column(name = "indicator_id")
    public String indicatorId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Perspective perspective;

    @Enumerated(EnumType.STRING)
    public Measure measure;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    public String description;

    @Column(name = "scale_min")
    public BigDecimal scaleMin;

    @Column(name = "scale_max")
    public BigDecimal scaleMax;

    @Column(name = "owner_unit_id")
    public String ownerUnitId;

    @Column(name = "paired_outcome")
    public String pairedOutcome;

    public long version;

    public IndicatorState toState() {
        return new IndicatorState(indicatorId, name, perspective, measure, direction, description, scaleMin, scaleMax,
                ownerUnitId, pairedOutcome, version);
    }
}
