package no.mrs.result.recording;

import no.mrs.contracts.goal.Measure;
import no.mrs.contracts.goal.UnitLevel;
import no.mrs.contracts.result.ResultCorrected;
import no.mrs.contracts.result.ResultEvent;
import no.mrs.contracts.result.Outlier;
import no.mrs.contracts.result.ResultRecorded;
import no.mrs.platform.problem.FieldError;
import no.mrs.platform.time.MonthMap;
import no.mrs.result.catalogue.Catalogue;
import no.mrs.result.outlier.OutlierCheck;
import no.mrs.result.outlier.Series;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for submitted results, pure: each item of a batch is judged on its own against what is stored and
 * what the items before it in the same batch did (a batch may hold a value and its correction).
 */
public final class ResultDecider {

    public static final int MAX_MEASUREMENT_ID = 128;
    public static final int MAX_TEXT = 1000;
    /**
     * A letter or digit first (never {@code = + - @}, which spreadsheets read as the start of a formula), then
     * letters, digits and {@code . _ - / : + @ #}: no spaces, quotes, commas or markup.
     */
    public static final Pattern MEASUREMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/:+@#]*");
    private static final Pattern UNIT_ID = Pattern.compile("\\d{4}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /**
     * What the decision needs to know: the catalogue, the stored measurements with the batch's ids, the current
     * values of the batch's keys, the locked months, this month and the time of receipt.
     */
    public record Context(Catalogue catalogue, Map<String, ResultItem> measurements,
            Map<ResultKey, CurrentValue> current, Set<YearMonth> locked, YearMonth thisMonth, Instant receivedAt,
            Map<Series, Map<YearMonth, OutlierCheck.Figure>> history) {

        /** Without the offices' history: no figure is checked for outliers. */
        public Context(Catalogue catalogue, Map<String, ResultItem> measurements,
                Map<ResultKey, CurrentValue> current, Set<YearMonth> locked, YearMonth thisMonth, Instant receivedAt) {
            this(catalogue, measurements, current, locked, thisMonth, receivedAt, Map.of());
        }
    }

    private ResultDecider() {
    }

    public static List<Verdict> decide(List<Submission> batch, Context context) {
        Map<String, ResultItem> measurements = new HashMap<>(context.measurements());
        Map<ResultKey, CurrentValue> current = new HashMap<>(context.current());
        // the history grows with the batch: a batch of an office's year judges each month against the ones before
        Map<Series, Map<YearMonth, OutlierCheck.Figure>> history = new HashMap<>();
        context.history().forEach((series, months) -> history.put(series, new MonthMap<>(months)));
        List<Verdict> verdicts = new ArrayList<>(batch.size());
        for (Submission submission : batch) {
            Verdict verdict = judge(submission, context, measurements, current);
            if (verdict instanceof Verdict.Accepted accepted) {
                ResultItem item = submission.item();
                Catalogue.Indicator indicator = context.catalogue().indicator(item.indicatorId()).orElseThrow();
                Map<YearMonth, OutlierCheck.Figure> months = history.computeIfAbsent(
                        new Series(item.unitId(), item.indicatorId()), s -> new MonthMap<>());
                OutlierCheck.Figure figure = new OutlierCheck.Figure(item.numerator(), item.denominator(), item.value());
                Outlier warning = OutlierCheck.check(indicator.measure(), accepted.key().period(), figure, months)
                        .orElse(null);
                if (warning != null) {
                    accepted = accepted.withOutlier(warning);
                    verdict = accepted;
                }
                months.put(accepted.key().period(), figure);
                measurements.put(item.measurementId(), item);
                current.put(accepted.key(), new CurrentValue(item.measurementId(), item.numerator(),
                        item.denominator(), item.value(), accepted.version()));
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    /**
     * The months of an office's history the outlier check reads for a figure of {@code period}: the twelve before
     * it.
     */
    public static YearMonth historyFrom(YearMonth period) {
        return period.minusMonths(OutlierCheck.SPREAD_MONTHS);
    }

    private static Verdict judge(Submission submission, Context context, Map<String, ResultItem> measurements,
            Map<ResultKey, CurrentValue> current) {
        if (!submission.readErrors().isEmpty()) {
            return new Verdict.Rejected(submission, submission.readErrors());
        }
        ResultItem item = submission.item();
        List<FieldError> errors = new ArrayList<>();
        String id = item.measurementId();
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("measurementId", "required", "is required"));
        } else if (id.length() > MAX_MEASUREMENT_ID) {
            errors.add(new FieldError("measurementId", "too-long", "must be at most " + MAX_MEASUREMENT_ID + " characters"));
        } else if (measurements.containsKey(id)) {
            // the idempotency key comes first: a resent batch is a duplicate even if the month was locked since
            if (measurements.get(id).sameContentAs(item)) {
                return new Verdict.Duplicate(submission);
            }
            return new Verdict.Rejected(submission, List.of(new FieldError("measurementId", "measurement-id-reused",
                    "was already used for a different result; use a new measurementId for a new value")));
        } else if (!MEASUREMENT_ID.matcher(id).matches()) {
            // after the idempotency check, so that a batch stored before this rule is still a duplicate when resent
            errors.add(new FieldError("measurementId", "invalid-format",
                    "must start with a letter or digit and hold only letters, digits and . _ - / : + @ #"));
        }
        Catalogue.Unit unit = checkUnit(item, submission.submitter(), context.catalogue(), errors);
        YearMonth period = checkPeriod(item, context.thisMonth(), errors);
        Catalogue.Indicator indicator = checkIndicator(item, unit, period, context.catalogue(), errors);
        if (indicator != null) {
            checkFigures(item, indicator, errors);
        }
        checkLength("comment", item.comment(), errors);
        checkLength("correctionReason", item.correctionReason(), errors);
        if (!errors.isEmpty()) {
            return new Verdict.Rejected(submission, errors);
        }
        ResultKey key = new ResultKey(item.unitId(), item.indicatorId(), period);
        CurrentValue previous = current.get(key);
        String reason = ResultItem.blankToNull(item.correctionReason());
        if (previous != null && reason == null) {
            return new Verdict.Rejected(submission, List.of(new FieldError("correctionReason", "already-reported",
                    "a value is already reported for " + key.unitId() + "/" + key.indicatorId() + "/" + period
                            + " (" + previous.measurementId() + "); a correction needs a correctionReason")));
        }
        boolean correction = previous != null;
        if (context.locked().contains(period) && !(correction && submission.submitter().mayCorrectLockedPeriods())) {
            return new Verdict.Rejected(submission, List.of(new FieldError("period", "period-locked",
                    period + " is locked; only a leader or the directorate may correct it, with a reason")));
        }
        ResultEvent event = correction
                ? new ResultCorrected(id, item.unitId(), item.indicatorId(), period, item.numerator(),
                        item.denominator(), item.value(), ResultItem.blankToNull(item.comment()), context.receivedAt(),
                        previous.measurementId(), previous.numerator(), previous.denominator(), previous.value(), reason,
                        submission.submitter().kind())
                : new ResultRecorded(id, item.unitId(), item.indicatorId(), period, item.numerator(),
                        item.denominator(), item.value(), ResultItem.blankToNull(item.comment()), context.receivedAt(),
                        submission.submitter().kind());
        return new Verdict.Accepted(submission, key, event, previous == null ? 1 : previous.version() + 1);
    }

    private static Catalogue.Unit checkUnit(ResultItem item, Submitter submitter, Catalogue catalogue,
            List<FieldError> errors) {
        String unitId = item.unitId();
        if (unitId == null || unitId.isBlank()) {
            errors.add(new FieldError("unitId", "required", "is required"));
            return null;
        }
        if (!UNIT_ID.matcher(unitId).matches()) {
            errors.add(new FieldError("unitId", "malformed-unit", "must be a 4-digit unit number"));
            return null;
        }
        Catalogue.Unit unit = catalogue.unit(unitId).orElse(null);
        if (unit == null) {
            errors.add(new FieldError("unitId", "unknown-unit", "unit " + unitId + " is not known"));
            return null;
        }
        if (unit.level() != UnitLevel.OFFICE) {
            errors.add(new FieldError("unitId", "not-an-office",
                    "results are reported for offices; " + unit.level() + " figures are aggregates"));
            return null;
        }
        if (!submitter.unrestricted() && !catalogue.covers(submitter.scope(), unitId)) {
            errors.add(new FieldError("unitId", "forbidden-unit", "you may not report for unit " + unitId));
            return null;
        }
        return unit;
    }

    private static YearMonth checkPeriod(ResultItem item, YearMonth thisMonth, List<FieldError> errors) {
        String text = item.period();
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("period", "required", "is required"));
            return null;
        }
        YearMonth period;
        try {
            period = PERIOD.matcher(text).matches() ? no.mrs.platform.time.Months.parse(text) : null;
        } catch (DateTimeParseException e) {
            period = null;
        }
        if (period == null) {
            errors.add(new FieldError("period", "malformed-period", "must be a month, YYYY-MM"));
            return null;
        }
        if (period.getYear() < 2000) {
            errors.add(new FieldError("period", "period-out-of-range", "must be 2000-01 or later"));
            return null;
        }
        if (period.isAfter(thisMonth)) {
            errors.add(new FieldError("period", "future-period", "must not be after the current month " + thisMonth));
            return null;
        }
        return period;
    }

