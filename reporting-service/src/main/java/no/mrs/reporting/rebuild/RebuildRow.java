package no.mrs.reporting.rebuild;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A rebuild request and its progress. */
@Entity
@Table(name = "rebuild")
public class RebuildRow extends PanacheEntityBase {

    public enum State {
        /** Replaying the topics into the other slot. */
        RUNNING,
        /** Caught up and switched: the API now answers from the rebuilt models. */
        COMPLETED,
        /** Stopped; the API kept answering from the old models. */
        FAILED
    }

    @Id
    @Column(name = "rebuild_id")
    public UUID rebuildId;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "target_slot")
    public String targetSlot;

    @Column(name = "events_total")
    public long eventsTotal;

    @Column(name = "events_applied")
    public long eventsApplied;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String error;
}
