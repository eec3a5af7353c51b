package no.mrs.contracts.goal;

/** The scorecard perspective an indicator belongs to. */
public enum Perspective {
    USER, EMPLOYEE, PROCESS, RESOURCES
}
