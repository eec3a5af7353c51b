import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from "react-router-dom";
import {
  Alert,
  BodyShort,
  Button,
  ErrorSummary,
  Heading,
  HStack,
  Loader,
  Select,
  Textarea,
  TextField,
  VStack,
} from "@navikt/ds-react";
import { PlusIcon } from "@navikt/aksel-icons";
import { ApiError, type FieldError } from "../../api/client";
import { fieldMessage } from "../../api/problems";
import { useUnits, unitName, type Unit } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "../../session";
import { draftLetter, getLetter, redraftLetter, type Indicator, type Letter, type LetterBody } from "./api";
import { issuerChoices } from "./access";
import { GoalRow, goalFieldId, type GoalDraft } from "./GoalRow";
import { useIndicators } from "./hooks";
import { BackLink } from "./LetterDetails";
import { T } from "./texts";

interface Form {
  year: string;
  issuerUnitId: string;
  title: string;
  mainGoals: string;
  goals: GoalDraft[];
}

let nextKey = 1;

function emptyGoal(): GoalDraft {
  return { key: nextKey++, indicatorId: "", classification: "STEERING", target: "", mainGoal: "", adjustable: true };
}

function fromLetter(letter: Letter): Form {
  return {
    year: String(letter.year),
    issuerUnitId: letter.issuerUnitId,
    title: letter.title,
    mainGoals: letter.mainGoals.join("\n"),
    goals: letter.goals.map((g) => ({
      key: nextKey++,
      indicatorId: g.indicatorId,
      classification: g.classification,
      target: g.target === null ? "" : String(g.target).replace(".", ","),
      mainGoal: g.mainGoal ?? "",
      adjustable: g.localAdjustment !== "FORBIDDEN",
    })),
  };
}

const mainGoalsOf = (text: string) =>
  text
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

const parseNumber = (text: string) => (text.trim() === "" ? NaN : Number(text.trim().replace(/\s/g, "").replace(",", ".")));

/** The form's own checks; goal-service checks the rest (ranges, duplicates) and answers per field. */
function validate(form: Form): Record<string, string> {
  const errors: Record<string, string> = {};
  const year = Number(form.year);
  if (!/^\d{4}$/.test(form.year.trim()) || year < 2000 || year > 2100) errors.year = T.err.year;
  if (!form.title.trim()) errors.title = T.err.title;
  form.goals.forEach((g, i) => {
    if (!g.indicatorId) errors[`goals[${i}].indicatorId`] = T.err.indicator;
    if (g.classification === "STEERING") {
      if (!g.target.trim()) errors[`goals[${i}].target`] = T.err.target;
      else if (Number.isNaN(parseNumber(g.target))) errors[`goals[${i}].target`] = T.err.targetNumber;
    }
  });
  return errors;
}

function toBody(form: Form): LetterBody {
  return {
    year: Number(form.year),
    issuerUnitId: form.issuerUnitId,
    title: form.title.trim(),
    mainGoals: mainGoalsOf(form.mainGoals),
    goals: form.goals.map((g) => ({
      indicatorId: g.indicatorId,
      classification: g.classification,
      target: g.classification === "STEERING" ? parseNumber(g.target) : null,
      mainGoal: g.mainGoal || null,
      localAdjustment: g.adjustable ? "ALLOWED" : "FORBIDDEN",
    })),
  };
}

/** goal-service's field errors in this form's words; mainGoals[i] is shown on the main-goals field. */
function serverErrors(error: ApiError, form: Form, indicators: Indicator[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of (error.problem.errors ?? []) as FieldError[]) {
    const field = e.field.startsWith("mainGoals") ? "mainGoals" : e.field;
    const goal = /^goals\[(\d+)\]\.(\w+)$/.exec(field);
    let message = fieldMessage(e);
    if (field === "mainGoals" && e.code === "duplicate") message = T.err.duplicateMainGoal;
    if (field === "goals") message = T.err.goals;
    if (goal) {
      const indicator = indicators.find((i) => i.indicatorId === form.goals[Number(goal[1])]?.indicatorId);
      if (goal[2] === "indicatorId" && e.code === "duplicate") message = T.err.duplicateIndicator;
      if (goal[2] === "target" && e.code === "out-of-range") message = T.err.targetRange(indicator);
      if (goal[2] === "target" && e.code === "required") message = T.err.target;
      if (goal[2] === "target" && e.code === "monitoring-has-no-target") message = T.err.monitoringTarget;
      if (goal[2] === "mainGoal") message = T.err.unknownMainGoal;
    }
    out[field] = message;
  }
  return out;
}

/** Where an error's field is on the page, for the error summary's links. */
function fieldId(field: string): string {
  const goal = /^goals\[(\d+)\]\.(\w+)$/.exec(field);
  if (goal) return goalFieldId(Number(goal[1]), goal[2]);
  if (field === "goals") return "malbrev-legg-til";
  return `malbrev-${field}`;
}