    private static Catalogue.Indicator checkIndicator(ResultItem item, Catalogue.Unit unit, YearMonth period,
            Catalogue catalogue, List<FieldError> errors) {
        String indicatorId = item.indicatorId();
        if (indicatorId == null || indicatorId.isBlank()) {
            errors.add(new FieldError("indicatorId", "required", "is required"));
            return null;
        }
        Catalogue.Indicator indicator = catalogue.indicator(indicatorId).orElse(null);
        if (indicator == null) {
            errors.add(new FieldError("indicatorId", "unknown-indicator", "indicator " + indicatorId + " is not known"));
            return null;
        }
        if (indicator.ownerUnitId() != null && unit != null && period != null
                && !catalogue.within(indicator.ownerUnitId(), unit.unitId(), period)) {
            errors.add(new FieldError("indicatorId", "indicator-not-in-scope", "the local indicator " + indicatorId
                    + " belongs to unit " + indicator.ownerUnitId() + ", and " + unit.unitId() + " is outside it"));
        }
        return indicator;
    }

    private static void checkFigures(ResultItem item, Catalogue.Indicator indicator, List<FieldError> errors) {
        Measure measure = indicator.measure();
        if (measure == Measure.COUNT) {
            notApplicable("numerator", item.numerator(), measure, errors);
            notApplicable("denominator", item.denominator(), measure, errors);
            if (required("value", item.value(), errors) && wholeNumber("value", item.value(), errors)
                    && item.value().signum() < 0) {
                errors.add(new FieldError("value", "out-of-range", "must be 0 or more"));
            }
            return;
        }
        notApplicable("value", item.value(), measure, errors);
        boolean hasNumerator = required("numerator", item.numerator(), errors);
        boolean hasDenominator = required("denominator", item.denominator(), errors);
        if (measure == Measure.RATIO) {
            boolean numeratorOk = hasNumerator && wholeNumber("numerator", item.numerator(), errors);
            boolean denominatorOk = hasDenominator && wholeNumber("denominator", item.denominator(), errors);
            if (numeratorOk && item.numerator().signum() < 0) {
                errors.add(new FieldError("numerator", "out-of-range", "must be 0 or more"));
                numeratorOk = false;
            }
            if (denominatorOk && item.denominator().signum() <= 0) {
                errors.add(new FieldError("denominator", "out-of-range", "must be more than 0"));
                denominatorOk = false;
            }
            if (numeratorOk && denominatorOk && item.numerator().compareTo(item.denominator()) > 0) {
                errors.add(new FieldError("numerator", "numerator-exceeds-denominator",
                        "must not be more than the denominator"));
            }
        } else if (measure == Measure.SCORE) {
            // numerator = the sum of the scores, denominator = the respondents
            boolean respondentsOk = hasDenominator && wholeNumber("denominator", item.denominator(), errors);
            if (respondentsOk && item.denominator().signum() <= 0) {
                errors.add(new FieldError("denominator", "out-of-range", "the respondents must be more than 0"));
                respondentsOk = false;
            }
            if (hasNumerator && respondentsOk) {
                BigDecimal mean = item.numerator().divide(item.denominator(), 10, RoundingMode.HALF_EVEN);
                boolean below = indicator.scaleMin() != null && mean.compareTo(indicator.scaleMin()) < 0;
                boolean above = indicator.scaleMax() != null && mean.compareTo(indicator.scaleMax()) > 0;
                if (below || above) {
                    errors.add(new FieldError("numerator", "out-of-scale", "the mean score (numerator / denominator) "
                            + "must lie within " + indicator.scaleMin() + "–" + indicator.scaleMax()));
                }
            }
        } else {
            throw new IllegalArgumentException("Unhandled measure " + measure);
        }
    }

    private static void notApplicable(String field, BigDecimal number, Measure measure, List<FieldError> errors) {
        if (number != null) {
            errors.add(new FieldError(field, "not-applicable", "is not used by a " + measure + " indicator"));
        }
    }

    private static boolean required(String field, BigDecimal number, List<FieldError> errors) {
        if (number == null) {
            errors.add(new FieldError(field, "required", "is required for this indicator"));
            return false;
        }
        return true;
    }

    private static boolean wholeNumber(String field, BigDecimal number, List<FieldError> errors) {
        if (number.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, "not-whole-number", "must be a whole number"));
            return false;
        }
        return true;
    }

    private static void checkLength(String field, String text, List<FieldError> errors) {
        if (text != null && text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "too-long", "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
