package no.mrs.contracts.goal;

public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
