// The reporting-service calls of the Målekort view (through the web app, with the person's token).
import { all, call, download } from "../../api/client";
import type { Measure } from "../../api/indicators";
import type { Unit } from "../../api/units";

export type Status = "ON_TARGET" | "NEAR_TARGET" | "OFF_TARGET" | "NO_TARGET" | "NO_DATA";
export type Trend = "UP" | "DOWN" | "FLAT";
export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type Origin = "CENTRAL" | "REGIONAL" | "LOCAL";

export interface Pair {
  thisYear: number | null;
  lastYear: number | null;
}

export interface ScorecardRow {
  indicatorId: string;
  name: string;
  measure: Measure;
  direction: Direction;
  goal: {
    target: number | null;
    classification: "STEERING" | "MONITORING";
    origin: Origin;
    goalId: string;
    sourceUnitId: string;
  } | null;
  trend: Trend | null;
  status: Status;
  yearToDate: Pair;
  period: Pair;
  /** an activity indicator's outcome indicator (set by the directorate), and whether they diverge */
  pairedOutcome?: string | null;
  displacement?: boolean | null;
  /** an office's figure of the month far from its own history, until a leader confirms it or it is corrected */
  outlier?: OutlierMark | null;
  /** only as published (?asOf=): the row's figures now and what changed them since */
  changedSince?: ChangedSince | null;
}

/** What changed a row's figures after the moment a scorecard is shown as published. */
export interface ChangedSince {
  yearToDate: number | null;
  period: number | null;
  corrections: number;
  lateReports: number;
  reasons: string[];
}

/** The outlier check's mark: the figure and the range the office's history made expected (a share in per cent). */
export interface OutlierMark {
  figure: number;
  expectedLow: number;
  expectedHigh: number;
}

export interface Scorecard {
  unitId: string;
  unitName: string;
  period: string;
  perspectives: { perspective: string; rows: ScorecardRow[] }[];
  asOf: string | null;
  /** the moment asked for with ?asOf= (the scorecard as published then) */
  requestedAsOf?: string | null;
}

/** A comment on a figure: whose figure, the text, and for a region's or the nation's comment who wrote it and when. */
export interface FigureComment {
  unitId: string;
  unitName: string | null;
  comment: string;
  author: string | null;
  at: string | null;
}

export interface SeriesPoint {
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  comment: string | null;
  outlier?: OutlierMark | null;
  /** the unit's own comments, then those of the units below it that month */
  comments?: FigureComment[];
}

/** A comment as result-service keeps it. */
export interface SavedComment {
  unitId: string;
  indicatorId: string;
  period: string;
  seq: number;
  comment: string;
  author: string;
  commentedAt: string;
}

export interface ComparisonEntry {
  rank: number;
  unitId: string;
  unitName: string;
  yearToDate: number | null;
  period: number | null;
}

export interface Periods {
  first: string | null;
  last: string | null;
}

const enc = encodeURIComponent;

export const fetchPeriods = async () => (await call<Periods>("reporting", "periods")).data;

/** The hierarchy as reporting-service knows it in the month (all pages). */
export const fetchUnits = (period: string) => all<Unit>("reporting", `units?period=${period}&limit=1000`);

const asOfParam = (asOf?: string | null) => (asOf ? `&asOf=${enc(asOf)}` : "");

/** The scorecard as it stands, or as published at `asOf` (an instant). */
export const fetchScorecard = async (unitId: string, period: string, asOf?: string | null) =>
  (await call<Scorecard>("reporting", `scorecards/${enc(unitId)}?period=${period}${asOfParam(asOf)}`)).data;

export const fetchSeries = async (unitId: string, indicatorId: string, from: string, to: string, asOf?: string | null) =>
  (await call<SeriesPoint[]>("reporting", `series/${enc(unitId)}/${enc(indicatorId)}?from=${from}&to=${to}${asOfParam(asOf)}`)).data;

export const fetchComparison = async (unitId: string, indicatorId: string, period: string, asOf?: string | null) =>
  (await call<ComparisonEntry[]>("reporting", `comparisons/${enc(unitId)}/${enc(indicatorId)}?period=${period}${asOfParam(asOf)}`)).data;

/** A region's or the nation's comment on its own figure for the indicator and month (result-service). */
export const postFigureComment = async (unitId: string, indicatorId: string, period: string, comment: string) =>
  (await call<SavedComment>("result", "figure-comments", { method: "POST", body: { unitId, indicatorId, period, comment } })).data;

export type ExportFormat = "csv" | "xlsx";

/** The scorecard as the service exports it (CSV for Norwegian Excel, or a workbook), saved as a file. */
export const downloadScorecard = (unitId: string, period: string, format: ExportFormat, asOf?: string | null) =>
  download("reporting", `scorecards/${enc(unitId)}?period=${period}&format=${format}${asOfParam(asOf)}`,
    `malekort-${unitId}-${period}${asOf ? "-som-publisert" : ""}.${format}`);

/** Every office below a region (or the nation) and every indicator of the month, in one sheet. */
export const downloadOffices = (unitId: string, period: string, format: ExportFormat) =>
  download("reporting", `scorecards/${enc(unitId)}/offices?period=${period}&format=${format}`,
    `malekort-kontorer-${unitId}-${period}.${format}`);

/** "2021-06" moved by a number of months. */
export function shiftMonth(period: string, months: number): string {
  const [year, month] = period.split("-").map(Number);
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The current month in Norway. */
export function currentMonth(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit" })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}
