package no.mrs.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of a contract record: {@code name + ".v" + version}, for example
 * {@code no.mrs.goal.GoalSet.v1}. A change that is not backwards compatible (a field removed, renamed or given a
 * new meaning) gets a new version and a new record; adding an optional field keeps the version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String name();

    int version();
}
