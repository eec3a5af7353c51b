// result-service calls of the periods view (through the web app; client.ts does the fetching).
import { all, call } from "../../api/client";

export interface PeriodLock {
  period: string;
  reason: string | null;
  lockedBy: string;
  lockedAt: string;
}

export function listLocks(): Promise<PeriodLock[]> {
  return all<PeriodLock>("result", "periods?limit=1000");
}

export async function lockPeriod(period: string, reason: string): Promise<PeriodLock> {
  const body = reason.trim() ? { reason: reason.trim() } : {};
  return (await call<PeriodLock>("result", `periods/${period}/lock`, { method: "POST", body })).data;
}
