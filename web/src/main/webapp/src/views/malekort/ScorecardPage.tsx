import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { Alert, BodyShort, Button, Heading, HStack, Loader, ReadMore, VStack } from "@navikt/ds-react";
import { DownloadIcon } from "@navikt/aksel-icons";
import { ApiError } from "../../api/client";
import type { Unit } from "../../api/units";
import { MonthSelect } from "../../components/MonthSelect";
import { ProblemAlert } from "../../components/ProblemAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { formatInstant, monthName, monthsBetween } from "../../format";
import { currentMonth, downloadOffices, downloadScorecard, fetchPeriods, fetchScorecard, fetchUnits, type Periods, type Scorecard } from "./api";
import { AsPublishedForm } from "./AsPublished";
import { RowDetail } from "./RowDetail";
import { ScorecardTable } from "./ScorecardTable";
import { T } from "./texts";

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * /malekort/:unitId?periode=YYYY-MM[&indikator=ID][&publisert=instant] — every choice is in the address, so it can
 * be shared; with publisert the scorecard is shown as it was published at that moment.
 */
export function ScorecardPage() {
  const { unitId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const asked = params.get("periode");
  const indicatorId = params.get("indikator");
  const publishedParam = params.get("publisert");
  const asOf = publishedParam && !Number.isNaN(new Date(publishedParam).getTime()) ? publishedParam : null;
  const [periods, setPeriods] = useState<Periods | null>(null);
  const period = asked && PERIOD.test(asked) ? asked : periods ? periods.last ?? currentMonth() : null;
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [card, setCard] = useState<Scorecard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  useEffect(() => {
    fetchPeriods().then(setPeriods, () => setPeriods({ first: null, last: null }));
  }, []);

  useEffect(() => {
    if (!period) return;
    let live = true;
    fetchUnits(period).then((u) => live && setUnits(u), () => live && setUnits([]));
    return () => {
      live = false;
    };
  }, [period]);

  useEffect(() => {
    if (!period) return;
    let live = true;
    setCard(null);
    setError(null);
    fetchScorecard(unitId, period, asOf).then((c) => live && setCard(c), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [unitId, period, asOf]);

  const months = useMemo(() => {
    const last = periods?.last ?? currentMonth();
    return monthsBetween(periods?.first ?? last, last);
  }, [periods]);

  if (!period) return <Loader size="large" title={T.loading} />;

  const rows = card?.perspectives.flatMap((p) => p.rows) ?? [];
  const selected = rows.find((r) => r.indicatorId === indicatorId) ?? null;
  const go = (unit: string, month: string, indicator: string | null, published: string | null = asOf) =>
    navigate(`/malekort/${encodeURIComponent(unit)}?${new URLSearchParams({
      periode: month, ...(indicator ? { indikator: indicator } : {}), ...(published ? { publisert: published } : {}) })}`);
  const when = asOf ? formatInstant(asOf) : null;
  const level = units?.find((u) => u.unitId === unitId)?.level;
  const save = (run: () => Promise<void>) => {
    setDownloadError(null);
    run().catch(setDownloadError);
  };
  const unitText = card?.unitName ?? units?.find((u) => u.unitId === unitId)?.name ?? unitId;

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {card ? (when ? T.asPublishedTitle(card.unitName, monthName(card.period), when)
          : T.title(card.unitName, monthName(card.period))) : T.heading}
      </Heading>
      <HStack gap="space-16" align="end" wrap>
        <UnitSelect label={T.unit} units={units} value={unitId} onChange={(u) => go(u, period, indicatorId)} />
        <MonthSelect label={T.month} months={months} value={period} onChange={(m) => go(unitId, m, indicatorId)} />
        <Button variant="secondary" icon={<DownloadIcon aria-hidden />} disabled={!card}
          onClick={() => save(() => downloadScorecard(unitId, period, "xlsx", asOf))}>
          {T.excel}
        </Button>
        <Button variant="tertiary" icon={<DownloadIcon aria-hidden />} disabled={!card}
          onClick={() => save(() => downloadScorecard(unitId, period, "csv", asOf))}>
          {T.csv}
        </Button>
        {level && level !== "OFFICE" && (
          <Button variant="tertiary" icon={<DownloadIcon aria-hidden />} disabled={!card}
            onClick={() => save(() => downloadOffices(unitId, period, "xlsx"))}>
            {T.officesExcel}
          </Button>
        )}
      </HStack>
      {when ? (
        <Alert variant="info">
          <VStack gap="space-8" align="start">
            <BodyShort>{T.asPublishedInfo(when)}</BodyShort>
            <Button size="small" variant="secondary" onClick={() => go(unitId, period, indicatorId, null)}>
              {T.asPublishedCurrent}
            </Button>
          </VStack>
        </Alert>
      ) : (
        <AsPublishedForm onShow={(instant) => go(unitId, period, indicatorId, instant)} />
      )}
      <ProblemAlert error={downloadError} />
      {periods && !periods.last && <Alert variant="info">{T.noResultsYet}</Alert>}
      {error instanceof ApiError && error.status === 404 ? <Alert variant="warning">{T.unknownUnit(unitId)}</Alert>
        : <ProblemAlert error={error} />}
      {!card && !error && <Loader size="large" title={T.loading} />}
      {card && rows.length === 0 && <Alert variant="info">
        {when ? T.asPublishedEmpty(unitText, when) : T.empty(unitText, monthName(period))}</Alert>}
      {card && rows.length > 0 && (
        <>
          {card.asOf && !when && <BodyShort size="small">{T.updated(formatInstant(card.asOf))}</BodyShort>}
          <ScorecardTable card={card} selected={indicatorId} asOf={asOf}
            detailHref={(id) => `/malekort/${encodeURIComponent(unitId)}?${new URLSearchParams({ periode: period, indikator: id,
              ...(asOf ? { publisert: asOf } : {}) })}`} />
          <ReadMore header={T.legendTitle}>
            <ul className="malekort-legend">
              {T.legend.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </ReadMore>
        </>
      )}
      {card && selected && (
        <RowDetail key={`${card.unitId}/${card.period}/${selected.indicatorId}`} card={card} row={selected} units={units}
          onClose={() => setParams((old) => {
            const next = new URLSearchParams(old);
            next.delete("indikator");
            return next;
          })}
          unitHref={(u) => `/malekort/${encodeURIComponent(u)}?${new URLSearchParams({ periode: period, indikator: selected.indicatorId,
            ...(asOf ? { publisert: asOf } : {}) })}`} />
      )}
    </VStack>
  );
}
