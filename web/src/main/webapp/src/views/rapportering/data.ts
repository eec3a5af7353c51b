// What the view reads from goal-service and result-service, and how a form row becomes a result item.
import { all, call } from "../../api/client";
import type { Unit } from "../../api/units";
import type { Indicator } from "../../api/indicators";
export { fetchIndicators, type Indicator, type Measure } from "../../api/indicators";

export interface Goal {
  indicatorId: string;
  year: number;
  status: string;
}

export interface Result {
  measurementId: string;
  unitId: string;
  indicatorId: string;
  period: string;
  version: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  correctionReason: string | null;
  /** the outlier check's warning on the current value, and its confirmation once a leader gave one */
  outlier?: Outlier | null;
}

export interface Outlier {
  figure: number;
  expectedLow: number;
  expectedHigh: number;
  confirmedBy: string | null;
  confirmedAt: string | null;
  confirmationReason: string | null;
}

/** An accepted item far from the office's own history (a share in per cent, a score as the mean). */
export interface Warning {
  index: number;
  measurementId: string;
  indicatorId: string;
  code: string;
  figure: number;
  expectedLow: number;
  expectedHigh: number;
}

export interface Lock {
  period: string;
  reason: string | null;
  lockedBy: string;
  lockedAt: string;
}

export interface RejectedItem {
  index: number;
  measurementId: string | null;
  errors: { field: string; code: string; message: string }[];
}

export interface Summary {
  accepted: number;
  duplicates: number;
  rejected: RejectedItem[];
  warnings: Warning[];
}

/** The item the service takes (result-service README); numbers that do not parse are sent as typed. */
export interface ResultItem {
  measurementId: string;
  unitId: string;
  indicatorId: string;
  period: string;
  numerator?: number | string;
  denominator?: number | string;
  value?: number | string;
  comment?: string;
  correctionReason?: string;
}

const PERSPECTIVES = ["USER", "EMPLOYEE", "PROCESS", "RESOURCES"];

export function lastYear(period: string): string {
  const [year, month] = period.split("-");
  return `${Number(year) - 1}-${month}`;
}

export function results(unitId: string, from: string, to: string): Promise<Result[]> {
  return all<Result>("result", `results?unitId=${unitId}&from=${from}&to=${to}&limit=1000`);
}

/** What an office must report for a month, and what it has reported. */
export interface Duty {
  /** the indicators it must report: a goal in force that year, or reported the same month last year */
  expected: Set<string>;
  /** its current values for the month, by indicator */
  current: Map<string, Result>;
}

export async function duty(unitId: string, period: string): Promise<Duty> {
  const year = period.slice(0, 4);
  const [goals, both] = await Promise.all([
    all<Goal>("goal", `units/${unitId}/goals?year=${year}&limit=1000`),
    results(unitId, lastYear(period), period),
  ]);
  const expected = new Set<string>();
  goals.filter((g) => g.status !== "RETIRED").forEach((g) => expected.add(g.indicatorId));
  both.filter((r) => r.period === lastYear(period)).forEach((r) => expected.add(r.indicatorId));
  const current = new Map<string, Result>();
  both.filter((r) => r.period === period).forEach((r) => current.set(r.indicatorId, r));
  return { expected, current };
}

export async function fetchLock(period: string): Promise<Lock | null> {
  const locks = await all<Lock>("result", "periods?limit=1000");
  return locks.find((l) => l.period === period) ?? null;
}

export function submitJson(items: ResultItem[]): Promise<Summary> {
  return call<Summary>("result", "results", { method: "POST", body: { results: items } }).then((a) => a.data);
}

export function submitCsv(file: Blob): Promise<Summary> {
  return call<Summary>("result", "results", { method: "POST", raw: { body: file, contentType: "text/csv" } }).then(
    (a) => a.data,
  );
}

/** A leader confirms, with a reason, a figure the outlier check warned about. */
export function confirmOutlier(unitId: string, indicatorId: string, period: string, reason: string): Promise<unknown> {
  const enc = encodeURIComponent;
  return call("result", `results/${enc(unitId)}/${enc(indicatorId)}/${enc(period)}/outlier-confirmation`,
    { method: "POST", body: { reason } }).then((a) => a.data);
}

/** Indicators in scorecard order: by perspective, then id. */
export function sortIndicators(indicators: Indicator[]): Indicator[] {
  const rank = (p: string) => (PERSPECTIVES.indexOf(p) < 0 ? PERSPECTIVES.length : PERSPECTIVES.indexOf(p));
  return [...indicators].sort(
    (a, b) => rank(a.perspective) - rank(b.perspective) || a.indicatorId.localeCompare(b.indicatorId),
  );
}

/**
 * The idempotency key of a value entered here: stable per office, indicator, month and attempt, where the attempt
 * is the version it will become (the first value is v1, its first correction v2, …). Sending the same value again
 * (e.g. after a lost answer) is then a duplicate; a value entered on a page that someone else has since changed is
 * refused as measurement-id-reused instead of overwriting theirs.
 */
export function measurementId(unitId: string, indicatorId: string, period: string, current?: Result): string {
  return `web/${period}/${unitId}/${indicatorId}/v${(current?.version ?? 0) + 1}`;
}

/** "1 234,5" or "1234.5" → 1234.5; null when empty; the text itself when it is not a number (the service says so). */
export function parseNumber(text: string): number | string | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (cleaned === "") return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : text.trim();
}

/** The offices at or below a unit, in the organisation of that month. */
export function officesBelow(units: Unit[], unitId: string): Unit[] {
  const children = new Map<string, Unit[]>();
  units.forEach((u) => {
    if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  });
  const out: Unit[] = [];
  const walk = (id: string) => {
    const unit = units.find((u) => u.unitId === id);
    if (unit?.level === "OFFICE") out.push(unit);
    (children.get(id) ?? []).forEach((c) => walk(c.unitId));
  };
  walk(unitId);
  return out.sort((a, b) => a.unitId.localeCompare(b.unitId));
}

/** The units a person covers (their units and everything below them). */
export function covered(units: Unit[], own: string[]): Set<string> {
  const out = new Set<string>();
  const add = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    units.filter((u) => u.parentId === id).forEach((u) => add(u.unitId));
  };
  own.forEach(add);
  return out;
}

/**
 * The line on which each record of a CSV text starts (1-based), blank lines skipped, as result-service reads it:
 * index 0 is the header, index i + 1 the i-th result. Quoted cells may span lines.
 */
export function csvRecordLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let start = 1;
  let empty = true;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') i++;
        else quoted = false;
      } else if (ch === "\n") {
        line++;
      }
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      if (!empty) starts.push(start);
      line++;
      start = line;
      empty = true;
      continue;
    }
    if (ch === '"') quoted = true;
    empty = false;
  }
  if (!empty) starts.push(start);
  return starts;
}
