import { createContext, useContext } from "react";
import type { Session } from "./api/client";

export const SessionContext = createContext<Session | null>(null);

/** The logged-in person (roles and units as the access token carries them). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("no session");
  return session;
}

export function hasRole(session: Session, ...roles: string[]): boolean {
  return roles.some((role) => session.roles.includes(role));
}

/** The unit a person works from by default: the first of their units. */
export function homeUnit(session: Session): string {
  return session.units[0] ?? "0000";
}
