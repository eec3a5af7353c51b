package no.mrs.goal.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.mrs.contracts.goal.UnitLevel;

import java.util.List;

/** The current state of a unit, kept up to date from its events. */
@Entity
@Table(name = "unit")
public class UnitRow extends PanacheEntityBase {

    @Id
    @Column(name = "unit_id")
    public String unitId;

    public String name;

    @Enumerated(EnumType.STRING)
    public UnitLevel level;

    @Column(name = "parent_id")
    public String parentId;

    public long version;

    public static List<UnitRow> childrenOf(String unitId) {
        return list("parentId = ?1 order by unitId", unitId);
    }
}
