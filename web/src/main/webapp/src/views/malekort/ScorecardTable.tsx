import { useEffect, useState } from "react";
import { Link as RouterLink } from "react-router-dom";
import { Link, Table, Tag } from "@navikt/ds-react";
import {
  ArrowDownIcon,
  ArrowRightIcon,
  ArrowUpIcon,
  ArrowsCirclepathIcon,
  CheckmarkCircleFillIcon,
  ExclamationmarkTriangleFillIcon,
  MinusCircleIcon,
  XMarkOctagonFillIcon,
} from "@navikt/aksel-icons";
import { fetchSeries, shiftMonth, type ChangedSince, type OutlierMark, type Scorecard, type ScorecardRow, type SeriesPoint,
  type Status } from "./api";
import { monthName } from "../../format";
import { figure } from "./figures";
import { Sparkline } from "./Sparkline";
import { T } from "./texts";

const COLUMNS = 10;

/** The scorecard as NAV knows it: per perspective, each indicator with goal, status, trend and the four figures. */
export function ScorecardTable(props: { card: Scorecard; selected: string | null; detailHref: (id: string) => string;
  asOf?: string | null }) {
  const { card, selected, detailHref, asOf = null } = props;
  const series = useSparklines(card, asOf);
  return (
    <div className="mrs-table-wrap">
      <Table size="small" className="malekort-table">
        <caption className="aksel-sr-only">{T.caption(card.unitName, monthName(card.period))}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col" rowSpan={2}>{T.colId}</Table.HeaderCell>
            <Table.HeaderCell scope="col" rowSpan={2}>{T.colName}</Table.HeaderCell>
            <Table.HeaderCell scope="col" rowSpan={2} align="right">{T.colGoal}</Table.HeaderCell>
            <Table.HeaderCell scope="col" rowSpan={2}>{T.colStatus}</Table.HeaderCell>
            <Table.HeaderCell scope="col" rowSpan={2}>{T.colTrend}</Table.HeaderCell>
            <Table.HeaderCell scope="colgroup" colSpan={2} align="center">{T.colYtd}</Table.HeaderCell>
            <Table.HeaderCell scope="colgroup" colSpan={2} align="center">{T.colPeriod}</Table.HeaderCell>
            <Table.HeaderCell scope="col" rowSpan={2}>{T.colSpark}</Table.HeaderCell>
          </Table.Row>
          <Table.Row>
            <Table.HeaderCell scope="col" align="right">{T.colThisYear}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">{T.colLastYear}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">{T.colThisYear}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">{T.colLastYear}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        {card.perspectives.map((p) => (
          <Table.Body key={p.perspective}>
            <Table.Row className="malekort-perspective">
              <Table.HeaderCell scope="rowgroup" colSpan={COLUMNS}>
                {T.perspective[p.perspective] ?? p.perspective}
              </Table.HeaderCell>
            </Table.Row>
            {p.rows.map((row) => (
              <Table.Row key={row.indicatorId} selected={row.indicatorId === selected} data-indicator={row.indicatorId}>
                <Table.DataCell className="malekort-id">{row.indicatorId}</Table.DataCell>
                <Table.HeaderCell scope="row" className="malekort-name">
                  <Link as={RouterLink} to={detailHref(row.indicatorId)}
                    aria-current={row.indicatorId === selected ? "true" : undefined}>
                    {row.name}
                  </Link>
                  {row.outlier && <OutlierTag mark={row.outlier} measure={row.measure} month={monthName(card.period)} />}
                  {row.changedSince && <ChangedTag change={row.changedSince} measure={row.measure} />}
                  {row.displacement && row.pairedOutcome && (
                    <div>
                      <Tag size="xsmall" variant="moderate" data-color="warning" className="malekort-status"
                        icon={<ExclamationmarkTriangleFillIcon aria-hidden />}
                        title={T.displacementTitle(row.indicatorId, row.pairedOutcome)}>
                        {T.displacementTag}
                      </Tag>
                    </div>
                  )}
                </Table.HeaderCell>
                <Table.DataCell align="right"><GoalCell row={row} /></Table.DataCell>
                <Table.DataCell><StatusTag status={row.status} /></Table.DataCell>
                <Table.DataCell><TrendCell row={row} /></Table.DataCell>
                <Table.DataCell className="mrs-number">{figure(row.yearToDate.thisYear, row.measure)}</Table.DataCell>
                <Table.DataCell className="mrs-number">{figure(row.yearToDate.lastYear, row.measure)}</Table.DataCell>
                <Table.DataCell className="mrs-number">{figure(row.period.thisYear, row.measure)}</Table.DataCell>
                <Table.DataCell className="mrs-number">{figure(row.period.lastYear, row.measure)}</Table.DataCell>
                <Table.DataCell>
                  <Sparkline indicatorId={row.indicatorId} points={series.get(row.indicatorId) ?? null} measure={row.measure} />
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        ))}
      </Table>
    </div>
  );
}

