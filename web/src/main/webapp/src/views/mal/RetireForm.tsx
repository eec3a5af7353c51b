import { useEffect, useRef, useState, type FormEvent } from "react";
import { BodyShort, Button, ErrorSummary, Heading, Textarea } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { goal as fetchGoal, history as fetchHistory, retire, type Goal } from "./api";
import { Conflict, type Newer } from "./Conflict";
import { T } from "./texts";

/** Retire a goal with a reason: it stops counting from now on. */
export function RetireForm(props: { goal: Goal; onSaved: () => void; onConflict: () => void; onCancel: () => void }) {
  const { onSaved, onConflict, onCancel } = props;
  const [base, setBase] = useState<Goal>(props.goal);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [newer, setNewer] = useState<Newer | null>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (submitted && error) summary.current?.focus();
  }, [submitted, error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const missing = reason.trim() ? undefined : T.reasonRequired;
    setError(missing);
    setSubmitted((n) => n + 1);
    if (missing) return;
    setBusy(true);
    try {
      await retire(base.goalId, base.version, reason.trim());
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        const [g, h] = await Promise.all([fetchGoal(base.goalId), fetchHistory(base.goalId)]);
        setNewer({ goal: g, latest: [...h].sort((a, b) => b.version - a.version)[0] });
        onConflict();
      } else if (e instanceof ApiError && e.problem.errors?.length) {
        setError(e.fieldErrors().reason ?? e.message);
        setSubmitted((n) => n + 1);
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="mal-avslutt">
      <form className="mal-form" onSubmit={submit} noValidate>
        <Heading level="2" size="medium" id="mal-avslutt" ref={heading} tabIndex={-1}>
          {T.retireHeading}
        </Heading>
        <BodyShort>{T.retireIntro}</BodyShort>
        {newer && (
          <Conflict
            newer={newer}
            onStartAgain={() => {
              setBase(newer.goal);
              setNewer(null);
              heading.current?.focus();
            }}
          />
        )}
        {error && (
          <ErrorSummary ref={summary} heading={T.errorSummary}>
            <ErrorSummary.Item href="#mal-avslutt-reason">{error}</ErrorSummary.Item>
          </ErrorSummary>
        )}
        <ProblemAlert error={failure} />
        <Textarea
          id="mal-avslutt-reason"
          label={T.reason}
          description={T.reasonDescription}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error}
          maxLength={4000}
        />
        <div className="mal-actions">
          <Button type="submit" variant="danger" loading={busy}>
            {T.confirmRetire}
          </Button>
          <Button type="button" variant="tertiary" onClick={onCancel}>
            {T.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
