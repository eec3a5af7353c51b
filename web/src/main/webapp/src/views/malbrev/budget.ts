// What publishing a letter would do to each unit's goal budget, worked out from the public APIs (goal-service has
// no preview endpoint): the goals now in force for each unit below the issuer, with the letter's goals placed at
// the issuer by the same rule as goal-service's GoalRules.inForce — walking from the top down, a nearer goal on
// the same indicator replaces the inherited one unless the inherited one forbids local adjustment.
import type { Unit } from "../../api/units";
import type { GoalBudget, GoalInForce, LetterGoal } from "./api";

export type Verdict = "within" | "over" | "already-over";

export interface UnitCost {
  unitId: string;
  /** steering goals in force now */
  now: number;
  /** steering goals in force once the letter is published */
  after: number;
  max: number;
  verdict: Verdict;
  /** letter goals that would not take effect here: already set at the issuer, or locked from above */
  blocked: string[];
}

/** The units from the top down to the unit (its chain of parents, as of now). */
export function chainTo(units: Unit[], unitId: string): string[] {
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const chain: string[] = [];
  let current = byId.get(unitId);
  while (current && !chain.includes(current.unitId)) {
    chain.unshift(current.unitId);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** The unit and every unit below it, the unit first, then by unit number. */
export function subtreeOf(units: Unit[], unitId: string): string[] {
  const below = units.filter((u) => u.unitId !== unitId && chainTo(units, u.unitId).includes(unitId));
  return [unitId, ...below.map((u) => u.unitId).sort()];
}

export function costFor(
  unitId: string,
  chain: string[],
  issuerUnitId: string,
  letterGoals: LetterGoal[],
  inForce: GoalInForce[],
  budget: GoalBudget,
): UnitCost {
  const issuerAt = chain.indexOf(issuerUnitId);
  let delta = 0;
  const blocked: string[] = [];
  for (const goal of letterGoals) {
    const adds = goal.classification === "STEERING" ? 1 : 0;
    const current = inForce.find((g) => g.indicatorId === goal.indicatorId);
    if (!current) {
      delta += adds;
      continue;
    }
    const removes = current.classification === "STEERING" ? 1 : 0;
    const sourceAt = chain.indexOf(current.sourceUnitId);
    if (sourceAt === issuerAt) {
      blocked.push(goal.indicatorId); // the issuer already has a goal on it (goal-exists)
    } else if (sourceAt < issuerAt) {
      if (current.localAdjustment === "FORBIDDEN") {
        blocked.push(goal.indicatorId); // locked from above (adjustment-forbidden)
      } else {
        delta += adds - removes; // the letter's goal is nearer and replaces the inherited one
      }
    } else if (goal.localAdjustment === "FORBIDDEN") {
      delta += adds - removes; // a locked letter goal overrides the goal below the issuer
    }
    // otherwise the nearer goal below the issuer stays in force
  }
  const now = budget.steeringGoals;
  const after = now + delta;
  const max = budget.maxSteeringGoals;
  // goal-service refuses only a change that leaves a unit over its cap *and* with more than it has now
  const verdict: Verdict = after > max ? (after > now ? "over" : "already-over") : "within";
  return { unitId, now, after, max, verdict, blocked };
}
