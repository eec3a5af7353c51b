// Who may issue letters for which unit, as goal-service decides it (GoalLetterResource.requireIssuer): national
// letters are the directorate's, a region's letters its leaders' (or the directorate's).
import type { Session } from "../../api/client";
import type { Unit } from "../../api/units";
import { hasRole } from "../../session";
import { chainTo } from "./budget";

function covers(session: Session, units: Unit[], unitId: string): boolean {
  return chainTo(units, unitId).some((id) => session.units.includes(id));
}

export function mayIssueFor(session: Session, units: Unit[], unit: Unit): boolean {
  if (!covers(session, units, unit.unitId)) return false;
  if (unit.level === "NATIONAL") return hasRole(session, "directorate");
  if (unit.level === "REGION") return hasRole(session, "directorate", "leader");
  return false;
}

/** The units this person may issue letters for: the national unit first, then regions by number. */
export function issuerChoices(session: Session, units: Unit[]): Unit[] {
  return units.filter((u) => mayIssueFor(session, units, u));
}
