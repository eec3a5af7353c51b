import { useRef, useState, type FormEvent } from "react";
import { Alert, Button, ErrorSummary, Heading, Select, Textarea, TextField, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatNumber } from "../../format";
import { propose, type Indicator, type Proposal } from "./api";
import { T } from "./texts";

type Field = "indicatorId" | "year" | "target" | "rationale";
const FIELDS: Field[] = ["indicatorId", "year", "target", "rationale"];
const ID: Record<Field, string> = {
  indicatorId: "forslag-indikator",
  year: "forslag-ar",
  target: "forslag-mal",
  rationale: "forslag-begrunnelse",
};

/** The years one may propose for: a few back (late local goals) and two ahead. */
function years(): number[] {
  const now = new Date().getFullYear();
  const out: number[] = [];
  for (let y = now + 2; y >= now - 5; y--) out.push(y);
  return out;
}

/** "62,5" or "62.5" → 62.5; null when it is not a number. */
function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function targetHelp(indicator: Indicator | undefined): string {
  if (!indicator) return T.targetHelp.none;
  if (indicator.measure === "RATIO") return T.targetHelp.RATIO;
  if (indicator.measure === "COUNT") return T.targetHelp.COUNT;
  return T.targetHelp.SCORE(formatNumber(indicator.scaleMin), formatNumber(indicator.scaleMax));
}

/** A new proposal for the unit: indicator, year, target and why; errors per field and in a summary. */
export function ProposalForm(props: { unitId: string; indicators: Indicator[]; onSent: (p: Proposal) => void }) {
  const { unitId, indicators, onSent } = props;
  const [indicatorId, setIndicatorId] = useState("");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [target, setTarget] = useState("");
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const chosen = indicators.find((i) => i.indicatorId === indicatorId);

  const showErrors = (found: Partial<Record<Field, string>>) => {
    setErrors(found);
    // after React has drawn the summary
    setTimeout(() => summary.current?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSent(null);
    const found: Partial<Record<Field, string>> = {};
    if (!indicatorId) found.indicatorId = T.required.indicatorId;
    if (!year) found.year = T.required.year;
    const value = parseNumber(target);
    if (!target.trim()) found.target = T.required.target;
    else if (value === null) found.target = T.notANumber;
    if (!rationale.trim()) found.rationale = T.required.rationale;
    if (Object.keys(found).length > 0) {
      showErrors(found);
      return;
    }
    setBusy(true);
    try {
      const proposal = await propose(unitId, {
        indicatorId,
        year: Number(year),
        classification: "STEERING",
        target: value!,
        rationale: rationale.trim(),
      });
      setErrors({});
      setIndicatorId("");
      setTarget("");
      setRationale("");
      setSent(proposal);
      onSent(proposal);
      setTimeout(() => confirmation.current?.focus(), 0);
    } catch (e) {
      const byField = e instanceof ApiError ? e.fieldErrors() : {};
      const mine = Object.fromEntries(FIELDS.filter((f) => byField[f]).map((f) => [f, byField[f]]));
      if (Object.keys(mine).length > 0) {
        showErrors(mine);
      } else {
        setErrors({});
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const listed = FIELDS.filter((f) => errors[f]);
  return (
    <section aria-labelledby="forslag-ny-overskrift" className="mrs-forslag-form">
      <Heading level="2" size="medium" id="forslag-ny-overskrift" spacing>
        {T.formHeading}
      </Heading>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          {sent && (
            <Alert variant="success" ref={confirmation} tabIndex={-1}>
              {T.sent(sent.indicatorId, sent.year)}
            </Alert>
          )}
          <ProblemAlert error={failure} />
          {listed.length > 0 && (
            <ErrorSummary ref={summary} heading={T.errorSummary} headingTag="h3">
              {listed.map((f) => (
                <ErrorSummary.Item key={f} href={`#${ID[f]}`}>
                  {errors[f]}
                </ErrorSummary.Item>
              ))}
            </ErrorSummary>
          )}
          <Select
            id={ID.indicatorId}
            label={T.indicator}
            value={indicatorId}
            error={errors.indicatorId}
            onChange={(e) => setIndicatorId(e.target.value)}
          >
            <option value="">{T.chooseIndicator}</option>
            {indicators.map((i) => (
              <option key={i.indicatorId} value={i.indicatorId}>
                {i.indicatorId} {i.name}
              </option>
            ))}
          </Select>
          <Select
            id={ID.year}
            label={T.year}
            value={year}
            error={errors.year}
            onChange={(e) => setYear(e.target.value)}
            className="mrs-forslag-narrow"
          >
            {years().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
          <TextField
            id={ID.target}
            label={T.target}
            description={targetHelp(chosen)}
            inputMode="decimal"
            autoComplete="off"
            value={target}
            error={errors.target}
            onChange={(e) => setTarget(e.target.value)}
            className="mrs-forslag-narrow"
          />
          <Textarea
            id={ID.rationale}
            label={T.rationale}
            description={T.rationaleHelp}
            maxLength={4000}
            value={rationale}
            error={errors.rationale}
            onChange={(e) => setRationale(e.target.value)}
          />
          <div>
            <Button type="submit" loading={busy}>
              {T.submit}
            </Button>
          </div>
        </VStack>
      </form>
    </section>
  );
}
