package no.mrs.contracts.goal;

public enum UnitLevel {
    NATIONAL, REGION, OFFICE
}
