package no.mrs.goal.letter;

/** A DRAFT can still change; a PUBLISHED letter's goals are in force and the letter itself no longer changes. */
public enum LetterStatus {
    DRAFT, PUBLISHED
}
