import { useEffect, useMemo, useRef, useState } from "react";
import { Alert, BodyShort, Button, ErrorSummary, Heading, Loader, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { formatInstant } from "../../format";
import { duty, fetchIndicators, fetchLock, sortIndicators, submitJson, type Indicator, type Lock, type Result,
  type ResultItem, type Warning } from "./data";
import { IndicatorFields, inputId } from "./IndicatorFields";
import { changed, EMPTY, entryOf, itemOf, outlierFigure, rowErrors, type Entry, type EntryField,
  type RowErrors } from "./rows";
import { fieldLabel, T } from "./texts";

interface Loaded {
  indicators: Indicator[];
  current: Map<string, Result>;
  lock: Lock | null;
}

type Outcome = { kind: "saved"; accepted: number; duplicates: number; warnings: Warning[] } | { kind: "nothing" } | null;

/** An office's month as a form: one row per indicator it must report, sent as one batch. */
export function ReportForm(props: { unitId: string; unitName: string; period: string; monthText: string;
  canSubmit: boolean; canConfirm: boolean; reloadKey: number }) {
  const { unitId, unitName, period, monthText, canSubmit, canConfirm, reloadKey } = props;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [focusTarget, setFocusTarget] = useState<"summary" | "outcome" | null>(null);

  async function load(keep?: Record<string, Entry>) {
    const [catalogue, office, lock] = await Promise.all([fetchIndicators(), duty(unitId, period), fetchLock(period)]);
    const wanted = new Set([...office.expected, ...office.current.keys()]);
    const indicators = sortIndicators(catalogue.filter((i) => wanted.has(i.indicatorId)));
    const fresh: Record<string, Entry> = {};
    indicators.forEach((i) => {
      fresh[i.indicatorId] = keep?.[i.indicatorId] ?? entryOf(i, office.current.get(i.indicatorId));
    });
    setLoaded({ indicators, current: office.current, lock });
    setEntries(fresh);
  }

  useEffect(() => {
    setLoaded(null);
    setLoadError(null);
    setErrors({});
    setOutcome(null);
    setRefused(null);
    load().catch(setLoadError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitId, period, reloadKey]);

  useEffect(() => {
    if (focusTarget === "summary") summaryRef.current?.focus();
    if (focusTarget === "outcome") outcomeRef.current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const stored = useMemo(() => {
    const out: Record<string, Entry> = {};
    loaded?.indicators.forEach((i) => (out[i.indicatorId] = entryOf(i, loaded.current.get(i.indicatorId))));
    return out;
  }, [loaded]);

  if (loadError) {
    return <Alert variant="error">{loadError instanceof ApiError ? loadError.message : T.loadFailed}</Alert>;
  }
  if (!loaded) return <Loader size="large" title={T.loading} />;

  const isChanged = (i: Indicator) =>
    changed(i, entries[i.indicatorId] ?? EMPTY, stored[i.indicatorId], loaded.current.has(i.indicatorId));

  function update(indicatorId: string, field: EntryField, text: string) {
    setEntries((all) => ({ ...all, [indicatorId]: { ...(all[indicatorId] ?? EMPTY), [field]: text } }));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!loaded) return;
    const rows = loaded.indicators.filter(isChanged);
    setRefused(null);
    if (rows.length === 0) {
      setErrors({});
      setOutcome({ kind: "nothing" });
      setFocusTarget("outcome");
      return;
    }
    const items: ResultItem[] = rows.map((i) =>
      itemOf(i, entries[i.indicatorId], unitId, period, loaded.current.get(i.indicatorId)));
    setSending(true);
    try {
      const summary = await submitJson(items);
      const next: Record<string, RowErrors> = {};
      const keep: Record<string, Entry> = {};
      summary.rejected.forEach((r) => {
        const indicator = rows[r.index];
        next[indicator.indicatorId] = rowErrors(indicator, r, items[r.index]);
        keep[indicator.indicatorId] = entries[indicator.indicatorId];
      });
      // what was stored is shown as stored; what was refused stays as typed, with its errors
      await load(keep);
      setErrors(next);
      setOutcome({ kind: "saved", accepted: summary.accepted, duplicates: summary.duplicates,
        warnings: summary.warnings ?? [] });
      setFocusTarget(summary.rejected.length > 0 ? "summary" : "outcome");
    } catch (e) {
      setRefused(e instanceof ApiError ? e.message : T.loadFailed);
      setFocusTarget("outcome");
    } finally {
      setSending(false);
    }
  }

  const byId = new Map(loaded.indicators.map((i) => [i.indicatorId, i]));
  const summaryItems = Object.entries(errors).flatMap(([indicatorId, fields]) =>
    Object.entries(fields).map(([field, message]) => ({
      href: `#${inputId(indicatorId, field as EntryField | "row")}`,
      text: field === "row" ? `${indicatorId}: ${message}`
        : `${indicatorId} ${fieldLabel(byId.get(indicatorId)?.measure ?? "", field)}: ${message}`,
    })));
  const rejectedCount = Object.keys(errors).length;
  const perspectives = [...new Set(loaded.indicators.map((i) => i.perspective))];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="rapport-form-heading">
      <VStack gap="space-24">
        <Heading level="2" size="medium" id="rapport-form-heading">
          {T.formHeading(unitName, monthText)}
        </Heading>
        {loaded.lock && (
          <Alert variant="warning">
            {loaded.lock.lockedAt ? T.locked(formatInstant(loaded.lock.lockedAt)) : T.lockedPlain}
          </Alert>
        )}
        {!canSubmit && <Alert variant="info">{T.readOnly}</Alert>}
        {summaryItems.length > 0 && (
          <ErrorSummary ref={summaryRef} heading={T.errorSummary} headingTag="h3">
            {summaryItems.map((item) => (
              <ErrorSummary.Item key={item.href} href={item.href}>
                {item.text}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary>
        )}
        <div ref={outcomeRef} tabIndex={-1} className="rapport-outcome">
          {refused && (
            <Alert variant="error" role="alert">
              {refused}
            </Alert>
          )}
          {outcome?.kind === "nothing" && <Alert variant="info">{T.nothingToSend}</Alert>}
          {outcome?.kind === "saved" && (
            <Alert variant={rejectedCount > 0 || outcome.warnings.length > 0 ? "warning" : "success"}>
              <Heading level="3" size="xsmall" spacing>
                {T.savedHeading}
              </Heading>
              <BodyShort>{T.saved(outcome.accepted)}</BodyShort>
              {outcome.duplicates > 0 && <BodyShort>{T.duplicates(outcome.duplicates)}</BodyShort>}
              {rejectedCount > 0 && <BodyShort>{T.rejectedRows(rejectedCount)}</BodyShort>}
              {outcome.warnings.length > 0 && (
                <>
                  <Heading level="3" size="xsmall" spacing>
                    {T.outlier.heading}
                  </Heading>
                  <ul className="rapport-warnings">
                    {outcome.warnings.map((w) => {
                      const measure = byId.get(w.indicatorId)?.measure ?? "COUNT";
                      return (
                        <li key={w.measurementId}>
                          {T.outlier.warning(w.indicatorId, outlierFigure(measure, w.figure),
                            outlierFigure(measure, w.expectedLow), outlierFigure(measure, w.expectedHigh))}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
            </Alert>
          )}
        </div>
        {loaded.indicators.length === 0 && <Alert variant="info">{T.noIndicators}</Alert>}
        {perspectives.map((perspective) => (
          <section key={perspective} aria-labelledby={`rapport-p-${perspective}`}>
            <Heading level="3" size="small" id={`rapport-p-${perspective}`} spacing>
              {T.perspectives[perspective] ?? perspective}
            </Heading>
            <VStack gap="space-16">
              {loaded.indicators.filter((i) => i.perspective === perspective).map((i) => (
                <IndicatorFields
                  key={i.indicatorId}
                  indicator={i}
                  entry={entries[i.indicatorId] ?? EMPTY}
                  current={loaded.current.get(i.indicatorId)}
                  correcting={loaded.current.has(i.indicatorId) && isChanged(i)}
                  errors={errors[i.indicatorId] ?? {}}
                  readOnly={!canSubmit}
                  onChange={(field, text) => update(i.indicatorId, field, text)}
                  outlier={{ unitId, period, canConfirm, onConfirmed: () => load(entries) }}
                />
              ))}
            </VStack>
          </section>
        ))}
        {canSubmit && loaded.indicators.length > 0 && (
          <div>
            <Button type="submit" loading={sending}>
              {T.submit}
            </Button>
          </div>
        )}
      </VStack>
    </form>
  );
}
