// goal-service calls of the goal-letter view (through the web app's forwarding; client.ts does the fetching).
import { all, call } from "../../api/client";
export type { Indicator } from "../../api/indicators";

export type Classification = "STEERING" | "MONITORING";
export type LocalAdjustment = "ALLOWED" | "FORBIDDEN";

export interface LetterGoal {
  indicatorId: string;
  classification: Classification;
  target: number | null;
  mainGoal: string | null;
  localAdjustment: LocalAdjustment;
}

export interface Letter {
  letterId: string;
  year: number;
  issuerUnitId: string;
  title: string;
  mainGoals: string[];
  goals: LetterGoal[];
  status: "DRAFT" | "PUBLISHED";
  goalIds: string[];
  version: number;
}

/** What a draft is made of (POST and PUT /api/goal-letters). */
export interface LetterBody {
  year: number;
  issuerUnitId: string;
  title: string;
  mainGoals: string[];
  goals: LetterGoal[];
}

/** A goal in force for a unit (GET /api/units/{unitId}/goals). */
export interface GoalInForce {
  goalId: string;
  indicatorId: string;
  classification: Classification;
  target: number | null;
  sourceUnitId: string;
  localAdjustment: LocalAdjustment;
}

export interface GoalBudget {
  unitId: string;
  year: number;
  maxSteeringGoals: number;
  own: boolean;
  steeringGoals: number;
}

/** A unit a refused publication names (422 goal-budget-exceeded). */
export interface BudgetExcess {
  unitId: string;
  steeringGoals: number;
  maxSteeringGoals: number;
}

export function listLetters(year?: number): Promise<Letter[]> {
  return all<Letter>("goal", `goal-letters?limit=1000${year ? `&year=${year}` : ""}`);
}

export async function getLetter(letterId: string): Promise<Letter> {
  return (await call<Letter>("goal", `goal-letters/${encodeURIComponent(letterId)}`)).data;
}

export async function draftLetter(body: LetterBody): Promise<Letter> {
  return (await call<Letter>("goal", "goal-letters", { method: "POST", body })).data;
}

export async function redraftLetter(letterId: string, version: number, body: LetterBody): Promise<Letter> {
  return (
    await call<Letter>("goal", `goal-letters/${encodeURIComponent(letterId)}`, {
      method: "PUT",
      body,
      headers: { "If-Match": `"${version}"` },
    })
  ).data;
}

export async function publishLetter(letterId: string, version: number): Promise<Letter> {
  return (
    await call<Letter>("goal", `goal-letters/${encodeURIComponent(letterId)}/publication`, {
      method: "POST",
      headers: { "If-Match": `"${version}"` },
    })
  ).data;
}

export function goalsInForce(unitId: string, year: number): Promise<GoalInForce[]> {
  return all<GoalInForce>("goal", `units/${unitId}/goals?year=${year}&limit=1000`);
}

export async function goalBudget(unitId: string, year: number): Promise<GoalBudget> {
  return (await call<GoalBudget>("goal", `units/${unitId}/goal-budget?year=${year}`)).data;
}
