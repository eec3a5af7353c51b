// Norwegian formats for what people read: numbers, percentages, months, dates.
const NUMBER = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 });
const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
  "november", "desember"];

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return digits === 1 ? NUMBER.format(value) : new Intl.NumberFormat("nb-NO", { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${formatNumber(value)} %`;
}

/** "2021-06" → "juni 2021" */
export function monthName(period: string): string {
  const [year, month] = period.split("-");
  const index = Number(month) - 1;
  return index >= 0 && index < 12 ? `${MONTHS[index]} ${year}` : period;
}

/** An instant as "2. desember 2026 kl. 18:30" */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return "–";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" }).format(date);
}

/** The months from `from` to `to` (YYYY-MM), newest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = to.split("-").map(Number);
  const [fromYear, fromMonth] = from.split("-").map(Number);
  while (year > fromYear || (year === fromYear && month >= fromMonth)) {
    out.push(`${year}-${String(month).padStart(2, "0")}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}
