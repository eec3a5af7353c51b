package no.mrs.contracts.goal;

public enum LocalAdjustment {
    ALLOWED, FORBIDDEN
}
