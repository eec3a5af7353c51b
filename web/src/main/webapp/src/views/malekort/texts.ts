// Every text of the scorecard view (Målekort), in Norwegian bokmål.
import type { Direction, Status, Trend } from "./api";

export const T = {
  heading: "Målekort",
  title: (unit: string, month: string) => `Målekort for ${unit}, ${month}`,
  loading: "Laster målekortet …",
  unit: "Enhet",
  month: "Måned",
  csv: "Last ned CSV",
  excel: "Last ned Excel",
  officesExcel: "Alle kontorer i Excel",
  updated: (when: string) => `Oppdatert ${when}`,
  unknownUnit: (unitId: string) => `Enheten ${unitId} finnes ikke i rapporteringen. Velg en annen enhet.`,
  noResultsYet: "Det er ikke rapportert noen resultater ennå.",
  empty: (unit: string, month: string) =>
    `Ingen tall for ${unit} i ${month}: ingen mål gjelder og ingen resultater er rapportert det året. Velg en annen enhet eller måned.`,
  caption: (unit: string, month: string) => `Målekort for ${unit}, ${month}. Velg en indikator for å se serien, kommentarene og sammenligningen.`,
  colId: "MK ID",
  colName: "Indikator",
  colGoal: "Mål",
  colStatus: "Status",
  colTrend: "Trend",
  colYtd: "Hittil i år",
  colPeriod: "Denne måneden",
  colThisYear: "I år",
  colLastYear: "I fjor",
  colSpark: "Siste 24 måneder",
  perspective: {
    USER: "Brukerperspektivet",
    EMPLOYEE: "Medarbeiderperspektivet",
    PROCESS: "Internt perspektiv",
    RESOURCES: "Ressursperspektivet",
  } as Record<string, string>,
  status: {
    ON_TARGET: "Nådd",
    NEAR_TARGET: "Nær målet",
    OFF_TARGET: "Ikke nådd",
    NO_TARGET: "Uten mål",
    NO_DATA: "Ingen tall",
  } as Record<Status, string>,
  statusHelp: {
    ON_TARGET: "Målet er nådd hittil i år.",
    NEAR_TARGET: "Målet er ikke nådd, men resultatet er innen 5 % av målet.",
    OFF_TARGET: "Målet er ikke nådd hittil i år.",
    NO_TARGET: "Ingen målverdi: indikatoren følges som statistikk.",
    NO_DATA: "Det er satt mål, men ingen tall er rapportert i år.",
  } as Record<Status, string>,
  trend: (trend: Trend, direction: Direction) => {
    const words = trend === "UP" ? "Stigende" : trend === "DOWN" ? "Synkende" : "Stabil";
    if (trend === "FLAT") return words;
    const good = (trend === "UP") === (direction === "HIGHER_IS_BETTER");
    return `${words} (${good ? "god" : "dårlig"} utvikling)`;
  },
  noTrend: "Ingen trend",
  following: "Følges",
  origin: { CENTRAL: "Sentralt", REGIONAL: "Regionalt", LOCAL: "Lokalt" } as Record<string, string>,
  sparkLabel: (id: string, from: string, to: string) => `Utviklingen for ${id} siste 24 måneder: fra ${from} til ${to}`,
  sparkEmpty: (id: string) => `Ingen tall for ${id} siste 24 måneder`,
  legendTitle: "Slik leser du målekortet",
  legend: [
    "Status sammenligner resultatet hittil i år med målet, i riktig retning for indikatoren. «Nær målet» betyr at resultatet er innen 5 % av målet. For antall er målet et månedsnivå og sammenlignes med gjennomsnittsmåneden hittil i år.",
    "Trend sammenligner de tre siste månedene med de tre før; innen 1 % regnes som stabil.",
    "Tallene for en region og for landet er summert over kontorene som hørte til enheten hver måned; andeler er summen av tellere delt på summen av nevnere.",
    "Velg en indikator for å se serien med mållinje, kommentarene fra kontorene og sammenligningen av enhetene under.",
    "«Uvanlig tall» betyr at et kontors tall for måneden ligger langt unna kontorets egne tall (samme måned i fjor og de siste månedene). Tallet er tatt imot, men merket til en leder bekrefter det med en begrunnelse, eller det rettes.",
  ],

  asPublishedHeading: "Vis målekortet slik det var publisert",
  asPublishedDay: "Som publisert dato",
  asPublishedDayHelp: "dd.mm.åååå",
  asPublishedTime: "Klokkeslett",
  asPublishedTimeHelp: "tt:mm, tomt er slutten av dagen",
  asPublishedShow: "Vis som publisert",
  asPublishedCurrent: "Vis gjeldende tall",
  asPublishedNoDay: "Velg en dato.",
  asPublishedBadDay: "Skriv datoen som dd.mm.åååå.",
  asPublishedFuture: "Datoen kan ikke være fram i tid.",
  asPublishedBadTime: "Skriv klokkeslettet som tt:mm, for eksempel 14:30.",
  asPublishedInfo: (when: string) =>
    `Viser målekortet slik det var publisert ${when}. Rader med tall som er endret siden, er merket «Endret siden» med hva som er endret og hvorfor.`,
  asPublishedTitle: (unit: string, month: string, when: string) => `Målekort for ${unit}, ${month}, som publisert ${when}`,
  asPublishedEmpty: (unit: string, when: string) => `Ingen tall for ${unit} var publisert ${when}.`,
  changedTag: "Endret siden",
  changedNow: (ytd: string, month: string) => `Nå: hittil i år ${ytd}, denne måneden ${month}.`,
  changedCorrections: (n: number, reasons: string[]) =>
    `${n === 1 ? "1 retting" : `${n} rettinger`}${reasons.length ? `: ${reasons.join("; ")}` : ""}.`,
  changedLate: (n: number) => `${n === 1 ? "1 tall" : `${n} tall`} rapportert senere.`,

  outlierTag: "Uvanlig tall",
  outlierRange: (low: string, high: string) => `Forventet ${low}–${high}`,
  outlierTitle: (month: string) =>
    `Tallet for ${month} ligger langt unna kontorets egne tall. Det er merket til en leder bekrefter det eller det rettes.`,
  outlierWarning: (month: string, figure: string, low: string, high: string) =>
    `Uvanlig tall i ${month}: ${figure}. Ut fra kontorets egne tall (samme måned i fjor og de siste månedene) var det ventet mellom ${low} og ${high}. Tallet er merket til en leder bekrefter at det er riktig, eller det rettes.`,
  outlierPoint: (low: string, high: string) => `Uvanlig tall, forventet ${low}–${high}`,

  displacementTag: "Mulig målforskyvning",
  displacementTitle: (activity: string, outcome: string) =>
    `${activity} har økt de siste tre månedene mens ${outcome}, resultatet den skal gi, har gått tilbake.`,
  pairingHeading: (activity: string, outcome: string) => `Aktivitet og resultat: ${activity} og ${outcome}`,
  displacementWarning: (activity: string, outcome: string) =>
    `Mulig målforskyvning: aktiviteten ${activity} har økt med mer enn 5 % de siste tre månedene mot de tre før, mens resultatet den skal gi, ${outcome}, har gått tilbake med mer enn 5 %. Det kan bety at aktiviteten fylles uten at brukerne kommer i arbeid. Se de to seriene side om side.`,
  pairingInfo: (activity: string, outcome: string) =>
    `${activity} er en aktivitetsindikator som skal gi resultat i ${outcome}. De to seriene vises side om side.`,
  outcomeChartLabel: (id: string, unit: string) => `Linjediagram: resultatindikatoren ${id} for ${unit} måned for måned, med mållinje`,

  // the detail of one indicator
  detailTitle: (id: string, name: string, unit: string) => `${id} ${name} – ${unit}`,
  close: "Lukk detaljene",
  goalLink: "Se målet og historikken",
  seriesHeading: "Utvikling siste 24 måneder",
  chartLabel: (id: string, unit: string) => `Linjediagram: ${id} for ${unit} måned for måned, med mållinje`,
  chartValue: "Resultat",
  chartTarget: "Mål",
  noSeries: "Ingen tall de siste 24 månedene.",
  seriesTable: "Vis tallene som tabell",
  seriesCaption: (id: string, unit: string) => `${id} for ${unit} per måned`,
  colMonth: "Måned",
  colValue: "Resultat",
  colTarget: "Mål",
  colNumerator: "Teller",
  colDenominator: "Nevner",
  colComment: "Kommentar",
  commentsHeading: "Kommentarer",
  noComments: "Ingen kommentarer i perioden.",
  commentMeta: (month: string, unit: string, author: string | null, when: string | null) =>
    `${month}, ${unit}${author ? ` – ${author}` : ""}${when ? `, ${when}` : ""}`,
  commentFormHeading: (unit: string, month: string) => `Kommenter tallet for ${unit}, ${month}`,
  commentLabel: "Kommentar",
  commentHelp: "Kommentaren vises med navnet ditt og tidspunktet for alle som ser tallet, og kan ikke endres etterpå.",
  commentSave: "Lagre kommentar",
  commentSaved: "Kommentaren er lagret.",
  commentRequired: "Skriv en kommentar før du lagrer.",
  commentSummary: "Kommentaren kan ikke lagres ennå",
  comparisonHeading: (unit: string) => `Enhetene under ${unit}, best først`,
  comparisonCaption: (id: string, unit: string, month: string) => `${id}: enhetene under ${unit}, ${month}, best først`,
  noComparison: "Enheten har ingen enheter under seg å sammenligne.",
  colRank: "Plass",
  colUnit: "Enhet",
  openUnit: (unit: string) => `Åpne målekortet for ${unit}`,
  seriesFailed: "Kunne ikke hente serien.",
  comparisonFailed: "Kunne ikke hente sammenligningen.",
};
