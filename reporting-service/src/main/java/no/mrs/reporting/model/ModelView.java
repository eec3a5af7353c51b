package no.mrs.reporting.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the figures, scorecards, series and comparisons read: the read model as it stands ({@link ReadModel}) or as
 * it stood at an earlier instant ({@link AsOfView}).
 */
public interface ModelView {

    Optional<Unit> unit(String unitId);

    Collection<Unit> units();

    Optional<Indicator> indicator(String indicatorId);

    Collection<Indicator> indicators();

    Optional<Goal> goal(String goalId);

    Collection<Goal> goals();

    /** The comments on a region's or the nation's figure, oldest first. */
    List<FigureComment> figureComments(Result.Key key);

    /** Every figure's comments, each list oldest first. */
    Collection<List<FigureComment>> figureComments();

    Optional<Result> result(Result.Key key);

    /** The results of an indicator in a month, by unit (empty when there are none). */
    Map<String, Result> results(String indicatorId, YearMonth month);

    /** The time of the latest event the answer reflects, null before the first. */
    Instant asOf();

    /** The offices under each unit in a month, computed once per month (and view). */
    Map<String, Set<String>> officesUnder(YearMonth month, Function<YearMonth, Map<String, Set<String>>> compute);

    /** A derived figure of (indicator, month, unit), computed once (per view, or until a result changes). */
    <T> T derived(String indicatorId, YearMonth month, String unitId, Function<String, T> compute);
}
