// goal-service's proposals and indicators, as this view uses them (calls go through api/client).
import { all, call } from "../../api/client";
import type { Unit } from "../../api/units";
import type { Indicator } from "../../api/indicators";
export { fetchIndicators, type Indicator, type Measure } from "../../api/indicators";

export type ProposalStatus = "PROPOSED" | "ADOPTED" | "REJECTED";

export interface Proposal {
  proposalId: string;
  unitId: string;
  indicatorId: string;
  year: number;
  classification: "STEERING" | "MONITORING";
  target: number | null;
  rationale: string | null;
  status: ProposalStatus;
  proposedBy: string;
  proposedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  goalId: string | null;
  version: number;
}

export interface NewProposal {
  indicatorId: string;
  year: number;
  classification: "STEERING";
  target: number;
  rationale: string;
}

export function fetchProposals(unitId: string): Promise<Proposal[]> {
  return all<Proposal>("goal", `units/${unitId}/goal-proposals?limit=1000`);
}

export async function propose(unitId: string, proposal: NewProposal): Promise<Proposal> {
  return (await call<Proposal>("goal", `units/${unitId}/goal-proposals`, { method: "POST", body: proposal })).data;
}

export async function decide(proposalId: string, decision: "ADOPT" | "REJECT", reason: string): Promise<Proposal> {
  return (await call<Proposal>("goal", `goal-proposals/${proposalId}/decision`, {
    method: "POST",
    body: { decision, reason },
  })).data;
}

/** The unit and the units above it, nearest first. */
function chain(units: Unit[], unitId: string): string[] {
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const out: string[] = [];
  let current: string | null = unitId;
  while (current && !out.includes(current)) {
    out.push(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return out;
}

/** Whether one of the person's units is the unit or lies above it (a unit covers the units below it). */
export function covers(units: Unit[], mine: string[], unitId: string): boolean {
  return chain(units, unitId).some((id) => mine.includes(id));
}

/** Indicators a goal of this unit may use: the central ones, and local ones of a unit at or above it. */
export function usableAt(indicators: Indicator[], units: Unit[], unitId: string): Indicator[] {
  const above = chain(units, unitId);
  return indicators.filter((i) => !i.ownerUnitId || above.includes(i.ownerUnitId));
}

/** Open proposals first, then decided ones; newest first within each. */
export function ordered(proposals: Proposal[]): { open: Proposal[]; decided: Proposal[] } {
  const newest = (a: Proposal, b: Proposal) =>
    (b.decidedAt ?? b.proposedAt ?? "").localeCompare(a.decidedAt ?? a.proposedAt ?? "") || b.year - a.year;
  return {
    open: proposals.filter((p) => p.status === "PROPOSED").sort(newest),
    decided: proposals.filter((p) => p.status !== "PROPOSED").sort(newest),
  };
}
