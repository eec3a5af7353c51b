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
    public final Set<String> streams = new LinkedHashSet<>();
    public final Set<PartitionId> partitions = new LinkedHashSet<>();

    public boolean isEmpty() {
        return units.isEmpty() && indicators.isEmpty() && goals.isEmpty() && results.isEmpty() && streams.isEmpty()
                && partitions.isEmpty();
    }
}
