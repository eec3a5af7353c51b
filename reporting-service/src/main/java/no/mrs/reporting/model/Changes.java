package no.mrs.reporting.model;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What changed in a {@link ReadModel} since the last write: the keys whose rows must be saved. */
public final class Changes {

    public final Set<String> units = new LinkedHashSet<>();
    public final Set<String> indicators = new LinkedHashSet<>();
    public final Set<String> goals = new LinkedHashSet<>();
    /** The results put, as they came (with their measurement ids, which the model does not keep). */
    public final Map<Result.Key, Result> results = new LinkedHashMap<>();
    /** When and by whom a result put was first reported (only for first reports; not kept by the model). */
    public final Map<Result.Key, Reported> reported = new LinkedHashMap<>();
    /** The results among {@link #results} that the model did not hold before: no row of theirs was ever saved. */
    public final Set<Result.Key> added = new java.util.HashSet<>();
    /** Own goal budgets set (unit and year). */
    public final Set<BudgetKey> goalBudgets = new LinkedHashSet<>();
    /** Figure comments added (they are never changed or removed). */
    public final java.util.List<FigureComment> figureComments = new java.util.ArrayList<>();
    /** New versions of units, indicators and goals, and superseded office figures (only ever added). */
    public final java.util.List<EntityVersion> entityVersions = new java.util.ArrayList<>();
    public final java.util.List<Superseded> supersededResults = new java.util.ArrayList<>();
    public final Set<String> streams = new LinkedHashSet<>();
    public final Set<PartitionId> partitions = new LinkedHashSet<>();

    public record BudgetKey(String unitId, int year) {
    }

    public boolean isEmpty() {
        return goalBudgets.isEmpty() && figureComments.isEmpty() && entityVersions.isEmpty()
                && supersededResults.isEmpty() && units.isEmpty() && indicators.isEmpty() && goals.isEmpty() && results.isEmpty() && streams.isEmpty()
                && partitions.isEmpty();
    }
}