/** /malbrev/ny?ar=2025&utsteder=0000 (a new draft) and /malbrev/:letterId/endre (redraft). */
export function LetterEditor() {
  const { letterId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const units = useUnits();
  const indicators = useIndicators();
  const [existing, setExisting] = useState<Letter | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [submitRound, setSubmitRound] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusIndicator = useRef<number | null>(null);

  const choices: Unit[] = units ? issuerChoices(session, units) : [];

  useEffect(() => {
    if (letterId) {
      getLetter(letterId).then(
        (letter) => {
          setExisting(letter);
          setForm(fromLetter(letter));
        },
        (e: unknown) => setFailure(e),
      );
    }
  }, [letterId]);

  useEffect(() => {
    if (!letterId && !form && units) {
      const wanted = params.get("utsteder");
      const issuer = choices.find((u) => u.unitId === wanted) ?? choices[0];
      const year = params.get("ar") ?? String(new Date().getFullYear() + 1);
      setForm({ year, issuerUnitId: issuer?.unitId ?? "", title: "", mainGoals: "", goals: [emptyGoal()] });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [letterId, units]);

  useEffect(() => {
    if (submitRound > 0 && Object.keys(errors).length > 0) summary.current?.focus();
  }, [submitRound, errors]);

  useEffect(() => {
    if (focusIndicator.current !== null) {
      document.getElementById(goalFieldId(focusIndicator.current, "indicatorId"))?.focus();
      focusIndicator.current = null;
    }
  });

  if (!units || !indicators || (!form && !failure)) return <Loader title={T.loading} />;
  if (!form) {
    return (
      <VStack gap="space-16">
        <BackLink />
        <ProblemAlert error={failure} />
      </VStack>
    );
  }
  if (choices.length === 0 || (existing && !choices.some((u) => u.unitId === existing.issuerUnitId))) {
    return (
      <VStack gap="space-16">
        <BackLink />
        <Alert variant="info">{T.mayNotIssue}</Alert>
      </VStack>
    );
  }
  if (existing && existing.status !== "DRAFT") {
    return (
      <VStack gap="space-16">
        <BackLink />
        <Alert variant="info">{T.notDraft}</Alert>
      </VStack>
    );
  }

  const set = (change: Partial<Form>) => setForm({ ...form, ...change });
  const mainGoals = mainGoalsOf(form.mainGoals);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form || !indicators) return;
    setFailure(null);
    const found = validate(form);
    setErrors(found);
    setSubmitRound((r) => r + 1);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const saved = existing
        ? await redraftLetter(existing.letterId, existing.version, toBody(form))
        : await draftLetter(toBody(form));
      navigate(`/malbrev/${saved.letterId}?lagret=ja`);
    } catch (e) {
      setSaving(false);
      if (e instanceof ApiError && e.status === 400 && (e.problem.errors ?? []).length > 0) {
        setErrors(serverErrors(e, form, indicators));
        setSubmitRound((r) => r + 1);
      } else {
        setFailure(e);
      }
    }
  }

  const errorList = Object.entries(errors);
  return (
    <VStack gap="space-24">
      <BackLink />
      <Heading level="1" size="large">
        {existing ? T.editHeading : T.newHeading}
      </Heading>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-24">
          {errorList.length > 0 && (
            <ErrorSummary ref={summary} heading={T.errorSummary}>
              {errorList.map(([field, message]) => (
                <ErrorSummary.Item key={field} href={`#${fieldId(field)}`}>
                  {message}
                </ErrorSummary.Item>
              ))}
            </ErrorSummary>
          )}
          <ProblemAlert error={failure} />
          <HStack gap="space-16" align="start" wrap>
            <TextField
              id="malbrev-year"
              label={T.year}
              inputMode="numeric"
              htmlSize={6}
              value={form.year}
              error={errors.year}
              onChange={(e) => set({ year: e.target.value })}
            />
            {existing ? (
              <TextField id="malbrev-issuerUnitId" label={T.issuer} value={unitName(units, existing.issuerUnitId)} readOnly />
            ) : (
              <Select
                id="malbrev-issuerUnitId"
                label={T.issuer}
                description={T.issuerDescription}
                value={form.issuerUnitId}
                error={errors.issuerUnitId}
                onChange={(e) => set({ issuerUnitId: e.target.value })}
              >
                {choices.map((u) => (
                  <option key={u.unitId} value={u.unitId}>
                    {u.name} ({u.unitId})
                  </option>
                ))}
              </Select>
            )}
          </HStack>
          <TextField
            id="malbrev-title"
            label={T.letterTitle}
            value={form.title}
            error={errors.title}
            onChange={(e) => set({ title: e.target.value })}
          />
          <Textarea
            id="malbrev-mainGoals"
            label={T.mainGoals}
            description={T.mainGoalsDescription}
            minRows={3}
            value={form.mainGoals}
            error={errors.mainGoals}
            onChange={(e) => set({ mainGoals: e.target.value })}
          />
          <Heading level="2" size="medium">
            {T.goalsHeading}
          </Heading>
          {form.goals.length === 0 && <BodyShort>{T.noGoals}</BodyShort>}
          {form.goals.map((goal, index) => (
            <GoalRow
              key={goal.key}
              index={index}
              goal={goal}
              indicators={indicators}
              mainGoals={mainGoals}
              errors={errors}
              onChange={(changed) => set({ goals: form.goals.map((g) => (g.key === goal.key ? changed : g)) })}
              onRemove={() => {
                set({ goals: form.goals.filter((g) => g.key !== goal.key) });
                setErrors({});
                addButton.current?.focus();
              }}
            />
          ))}
          <div>
            <Button
              id="malbrev-legg-til"
              ref={addButton}
              type="button"
              variant="secondary"
              icon={<PlusIcon aria-hidden />}
              onClick={() => {
                focusIndicator.current = form.goals.length;
                set({ goals: [...form.goals, emptyGoal()] });
              }}
            >
              {T.addGoal}
            </Button>
          </div>
          {errors.goals && (
            <Alert variant="error" size="small" inline>
              {errors.goals}
            </Alert>
          )}
          <HStack gap="space-16">
            <Button type="submit" loading={saving}>
              {T.save}
            </Button>
            <Button
              as={RouterLink}
              to={existing ? `/malbrev/${existing.letterId}` : "/malbrev"}
              variant="tertiary"
            >
              {T.cancel}
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
