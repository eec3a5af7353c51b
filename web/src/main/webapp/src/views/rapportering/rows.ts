// A form row: what a person has typed for one indicator, compared with what is stored.
import { formatNumber, formatPercent } from "../../format";
import { fieldMessage } from "../../api/problems";
import { T } from "./texts";
import { measurementId, parseNumber, type Indicator, type RejectedItem, type Result, type ResultItem } from "./data";

/** The typed text per field; for SCORE, numerator holds the mean and denominator the respondents. */
export interface Entry {
  numerator: string;
  denominator: string;
  value: string;
  comment: string;
  correctionReason: string;
}

export type EntryField = keyof Entry;

export const EMPTY: Entry = { numerator: "", denominator: "", value: "", comment: "", correctionReason: "" };

/** The fields a measure takes, in form order. */
export function fieldsOf(indicator: Indicator): ("numerator" | "denominator" | "value")[] {
  return indicator.measure === "COUNT" ? ["value"] : ["numerator", "denominator"];
}

/** The stored value as the form shows it (a SCORE as its mean). */
export function entryOf(indicator: Indicator, result: Result | undefined): Entry {
  if (!result) return EMPTY;
  const text = (n: number | null) => (n === null || n === undefined ? "" : formatNumber(n, 6).replace(/\s/g, ""));
  if (indicator.measure === "SCORE" && result.numerator !== null && result.denominator) {
    return { ...EMPTY, numerator: text(Number((result.numerator / result.denominator).toFixed(2))),
      denominator: text(result.denominator), comment: result.comment ?? "" };
  }
  return {
    ...EMPTY,
    numerator: text(result.numerator),
    denominator: text(result.denominator),
    value: text(result.value),
    comment: result.comment ?? "",
  };
}

/** The stored figure in words: "45 % (45 av 100)", "41", "snitt 4,5 (120 svar)". */
export function figure(indicator: Indicator, result: Result): string {
  if (indicator.measure === "COUNT") return formatNumber(result.value);
  const n = result.numerator ?? 0;
  const d = result.denominator ?? 0;
  if (indicator.measure === "SCORE") return T.scoreFigure(formatNumber(d ? n / d : null, 2), formatNumber(d, 0));
  return `${formatPercent(d ? (100 * n) / d : null)} (${T.of(formatNumber(n, 6), formatNumber(d, 6))})`;
}

function same(a: string, b: string): boolean {
  const pa = parseNumber(a);
  const pb = parseNumber(b);
  return pa === pb || a.trim() === b.trim();
}

/** Whether the row has something to send: a new value typed, or a stored one changed. */
export function changed(indicator: Indicator, entry: Entry, stored: Entry, reported: boolean): boolean {
  const fields = fieldsOf(indicator);
  if (!reported) {
    return fields.some((f) => entry[f].trim() !== "") || entry.comment.trim() !== "";
  }
  return fields.some((f) => !same(entry[f], stored[f])) || entry.comment.trim() !== stored.comment.trim();
}

/** The result item for a row (the API's fields; a SCORE's mean times its respondents is the sum of scores). */
export function itemOf(indicator: Indicator, entry: Entry, unitId: string, period: string, current?: Result): ResultItem {
  const item: ResultItem = {
    measurementId: measurementId(unitId, indicator.indicatorId, period, current),
    unitId,
    indicatorId: indicator.indicatorId,
    period,
  };
  const put = (field: "numerator" | "denominator" | "value", parsed: number | string | null) => {
    if (parsed !== null) item[field] = parsed;
  };
  if (indicator.measure === "COUNT") {
    put("value", parseNumber(entry.value));
  } else if (indicator.measure === "SCORE") {
    const mean = parseNumber(entry.numerator);
    const respondents = parseNumber(entry.denominator);
    put("numerator", typeof mean === "number" && typeof respondents === "number"
      ? Math.round(mean * respondents * 1e6) / 1e6 : mean);
    put("denominator", respondents);
  } else {
    put("numerator", parseNumber(entry.numerator));
    put("denominator", parseNumber(entry.denominator));
  }
  if (entry.comment.trim()) item.comment = entry.comment.trim();
  if (current && entry.correctionReason.trim()) item.correctionReason = entry.correctionReason.trim();
  return item;
}

/** Where a refused field's message goes in the row; fields the form has no input for go to the row itself. */
export type RowErrors = Partial<Record<EntryField | "row", string>>;

export function rowErrors(indicator: Indicator, rejected: RejectedItem, item?: ResultItem): RowErrors {
  const out: RowErrors = {};
  const scale = `${formatNumber(indicator.scaleMin)}–${formatNumber(indicator.scaleMax)}`;
  for (const error of rejected.errors) {
    const message = specificMessage(indicator, error.field, error.code, scale, item) ?? fieldMessage(error);
    const field = ["numerator", "denominator", "value", "comment", "correctionReason"].includes(error.field)
      ? (error.field as EntryField) : "row";
    if (!out[field]) out[field] = message;
  }
  return out;
}

function specificMessage(indicator: Indicator, field: string, code: string, scale: string,
  item?: ResultItem): string | undefined {
  const score = indicator.measure === "SCORE";
  const sent = item?.[field as "numerator" | "denominator" | "value"];
  if (code === "already-reported") return T.errors.alreadyReported;
  if (code === "measurement-id-reused") return T.errors.idReused;
  if (code === "invalid-type") return T.errors.notNumber;
  if (code === "not-whole-number") return T.errors.notWhole;
  if (code === "out-of-scale") return T.errors.outOfScale(scale);
  // out-of-range is also "too large or too many decimals"; say the sign rule only when the sign was the problem
  if (code !== "out-of-range" || typeof sent !== "number" || sent > 0) return undefined;
  if (field === "value" && sent < 0) return T.errors.countNegative;
  if (field === "denominator") return score ? T.errors.respondentsPositive : T.errors.denominatorPositive;
  if (field === "numerator" && !score && sent < 0) return T.errors.numeratorNegative;
  return undefined;
}

/** A figure of the outlier check (a share already in per cent) as the form shows figures. */
export function outlierFigure(measure: string, value: number): string {
  if (measure === "RATIO") return formatPercent(value);
  return formatNumber(value, measure === "SCORE" ? 2 : 0);
}
