// The reporting-service call of the burden view (Rapporteringsbyrde), through the web app with the person's token.
import { call } from "../../api/client";
import type { Unit } from "../../api/units";

export interface UnitBurden {
  unitId: string;
  unitName: string;
  level: Unit["level"];
  parentId: string | null;
  steeringGoals: number;
  monitoringGoals: number;
  goalBudget: number;
  ownGoalBudget: boolean;
  overBudget: boolean;
  /** 0–100, null without goals */
  monitoringShare: number | null;
  offices: number;
  indicatorsPerMonth: number;
  submissions: number;
  corrections: number;
}

export interface Burden {
  unitId: string;
  unitName: string;
  year: number;
  sort: "UNIT" | "HEAVIEST";
  units: UnitBurden[];
  asOf: string | null;
}

export type Sort = "heaviest" | "unit";
export type Level = "" | Unit["level"];

export const fetchBurden = async (unitId: string, year: number, sort: Sort, level: Level) =>
  (await call<Burden>("reporting", `burden/${encodeURIComponent(unitId)}?${new URLSearchParams({
    year: String(year), sort, ...(level ? { level } : {}) })}`)).data;
