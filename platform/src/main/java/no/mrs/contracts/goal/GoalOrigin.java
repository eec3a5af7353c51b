package no.mrs.contracts.goal;

public enum GoalOrigin {
    CENTRAL, REGIONAL, LOCAL
}
