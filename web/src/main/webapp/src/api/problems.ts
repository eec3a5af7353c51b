// Problem documents (RFC 9457) from the services, worded in Norwegian. Never show raw JSON or English codes.
import type { FieldError, Problem } from "./client";

const BY_SLUG: Record<string, string> = {
  validation: "Noen av feltene er ikke fylt ut riktig.",
  "malformed-body": "Forespørselen kunne ikke leses.",
  "bad-request": "Forespørselen er ikke gyldig.",
  unauthorized: "Du er ikke logget inn, eller innloggingen er utløpt.",
  forbidden: "Du har ikke tilgang til å gjøre dette for denne enheten.",
  "not-found": "Fant ikke det du ba om.",
  "method-not-allowed": "Denne handlingen er ikke mulig her.",
  "not-acceptable": "Formatet er ikke tilgjengelig.",
  "concurrent-change": "Noen andre endret dette samtidig. Last inn på nytt og prøv igjen.",
  "stale-version": "Noen andre har endret dette etter at du åpnet det.",
  "payload-too-large": "Innholdet er for stort.",
  "unsupported-media-type": "Filtypen støttes ikke.",
  "rate-limited": "For mange forespørsler på kort tid. Vent litt og prøv igjen.",
  "goal-budget-exceeded": "Enheten vil få flere styringsmål enn målbudsjettet tillater.",
  "adjustment-forbidden": "Målbrevet tillater ikke lokal tilpasning av dette målet.",
  "goal-exists": "Enheten har allerede et aktivt mål for denne indikatoren dette året. Revider det i stedet.",
  "letter-published": "Målbrevet er allerede publisert og kan ikke endres.",
  "goal-retired": "Målet er avsluttet og kan ikke endres.",
  "proposal-decided": "Forslaget er allerede behandlet.",
  "empty-batch": "Det er ingen resultater å sende inn.",
  "already-locked": "Måneden er allerede låst.",
  "already-confirmed": "Tallet er allerede bekreftet.",
  "not-an-outlier": "Tallet er ikke merket som uvanlig, så det er ingenting å bekrefte.",
  "service-unavailable": "Tjenesten svarer ikke akkurat nå. Prøv igjen om litt.",
  csrf: "Siden er utløpt. Last inn siden på nytt og prøv igjen.",
  network: "Fikk ikke kontakt med MRS. Sjekk nettforbindelsen og prøv igjen.",
  internal: "Det oppstod en feil hos oss. Prøv igjen senere.",
};

const BY_STATUS: Record<number, string> = {
  400: BY_SLUG["bad-request"],
  401: BY_SLUG.unauthorized,
  403: BY_SLUG.forbidden,
  404: BY_SLUG["not-found"],
  409: "Endringen er ikke mulig slik det står nå.",
  412: BY_SLUG["stale-version"],
  413: BY_SLUG["payload-too-large"],
  422: "Endringen bryter en regel for mål og budsjett.",
  429: BY_SLUG["rate-limited"],
  500: BY_SLUG.internal,
  502: BY_SLUG["service-unavailable"],
  503: BY_SLUG["service-unavailable"],
  504: BY_SLUG["service-unavailable"],
};

export function norwegianMessage(status: number, problem: Problem): string {
  const slug = (problem.type ?? "").replace("urn:mrs:problem:", "");
  return BY_SLUG[slug] ?? BY_STATUS[status] ?? "Noe gikk galt. Prøv igjen.";
}

/** Field-level codes of the services (validation problems and refused result items). */
const FIELD_CODES: Record<string, string> = {
  "before-goal-year": "Måneden er før året målet gjelder for.",
  "after-goal-year": "Måneden er etter året målet gjelder for.",
  required: "Feltet må fylles ut.",
  blank: "Feltet må fylles ut.",
  "not-blank": "Feltet må fylles ut.",
  "must-not-be-blank": "Feltet må fylles ut.",
  invalid: "Verdien er ikke gyldig.",
  format: "Verdien har feil format.",
  "out-of-range": "Verdien er utenfor det tillatte området.",
  range: "Verdien er utenfor det tillatte området.",
  negative: "Verdien kan ikke være negativ.",
  "too-long": "Teksten er for lang.",
  "unknown-property": "Ukjent felt.",
  "unknown-unit": "Enheten finnes ikke.",
  "unknown-indicator": "Indikatoren finnes ikke.",
  "forbidden-unit": "Du kan ikke rapportere for denne enheten.",
  "period-locked": "Måneden er låst. Ta kontakt med direktoratet for å rette.",
  "already-reported": "Dette er allerede rapportert. Bruk retting og oppgi en begrunnelse.",
  "measurement-id-reused": "Måle-ID-en er allerede brukt for et annet tall.",
  "reason-required": "Oppgi en begrunnelse.",
  "numerator-exceeds-denominator": "Telleren kan ikke være større enn nevneren.",
  "denominator-zero": "Nevneren må være større enn null.",
  "wrong-measure": "Feil type tall for denne indikatoren.",
  "future-period": "Måneden har ikke vært ennå.",
  "invalid-format": "Verdien har tegn som ikke er tillatt.",
  "malformed-unit": "Enhetsnummeret må ha fire sifre.",
  "not-an-office": "Resultater rapporteres for kontorer, ikke for regioner eller hele landet.",
  "not-an-aggregate": "Et kontor kommenterer tallet sitt sammen med resultatet, ikke her.",
  "indicator-not-in-scope": "Indikatoren gjelder ikke for denne enheten.",
  "malformed-period": "Måneden må skrives ÅÅÅÅ-MM.",
  "period-out-of-range": "Måneden må være januar 2000 eller senere.",
  "not-applicable": "Feltet brukes ikke for denne indikatoren.",
  "not-whole-number": "Skriv et helt tall.",
  "out-of-scale": "Snittet er utenfor skalaen for indikatoren.",
  "invalid-type": "Skriv et tall.",
  "invalid-character": "Teksten har tegn som ikke er tillatt.",
  "malformed-row": "Linjen har et annet antall kolonner enn første linje.",
  "duplicate-column": "Kolonnen står to ganger i første linje.",
  "outside-owner": "Indikatoren er lokal for en annen enhet og kan ikke brukes her.",
  "monitoring-has-no-target": "Et mål som følges som statistikk, skal ikke ha en målverdi.",
  duplicate: "Verdien står allerede et annet sted i skjemaet.",
  "unknown-main-goal": "Hovedmålet må være et av målbrevets hovedmål.",
  "wrong-level": "Enheten er på feil nivå for dette.",
  "issuer-change": "Utstederen av et målbrev kan ikke endres. Lag et nytt målbrev i stedet.",
};

export function fieldMessage(error: FieldError): string {
  return FIELD_CODES[error.code] ?? "Verdien er ikke gyldig.";
}
