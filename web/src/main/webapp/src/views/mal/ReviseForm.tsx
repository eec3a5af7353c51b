import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, ErrorSummary, Heading, TextField, Textarea, BodyShort } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { MonthSelect } from "../../components/MonthSelect";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatTarget, goal as fetchGoal, history as fetchHistory, parseNumber, revise, type Goal, type Indicator } from "./api";
import { Conflict, type Newer } from "./Conflict";
import { T } from "./texts";

type Errors = { target?: string; reason?: string; effectiveFrom?: string };

/** A new target with a reason, based on the version the person saw; a stale one is refused and shown. */
export function ReviseForm(props: {
  goal: Goal;
  indicator?: Indicator;
  onSaved: () => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const { indicator, onSaved, onConflict, onCancel } = props;
  // the version this edit is based on: kept when the page reloads the goal, changed only by starting again
  const [base, setBase] = useState<Goal>(props.goal);
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const months = monthsOf(props.goal.year);
  const [effectiveFrom, setEffectiveFrom] = useState(defaultMonth(props.goal.year));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [newer, setNewer] = useState<Newer | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [submitted, setSubmitted] = useState(0);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (submitted && Object.keys(errors).length) summary.current?.focus();
  }, [submitted, errors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    const value = parseNumber(target);
    if (!target.trim()) found.target = T.targetRequired;
    else if (value === null) found.target = T.targetNotNumber;
    if (!reason.trim()) found.reason = T.reasonRequired;
    setFailure(null);
    setErrors(found);
    setSubmitted((n) => n + 1);
    if (Object.keys(found).length || value === null) return;
    setBusy(true);
    try {
      await revise(base.goalId, base.version, value, reason.trim(), effectiveFrom);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        const [g, h] = await Promise.all([fetchGoal(base.goalId), fetchHistory(base.goalId)]);
        setNewer({ goal: g, latest: [...h].sort((a, b) => b.version - a.version)[0] });
        onConflict();
      } else if (e instanceof ApiError && e.problem.errors?.length) {
        const fields = e.fieldErrors();
        setErrors({ target: fields.target, reason: fields.reason, effectiveFrom: fields.effectiveFrom });
        setSubmitted((n) => n + 1);
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const startAgain = () => {
    if (!newer) return;
    setBase(newer.goal);
    setTarget("");
    setReason("");
    setErrors({});
    setNewer(null);
    heading.current?.focus();
  };

  const list = Object.entries(errors).filter(([, m]) => m) as [string, string][];
  return (
    <section aria-labelledby="mal-revider">
      <form className="mal-form" onSubmit={submit} noValidate>
        <Heading level="2" size="medium" id="mal-revider" ref={heading} tabIndex={-1}>
          {T.reviseHeading}
        </Heading>
        <BodyShort>{T.currentTarget(formatTarget(base.target, indicator))}</BodyShort>
        {newer && <Conflict newer={newer} indicator={indicator} onStartAgain={startAgain} />}
        {list.length > 0 && (
          <ErrorSummary ref={summary} heading={T.errorSummary}>
            {list.map(([field, message]) => (
              <ErrorSummary.Item key={field} href={`#mal-revider-${field}`}>
                {message}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary>
        )}
        <ProblemAlert error={failure} />
        <TextField
          id="mal-revider-target"
          label={T.newTarget}
          description={T.targetDescription(indicator?.measure ?? "")}
          inputMode="decimal"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          error={errors.target}
          htmlSize={12}
        />
        <MonthSelect id="mal-revider-effectiveFrom" label={T.effectiveFrom} description={T.effectiveFromDescription}
          months={months} value={effectiveFrom} onChange={setEffectiveFrom} error={errors.effectiveFrom} />
        <Textarea
          id="mal-revider-reason"
          label={T.reason}
          description={T.reasonDescription}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          maxLength={4000}
        />
        <div className="mal-actions">
          <Button type="submit" loading={busy}>
            {T.save}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {T.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The months of the goal's year, January first. */
function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}

/** This month in Norway, or the goal year's first or last month when the goal is for another year. */
function defaultMonth(year: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit" })
    .formatToParts(new Date());
  const nowYear = Number(parts.find((p) => p.type === "year")!.value);
  const nowMonth = parts.find((p) => p.type === "month")!.value;
  if (nowYear < year) return `${year}-01`;
  if (nowYear > year) return `${year}-12`;
  return `${year}-${nowMonth}`;
}
