package no.mrs.reporting.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a batch of changes touched, copied out of the model when the batch ends. The rows are immutable, so
 * they can be saved on another thread while the model goes on changing (the rebuild saves while it replays, the
 * live projection saves while readers read).
 */
public record ChangedRows(List<Unit> units, List<Indicator> indicators, List<Goal> goals, List<Result> results,
        Map<Result.Key, Reported> reported, Map<Changes.BudgetKey, Integer> goalBudgets,
        List<FigureComment> figureComments, List<EntityVersion> entityVersions, List<Superseded> supersededResults,
        Map<String, Long> streams, Map<PartitionId, Position> partitions, Set<Result.Key> added) {

    static ChangedRows of(ReadModel model, Changes changes) {
        List<Unit> units = new ArrayList<>(changes.units.size());
        changes.units.forEach(id -> units.add(model.unit(id).orElseThrow()));
        List<Indicator> indicators = new ArrayList<>(changes.indicators.size());
        changes.indicators.forEach(id -> indicators.add(model.indicator(id).orElseThrow()));
        List<Goal> goals = new ArrayList<>(changes.goals.size());
        changes.goals.forEach(id -> goals.add(model.goal(id).orElseThrow()));
        List<Result> results = new ArrayList<>(changes.results.size());
        changes.results.values().forEach(results::add);
        Map<String, Long> streams = new LinkedHashMap<>();
        changes.streams.forEach(stream -> streams.put(stream, model.streamVersion(stream)));
        Map<PartitionId, Position> partitions = new LinkedHashMap<>();
        changes.partitions.forEach(p -> partitions.put(p, model.position(p).orElseThrow()));
        Map<Changes.BudgetKey, Integer> budgets = new LinkedHashMap<>();
        changes.goalBudgets.forEach(b -> budgets.put(b, model.goalBudget(b.unitId(), b.year()).orElseThrow()));
        return new ChangedRows(units, indicators, goals, results, new LinkedHashMap<>(changes.reported), budgets,
                List.copyOf(changes.figureComments), List.copyOf(changes.entityVersions),
                List.copyOf(changes.supersededResults), streams, partitions, Set.copyOf(changes.added));
    }

    public boolean isEmpty() {
        return units.isEmpty() && indicators.isEmpty() && goals.isEmpty() && results.isEmpty() && streams.isEmpty()
                && partitions.isEmpty() && goalBudgets.isEmpty() && figureComments.isEmpty() && entityVersions.isEmpty()
                && supersededResults.isEmpty();
    }

    /**
     * These rows in {@code parts} sets that can be saved concurrently, each set in order: an office figure and its
     * superseded versions go to the set of their key (unit, indicator, month), everything else to the first. Saving
     * each set after the same set of the previous split keeps every row's saves in order.
     */
    public List<ChangedRows> split(int parts) {
        List<List<Result>> results = new ArrayList<>();
        List<Map<Result.Key, Reported>> reportedBy = new ArrayList<>();
        List<List<Superseded>> superseded = new ArrayList<>();
        List<Set<Result.Key>> addedBy = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            addedBy.add(new HashSet<>());
            results.add(new ArrayList<>());
            reportedBy.add(new LinkedHashMap<>());
            superseded.add(new ArrayList<>());
        }
        for (Result r : this.results) {
            int part = part(r, parts);
            results.get(part).add(r);
            Reported first = reported.get(r.key());
            if (first != null) {
                reportedBy.get(part).put(r.key(), first);
            }
            if (added.contains(r.key())) {
                addedBy.get(part).add(r.key());
            }
        }
        for (Superseded v : supersededResults) {
            superseded.get(part(v.result(), parts)).add(v);
        }
        List<ChangedRows> split = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            boolean first = i == 0;
            split.add(new ChangedRows(first ? units : List.of(), first ? indicators : List.of(),
                    first ? goals : List.of(), results.get(i), reportedBy.get(i), first ? goalBudgets : Map.of(),
                    first ? figureComments : List.of(), first ? entityVersions : List.of(), superseded.get(i),
                    first ? streams : Map.of(), first ? partitions : Map.of(), addedBy.get(i)));
        }
        return split;
    }

    private static int part(Result r, int parts) {
        return Math.floorMod(r.key().hashCode(), parts);
    }

    /** How many rows a save writes. */
    public int size() {
        return units.size() + indicators.size() + goals.size() + results.size() + streams.size() + partitions.size()
                + goalBudgets.size() + figureComments.size() + entityVersions.size() + supersededResults.size();
    }
}
