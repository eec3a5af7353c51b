import { useEffect, useState } from "react";
import { all } from "./client";

export type Measure = "RATIO" | "COUNT" | "SCORE";

/** An indicator of goal-service's catalogue. */
export interface Indicator {
  indicatorId: string;
  name: string;
  perspective: string;
  measure: Measure;
  scaleMin: number | null;
  scaleMax: number | null;
  /** the unit that owns a local indicator; null for the directorate's */
  ownerUnitId: string | null;
}

let cache: Promise<Indicator[]> | null = null;

/** The whole catalogue (all pages), once per page load. */
export function fetchIndicators(): Promise<Indicator[]> {
  if (!cache) {
    cache = all<Indicator>("goal", "indicators?limit=1000");
    cache.catch(() => (cache = null));
  }
  return cache;
}

export function useIndicators(): Indicator[] | null {
  const [indicators, setIndicators] = useState<Indicator[] | null>(null);
  useEffect(() => {
    let live = true;
    fetchIndicators().then((i) => live && setIndicators(i), () => live && setIndicators([]));
    return () => {
      live = false;
    };
  }, []);
  return indicators;
}