/** An office's figure of the month marked by the outlier check: an icon and words, and the expected range in text. */
export function OutlierTag({ mark, measure, month }: { mark: OutlierMark; measure: ScorecardRow["measure"]; month: string }) {
  return (
    <div className="malekort-outlier">
      <Tag size="xsmall" variant="moderate" data-color="warning" className="malekort-status"
        icon={<ExclamationmarkTriangleFillIcon aria-hidden />} title={T.outlierTitle(month)}>
        {T.outlierTag}
      </Tag>{" "}
      <span className="malekort-outlier-range">
        {T.outlierRange(figure(mark.expectedLow, measure), figure(mark.expectedHigh, measure))}
      </span>
    </div>
  );
}

/** A row of a scorecard shown as published whose figures have changed since: the figures now, and what and why. */
function ChangedTag({ change, measure }: { change: ChangedSince; measure: ScorecardRow["measure"] }) {
  return (
    <div className="malekort-changed">
      <Tag size="xsmall" variant="moderate" data-color="info" className="malekort-status"
        icon={<ArrowsCirclepathIcon aria-hidden />}>
        {T.changedTag}
      </Tag>{" "}
      <span>
        {T.changedNow(figure(change.yearToDate, measure), figure(change.period, measure))}
        {change.corrections > 0 && <> {T.changedCorrections(change.corrections, change.reasons)}</>}
        {change.lateReports > 0 && <> {T.changedLate(change.lateReports)}</>}
      </span>
    </div>
  );
}

/** Each row's last 24 months (as published at `asOf` when given), fetched side by side. */
function useSparklines(card: Scorecard, asOf: string | null): Map<string, SeriesPoint[]> {
  const [series, setSeries] = useState(new Map<string, SeriesPoint[]>());
  useEffect(() => {
    let live = true;
    setSeries(new Map());
    const from = shiftMonth(card.period, -23);
    for (const row of card.perspectives.flatMap((p) => p.rows)) {
      fetchSeries(card.unitId, row.indicatorId, from, card.period, asOf).then(
        (points) => live && setSeries((old) => new Map(old).set(row.indicatorId, points)),
        () => live && setSeries((old) => new Map(old).set(row.indicatorId, [])),
      );
    }
    return () => {
      live = false;
    };
  }, [card, asOf]);
  return series;
}

function GoalCell({ row }: { row: ScorecardRow }) {
  if (!row.goal) return <span className="malekort-muted">–</span>;
  const target = row.goal.target === null ? T.following : figure(row.goal.target, row.measure);
  return (
    <span className="malekort-goal">
      <span className="mrs-number">{target}</span>
      <Tag size="xsmall" variant="outline" data-color={row.goal.origin === "LOCAL" ? "accent" : "neutral"}>
        {T.origin[row.goal.origin]}
      </Tag>
    </span>
  );
}

const STATUS_LOOK: Record<Status, { color: "success" | "warning" | "danger" | "neutral"; icon: JSX.Element }> = {
  ON_TARGET: { color: "success", icon: <CheckmarkCircleFillIcon aria-hidden /> },
  NEAR_TARGET: { color: "warning", icon: <ExclamationmarkTriangleFillIcon aria-hidden /> },
  OFF_TARGET: { color: "danger", icon: <XMarkOctagonFillIcon aria-hidden /> },
  NO_TARGET: { color: "neutral", icon: <MinusCircleIcon aria-hidden /> },
  NO_DATA: { color: "neutral", icon: <MinusCircleIcon aria-hidden /> },
};

/** The status in words and an icon, never colour alone. */
export function StatusTag({ status }: { status: Status }) {
  const look = STATUS_LOOK[status];
  return (
    <Tag size="small" variant="moderate" data-color={look.color} icon={look.icon} title={T.statusHelp[status]}
      className="malekort-status">
      {T.status[status]}
    </Tag>
  );
}

function TrendCell({ row }: { row: ScorecardRow }) {
  if (!row.trend) return <span className="malekort-muted">{T.noTrend}</span>;
  const good = (row.trend === "UP") === (row.direction === "HIGHER_IS_BETTER");
  const kind = row.trend === "FLAT" ? "flat" : good ? "good" : "bad";
  const Icon = row.trend === "UP" ? ArrowUpIcon : row.trend === "DOWN" ? ArrowDownIcon : ArrowRightIcon;
  return (
    <span className={`malekort-trend malekort-trend--${kind}`}>
      <Icon aria-hidden fontSize="1.25rem" />
      <span>{T.trend(row.trend, row.direction)}</span>
    </span>
  );
}
