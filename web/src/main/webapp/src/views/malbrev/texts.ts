// Every text the goal-letter view shows, in Norwegian bokmål.
import { formatNumber } from "../../format";
import type { Indicator } from "./api";

export const T = {
  title: "Målbrev",
  intro:
    "Mål- og disponeringsbrevet setter årets mål: direktoratet for hele landet, og regionene for sine kontorer.",
  newLetter: "Nytt målbrev",
  yearFilter: "År",
  allYears: "Alle år",
  listCaption: "Målbrev",
  noLetters: "Det finnes ingen målbrev for dette utvalget.",
  loading: "Laster …",
  col: {
    year: "År",
    title: "Tittel",
    issuer: "Utsteder",
    scope: "Gjelder for",
    status: "Status",
    goals: "Mål",
  },
  status: { DRAFT: "Utkast", PUBLISHED: "Publisert" } as const,
  scopeNational: "Hele landet",
  scopeRegion: (name: string) => `${name} og kontorene under`,
  // one letter
  back: "Tilbake til målbrevene",
  mainGoalsHeading: "Hovedmål",
  noMainGoals: "Målbrevet har ingen hovedmål.",
  goalsHeading: "Mål",
  noGoals: "Målbrevet har ingen mål ennå.",
  goalCol: {
    indicator: "Indikator",
    classification: "Type",
    target: "Mål for året",
    mainGoal: "Hovedmål",
    adjustment: "Lokal tilpasning",
  },
  classification: { STEERING: "Styring", MONITORING: "Følges" } as const,
  adjustment: { ALLOWED: "Tillatt", FORBIDDEN: "Ikke tillatt" } as const,
  noTarget: "Ingen (følges som statistikk)",
  edit: "Endre utkastet",
  toPublish: "Se kostnad og publiser",
  published: "Målbrevet er publisert. Målene gjelder nå.",
  publishedGoals: (n: number) => `${n} mål er satt i kraft.`,
  // the editor
  newHeading: "Nytt målbrev",
  editHeading: "Endre utkast",
  year: "År",
  issuer: "Utsteder",
  issuerDescription: "Direktoratet utsteder for hele landet, en region for sine kontorer.",
  letterTitle: "Tittel",
  mainGoals: "Hovedmål",
  mainGoalsDescription: "Ett hovedmål per linje, for eksempel «Flere i arbeid».",
  goalLegend: (n: number) => `Mål ${n}`,
  indicator: "Indikator",
  chooseIndicator: "Velg indikator",
  classificationLabel: "Type mål",
  classificationOption: {
    STEERING: "Styringsmål (styring, teller i målbudsjettet)",
    MONITORING: "Følges som statistikk (ingen mål)",
  } as const,
  target: "Mål for året",
  targetDescription: (indicator: Indicator | undefined) => {
    if (!indicator) return "Velg indikator først.";
    if (indicator.measure === "RATIO") return "Andel i prosent, fra 0 til 100.";
    if (indicator.measure === "COUNT") return "Et helt tall, 0 eller mer.";
    return `Skår fra ${formatNumber(indicator.scaleMin)} til ${formatNumber(indicator.scaleMax)}.`;
  },
  goalMainGoal: "Hovedmål for målet",
  noMainGoal: "Ingen",
  localAdjustment: "Kontorene kan tilpasse målet lokalt",
  addGoal: "Legg til mål",
  removeGoal: (n: number) => `Fjern mål ${n}`,
  save: "Lagre utkastet",
  saving: "Lagrer …",
  cancel: "Avbryt",
  saved: "Utkastet er lagret.",
  errorSummary: "Rett dette før du lagrer:",
  err: {
    title: "Skriv en tittel.",
    year: "Skriv et årstall fra 2000 til 2100.",
    indicator: "Velg en indikator.",
    target: "Styringsmål må ha et mål for året.",
    targetNumber: "Målet må være et tall, for eksempel 80 eller 80,5.",
    targetRange: (indicator: Indicator | undefined) =>
      indicator ? `Målet er utenfor det tillatte området. ${T.targetDescription(indicator)}` : "Målet er utenfor det tillatte området.",
    duplicateIndicator: "Indikatoren er allerede brukt i et annet mål i brevet.",
    duplicateMainGoal: "Hovedmålet står to ganger.",
    unknownMainGoal: "Hovedmålet må være et av brevets hovedmål.",
    monitoringTarget: "Et mål som følges som statistikk har ikke mål for året.",
    goals: "Legg til minst ett mål.",
  },
  // the cost preview and publication
  publishHeading: "Publiser målbrev",
  costHeading: "Kostnad for målbudsjettene",
  costIntro:
    "Slik blir antallet styringsmål for hver enhet brevet gjelder for, sammenlignet med enhetens målbudsjett. " +
    "Beregnet fra målene som gjelder nå og enhetenes budsjetter.",
  costCaption: (year: number) => `Styringsmål per enhet i ${year} etter publisering`,
  costCol: {
    unit: "Enhet",
    now: "Styringsmål nå",
    after: "Etter publisering",
    max: "Målbudsjett",
    verdict: "Vurdering",
  },
  verdict: {
    within: "Innenfor budsjettet",
    over: "Over budsjettet",
    "already-over": "Over budsjettet fra før (øker ikke)",
  } as const,
  blocked: (ids: string[]) => `Gjelder ikke her: ${ids.join(", ")} (satt eller låst ovenfra)`,
  overSummary: (n: number) =>
    n === 1
      ? "1 enhet vil få flere styringsmål enn budsjettet tillater. Publiseringen vil bli avvist."
      : `${n} enheter vil få flere styringsmål enn budsjettet tillater. Publiseringen vil bli avvist.`,
  allWithin: "Alle enhetene holder seg innenfor målbudsjettet.",
  publish: "Publiser",
  confirmHeading: "Publisere målbrevet?",
  confirmText: (title: string, year: number) =>
    `«${title}» for ${year} publiseres, og målene gjelder fra nå. Et publisert målbrev kan ikke endres.`,
  confirm: "Ja, publiser",
  publishing: "Publiserer …",
  notDraft: "Målbrevet er allerede publisert.",
  budgetExceeded: "Publiseringen ble avvist: disse enhetene ville fått flere styringsmål enn målbudsjettet tillater.",
  excess: (unit: string, count: number, max: number) => `${unit}: ${count} styringsmål, budsjett ${max}`,
  notFound: "Fant ikke målbrevet.",
  mayNotIssue: "Du kan ikke utstede målbrev. Det gjør direktoratet og regionenes ledere.",
};
