import { useEffect, useState } from "react";
import type { Unit } from "../../api/units";
import { goalsInForce, type Goal } from "./api";

/**
 * For each goal of a unit below the top, the goal it replaces: the one in force for the source unit's parent on the
 * same indicator (a local adjustment of a central or regional target). Keyed by goalId.
 */
export function useInherited(goals: Goal[] | null, units: Unit[] | null): Map<string, Goal> {
  const [inherited, setInherited] = useState<Map<string, Goal>>(new Map());
  useEffect(() => {
    let live = true;
    if (!goals || !units) return;
    const parentOf = (unitId: string) => units.find((u) => u.unitId === unitId)?.parentId ?? null;
    const asks = new Map<string, Promise<Goal[]>>();
    for (const g of goals) {
      const parent = parentOf(g.sourceUnitId);
      if (g.origin !== "CENTRAL" && parent) {
        const key = `${parent}:${g.year}`;
        if (!asks.has(key)) asks.set(key, goalsInForce(parent, g.year).catch(() => []));
      }
    }
    Promise.all(
      goals.map(async (g) => {
        const parent = parentOf(g.sourceUnitId);
        const above = parent ? asks.get(`${parent}:${g.year}`) : undefined;
        const match = above ? (await above).find((a) => a.indicatorId === g.indicatorId) : undefined;
        return [g.goalId, match] as const;
      }),
    ).then((pairs) => {
      if (!live) return;
      const map = new Map<string, Goal>();
      for (const [id, match] of pairs) if (match) map.set(id, match);
      setInherited(map);
    });
    return () => {
      live = false;
    };
  }, [goals, units]);
  return inherited;
}
