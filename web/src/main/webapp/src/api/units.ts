import { useEffect, useState } from "react";
import { all } from "./client";

/** A unit of the organisation as goal-service lists it (as of now, or of a month). */
export interface Unit {
  unitId: string;
  name: string;
  level: "NATIONAL" | "REGION" | "OFFICE";
  parentId: string | null;
  children?: string[];
}

const cache = new Map<string, Promise<Unit[]>>();

/** Every unit (all pages), once per month asked for. */
export function fetchUnits(period?: string): Promise<Unit[]> {
  const key = period ?? "";
  if (!cache.has(key)) {
    const promise = all<Unit>("goal", `units?limit=1000${period ? `&period=${period}` : ""}`);
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return cache.get(key)!;
}

export function useUnits(period?: string): Unit[] | null {
  const [units, setUnits] = useState<Unit[] | null>(null);
  useEffect(() => {
    let live = true;
    fetchUnits(period).then((u) => live && setUnits(u), () => live && setUnits([]));
    return () => {
      live = false;
    };
  }, [period]);
  return units;
}

export function unitName(units: Unit[] | null, unitId: string): string {
  return units?.find((u) => u.unitId === unitId)?.name ?? unitId;
}
