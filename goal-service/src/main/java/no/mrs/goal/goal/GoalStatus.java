package no.mrs.goal.goal;

/** An ACTIVE goal counts; a RETIRED one is kept with its history but no longer counts. */
public enum GoalStatus {
    ACTIVE, RETIRED
}
