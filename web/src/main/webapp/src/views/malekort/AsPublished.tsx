import { useState } from "react";
import { Button, DatePicker, HStack, TextField, useDatepicker } from "@navikt/ds-react";
import { T } from "./texts";

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** Europe/Oslo's offset from UTC in minutes at an instant (+60 in winter, +120 in summer). */
function osloOffset(at: Date): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Oslo", timeZoneName: "longOffset" })
    .formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** A day and a time of day in Norway as an instant (ISO), never later than now. */
export function osloInstant(day: Date, hours: number, minutes: number): string {
  const wall = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes, 59, 999);
  const at = new Date(wall - osloOffset(new Date(wall)) * 60_000);
  const now = new Date();
  return (at > now ? now : at).toISOString();
}

/**
 * "Som publisert": a date (and a time, end of the day by default) in Norwegian time; the scorecard then shows what
 * reporting-service answered at that moment. Only dates up to today can be chosen.
 */
export function AsPublishedForm({ onShow }: { onShow: (asOf: string) => void }) {
  const [day, setDay] = useState<Date | undefined>(undefined);
  const [time, setTime] = useState("");
  const [dayError, setDayError] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const { datepickerProps, inputProps } = useDatepicker({
    toDate: new Date(),
    onDateChange: (d) => {
      setDay(d);
      setDayError(null);
    },
    onValidate: (v) => setDayError(v.isValidDate || v.isEmpty ? null : v.isAfter ? T.asPublishedFuture : T.asPublishedBadDay),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const match = TIME.exec(time.trim());
    if (!day) setDayError((old) => old ?? T.asPublishedNoDay);
    if (time.trim() && !match) setTimeError(T.asPublishedBadTime);
    if (!day || (time.trim() && !match)) return;
    setTimeError(null);
    onShow(osloInstant(day, match ? Number(match[1]) : 23, match ? Number(match[2]) : 59));
  };
  return (
    <form onSubmit={submit} aria-labelledby="malekort-som-publisert">
      <h2 id="malekort-som-publisert" className="aksel-sr-only">{T.asPublishedHeading}</h2>
      <HStack gap="space-16" align="end" wrap>
        <DatePicker {...datepickerProps}>
          <DatePicker.Input {...inputProps} label={T.asPublishedDay} description={T.asPublishedDayHelp}
            error={dayError ?? undefined} />
        </DatePicker>
        <TextField label={T.asPublishedTime} description={T.asPublishedTimeHelp} value={time} htmlSize={6}
          onChange={(e) => {
            setTime(e.target.value);
            setTimeError(null);
          }} error={timeError ?? undefined} />
        <Button type="submit" variant="secondary">{T.asPublishedShow}</Button>
      </HStack>
    </form>
  );
}
