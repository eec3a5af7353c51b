package no.mrs.goal.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One spell of the dated hierarchy: the unit belonged to the parent from validFrom (null: the beginning). */
@Entity
@Table(name = "unit_parent")
public class UnitParentRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "parent_id")
    public String parentId;

    @Column(name = "valid_from")
    public String validFrom;
}
