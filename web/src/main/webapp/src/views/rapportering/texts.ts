// Every text of the Rapportering view, in Norwegian bokmål.
export const T = {
  title: "Rapportering",
  statusTitle: "Rapporteringsstatus",
  intro: "Fyll inn månedens resultater for kontoret. Felter du lar stå tomme, sendes ikke inn.",
  unit: "Kontor",
  statusUnit: "Enhet",
  month: "Måned",
  loading: "Laster …",
  loadFailed: "Kunne ikke hente det som skal rapporteres.",
  noIndicators: "Kontoret har ingen indikatorer å rapportere denne måneden.",
  formHeading: (unit: string, month: string) => `Resultater for ${unit}, ${month}`,
  perspectives: {
    USER: "Brukerperspektivet",
    EMPLOYEE: "Medarbeiderperspektivet",
    PROCESS: "Internprosessperspektivet",
    RESOURCES: "Ressursperspektivet",
  } as Record<string, string>,
  fields: {
    numerator: "Teller",
    denominator: "Nevner",
    value: "Antall",
    mean: "Snitt",
    respondents: "Antall svar",
    comment: "Kommentar (valgfritt)",
    reason: "Begrunnelse for retting",
  },
  scale: (min: string, max: string) => `Skala ${min}–${max}`,
  reported: "Rapportert",
  notReported: "Ikke rapportert",
  reportedAs: (figure: string) => `Rapportert: ${figure}`,
  earlier: (figure: string) => `Tidligere: ${figure}`,
  reasonDescription: "Du endrer et tall som allerede er rapportert. Skriv hvorfor.",
  of: (numerator: string, denominator: string) => `${numerator} av ${denominator}`,
  scoreFigure: (mean: string, respondents: string) => `snitt ${mean} (${respondents} svar)`,
  submit: "Send inn",
  sending: "Sender …",
  nothingToSend: "Du har ikke fylt ut eller endret noe ennå.",
  saved: (count: number) => (count === 1 ? "1 tall er lagret." : `${count} tall er lagret.`),
  savedHeading: "Innsendingen er mottatt",
  duplicates: (count: number) => `${count} var allerede lagret med samme innhold.`,
  errorSummary: "Rett opp dette før du sender inn på nytt:",
  rejectedRows: (count: number) =>
    count === 1 ? "1 rad ble avvist og ikke lagret." : `${count} rader ble avvist og ikke lagret.`,
  rowError: "Raden ble ikke lagret.",
  readOnly: "Du kan se tallene, men har ikke en rolle som kan rapportere.",
  locked: (when: string) =>
    `Måneden er låst (${when}). Nye tall kan ikke sendes inn. En leder kan rette et rapportert tall med begrunnelse.`,
  lockedPlain: "Måneden er låst. Nye tall kan ikke sendes inn. En leder kan rette et rapportert tall med begrunnelse.",
  outlier: {
    heading: "Uvanlige tall",
    warning: (id: string, figure: string, low: string, high: string) =>
      `${id}: ${figure} ligger langt unna kontorets egne tall (forventet ${low}–${high}). Tallet er lagret, men merket i målekortet til en leder bekrefter det eller det rettes.`,
    tag: "Uvanlig tall",
    marked: (low: string, high: string) =>
      `Tallet ligger langt unna kontorets egne tall: forventet ${low}–${high} ut fra samme måned i fjor og de siste månedene. Er det feil, rett det. Er det riktig, kan en leder bekrefte det.`,
    confirmed: (who: string, reason: string) => `Bekreftet av ${who}: «${reason}»`,
    reason: "Begrunnelse for at tallet er riktig",
    reasonDescription: "Forklar hvorfor tallet er riktig, for eksempel en jobbmesse eller en omorganisering.",
    confirm: (id: string) => `Bekreft tallet for ${id}`,
    reasonRequired: "Skriv en begrunnelse for at tallet er riktig.",
    done: "Tallet er bekreftet. Merket i målekortet blir borte.",
  },
  statusLink: "Se hvilke kontorer som har rapportert",
  formLink: "Til rapporteringsskjemaet",
  // field messages that say more than the shared ones, for this form
  errors: {
    alreadyReported: "Tallet er allerede rapportert. Skriv en begrunnelse for rettingen.",
    idReused: "Tallet er endret av noen andre etter at du åpnet siden. Last inn siden på nytt.",
    numeratorNegative: "Telleren kan ikke være negativ.",
    denominatorPositive: "Nevneren må være større enn 0.",
    countNegative: "Antallet kan ikke være negativt.",
    respondentsPositive: "Antall svar må være større enn 0.",
    outOfScale: (scale: string) => `Snittet må ligge innenfor skalaen (${scale}).`,
    notNumber: "Skriv et tall.",
    notWhole: "Skriv et helt tall.",
  },
  csv: {
    heading: "Last opp CSV-fil",
    description:
      "Første linje må være: measurementId,unitId,indicatorId,period,numerator,denominator,value,comment,correctionReason " +
      "(de tre siste kolonnene kan utelates). UTF-8, komma som skilletegn.",
    label: "CSV-fil med resultater",
    upload: "Last opp",
    uploading: "Laster opp …",
    chooseFile: "Velg en fil først.",
    resultHeading: "Resultat av opplastingen",
    accepted: (count: number) => (count === 1 ? "1 rad er lagret." : `${count} rader er lagret.`),
    duplicates: (count: number) =>
      count === 1 ? "1 rad var allerede lagret." : `${count} rader var allerede lagret.`,
    rejected: (count: number) => (count === 1 ? "1 rad ble avvist:" : `${count} rader ble avvist:`),
    noneRejected: "Ingen rader ble avvist.",
    line: "Linje",
    id: "Måle-ID",
    field: "Felt",
    reason: "Årsak",
    tableCaption: "Avviste linjer",
    badHeader: "Filen kunne ikke leses. Sjekk at første linje har riktige kolonnenavn, og at filen er UTF-8.",
    columnProblem: (column: string, message: string) => `Kolonnen «${column}»: ${message}`,
    duplicateColumn: "står to ganger i første linje.",
    missingColumn: "mangler i første linje.",
    unknownColumn: "er ikke en kolonne i formatet.",
  },
  status: {
    intro: "Hvilke kontorer under enheten som har rapportert hvilke indikatorer for måneden.",
    onlyMissing: "Bare manglende",
    reported: "Rapportert",
    missing: "Mangler",
    notExpected: "Ikke påkrevd",
    office: "Kontor",
    count: "Rapportert",
    countValue: (reported: number, expected: number) => `${reported} av ${expected}`,
    caption: (unit: string, month: string) => `Rapportering for kontorer under ${unit}, ${month}`,
    noOffices: "Det er ingen kontorer under denne enheten.",
    allReported: "Alle kontorene har rapportert alt for måneden.",
    legend: "Indikatorer",
  },
};

/** Names of the service's fields as this form labels them, per measure (for the error summary). */
export function fieldLabel(measure: string, field: string): string {
  if (measure === "SCORE" && field === "numerator") return T.fields.mean;
  if (measure === "SCORE" && field === "denominator") return T.fields.respondents;
  if (field === "correctionReason") return T.fields.reason;
  if (field === "comment") return "Kommentar";
  return (T.fields as Record<string, string>)[field] ?? field;
}
