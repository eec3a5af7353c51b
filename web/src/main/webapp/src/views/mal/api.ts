// The goal view's calls to goal-service (through the web app's client).
import { all, call } from "../../api/client";
import type { Unit } from "../../api/units";
import type { Session } from "../../api/client";
import { hasRole } from "../../session";
import type { Indicator } from "../../api/indicators";
export { useIndicators, type Indicator } from "../../api/indicators";
import { formatNumber, formatPercent } from "../../format";

export interface Goal {
  goalId: string;
  indicatorId: string;
  year: number;
  classification: "STEERING" | "MONITORING";
  target: number | null;
  origin: "CENTRAL" | "REGIONAL" | "LOCAL";
  sourceUnitId: string;
  letterId: string | null;
  mainGoal: string | null;
  localAdjustment: "ALLOWED" | "FORBIDDEN" | null;
  proposalId: string | null;
  rationale: string | null;
  status: "ACTIVE" | "RETIRED";
  version: number;
}

export interface Budget {
  unitId: string;
  year: number;
  maxSteeringGoals: number;
  own: boolean;
  steeringGoals: number;
}

export interface HistoryEntry {
  type: "GoalSet" | "GoalRevised" | "GoalRetired";
  version: number;
  at: string;
  by: string;
  reason: string | null;
  target: number | null;
  previousTarget: number | null;
  rationale: string | null;
  letterId: string | null;
  proposalId: string | null;
  /** a revision: the first month judged against the new target (YYYY-MM) */
  effectiveFrom?: string | null;
}

export const goalsInForce = (unitId: string, year: number) =>
  all<Goal>("goal", `units/${unitId}/goals?year=${year}&limit=1000`);

export const goalBudget = async (unitId: string, year: number) =>
  (await call<Budget>("goal", `units/${unitId}/goal-budget?year=${year}`)).data;

export const goal = async (goalId: string) => (await call<Goal>("goal", `goals/${goalId}`)).data;

export const history = (goalId: string) => all<HistoryEntry>("goal", `goals/${goalId}/history?limit=1000`);

export const revise = async (goalId: string, version: number, target: number, reason: string, effectiveFrom: string) =>
  (await call<Goal>("goal", `goals/${goalId}/revisions`, {
    method: "POST",
    headers: { "If-Match": `"${version}"` },
    body: { target, reason, effectiveFrom },
  })).data;

export const retire = async (goalId: string, version: number, reason: string) =>
  (await call<Goal>("goal", `goals/${goalId}/retirement`, {
    method: "POST",
    headers: { "If-Match": `"${version}"` },
    body: { reason },
  })).data;

export interface LocalGoalBody {
  indicatorId: string;
  year: number;
  classification: "STEERING" | "MONITORING";
  target: number | null;
  mainGoal?: string;
  localAdjustment?: "ALLOWED" | "FORBIDDEN";
  rationale: string;
}

export const setLocalGoal = async (unitId: string, body: LocalGoalBody) =>
  (await call<Goal>("goal", `units/${unitId}/goals`, { method: "POST", body })).data;


/** The years with a published goal letter, newest first. */
export async function letterYears(): Promise<number[]> {
  const letters = await all<{ year: number; status: string }>("goal", "goal-letters?limit=1000");
  return [...new Set(letters.filter((l) => l.status === "PUBLISHED").map((l) => l.year))].sort((a, b) => b - a);
}

/** The unit and those above it, nearest first. */
export function ancestry(units: Unit[] | null, unitId: string): string[] {
  const out: string[] = [];
  let current: string | null | undefined = unitId;
  while (current && !out.includes(current)) {
    out.push(current);
    current = units?.find((u) => u.unitId === current)?.parentId;
  }
  return out;
}

/** Whether one of the person's units is this unit or above it. */
export function covers(session: Session, units: Unit[] | null, unitId: string): boolean {
  return ancestry(units, unitId).some((u) => session.units.includes(u));
}

/** Who may revise or retire: central goals the directorate, others a leader (or the directorate) over the source. */
export function mayChange(session: Session, units: Unit[] | null, g: Goal): boolean {
  if (!covers(session, units, g.sourceUnitId)) return false;
  return g.origin === "CENTRAL" ? hasRole(session, "directorate") : hasRole(session, "leader", "directorate");
}

/** Who may set local goals for a unit: a leader (or the directorate) covering it. */
export function maySetGoals(session: Session, units: Unit[] | null, unitId: string): boolean {
  return hasRole(session, "leader", "directorate") && covers(session, units, unitId);
}

export function formatTarget(value: number | null | undefined, indicator: Indicator | undefined): string {
  if (value === null || value === undefined) return "–";
  return indicator?.measure === "RATIO" ? formatPercent(value) : formatNumber(value, 2);
}

/** "78,5" or "78.5" → 78.5; null when it is not a number. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}
