import type { Measure } from "../../api/indicators";
import { formatNumber } from "../../format";

/** A figure as people read it: shares as percentages with one decimal, scores with two, counts whole. */
export function figure(value: number | null | undefined, measure: Measure): string {
  if (value === null || value === undefined) return "–";
  if (measure === "RATIO") return `${formatNumber(value, 1)} %`;
  if (measure === "SCORE") return formatNumber(value, 2);
  return formatNumber(value, 0);
}
