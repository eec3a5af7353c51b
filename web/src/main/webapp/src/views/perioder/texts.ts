// Every text the periods view shows, in Norwegian bokmål.
import { monthName } from "../../format";

export const T = {
  title: "Perioder",
  intro:
    "En låst måned tar ikke imot nye tall. Tall for en låst måned kan bare rettes av en leder eller direktoratet, med begrunnelse.",
  year: "År",
  caption: (year: number) => `Månedene i ${year}`,
  loading: "Laster …",
  col: { month: "Måned", status: "Status", lockedBy: "Låst av", lockedAt: "Låst", reason: "Begrunnelse", action: "Handling" },
  open: "Åpen",
  locked: "Låst",
  noMonths: "Året har ikke begynt ennå.",
  lock: (period: string) => `Lås ${monthName(period)}`,
  confirmHeading: (period: string) => `Låse ${monthName(period)}?`,
  confirmText:
    "Når måneden er låst, avvises nye tall for den. Rettinger må gjøres av en leder eller direktoratet, med begrunnelse. Låsen kan ikke oppheves.",
  reason: "Begrunnelse (valgfritt)",
  reasonDescription: "For eksempel «Månedstallene er publisert».",
  confirm: "Ja, lås måneden",
  cancel: "Avbryt",
  lockedNow: (period: string) => `${monthName(period)} er låst.`,
  alreadyLocked: (period: string) => `${monthName(period)} var allerede låst.`,
};
