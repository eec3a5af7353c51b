import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { Alert, BodyShort, Button, ErrorSummary, Heading, Link, List, Loader, Radio, RadioGroup, Select, TextField, Textarea } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { unitName, useUnits } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "../../session";
import { ancestry, formatTarget, goalBudget, goalsInForce, maySetGoals, parseNumber, setLocalGoal, useIndicators, type Budget, type Goal } from "./api";
import { T } from "./texts";

type Field = "indicatorId" | "target" | "rationale" | "classification";
type Errors = Partial<Record<Field, string>>;

/** /mal/:unitId/ny?ar=YYYY&indikator=B.15 — a local goal, or a local adjustment of an inherited target. */
export function LocalGoalForm() {
  const { unitId = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get("ar")) || new Date().getFullYear();
  const indicatorId = search.get("indikator") ?? "";
  const session = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const indicators = useIndicators();
  const [inForce, setInForce] = useState<Goal[] | null>(null);
  const [budget, setBudget] = useState<Budget | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [classification, setClassification] = useState<"STEERING" | "MONITORING">("STEERING");
  const [target, setTarget] = useState("");
  const [adjustment, setAdjustment] = useState<"ALLOWED" | "FORBIDDEN">("ALLOWED");
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([goalsInForce(unitId, year), goalBudget(unitId, year)]).then(
      ([g, b]) => {
        if (!live) return;
        setInForce(g);
        setBudget(b);
      },
      (e) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [unitId, year]);

  useEffect(() => {
    if (submitted && Object.values(errors).some(Boolean)) summary.current?.focus();
  }, [submitted, errors]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const current = inForce?.find((g) => g.indicatorId === indicatorId);
  // the in-force goal comes from above (what a local goal would adjust) or is the unit's own
  const own = current && current.sourceUnitId === unitId ? current : undefined;
  const inherited = current && current.sourceUnitId !== unitId ? current : undefined;

  useEffect(() => {
    if (inherited) setClassification(inherited.classification);
  }, [inherited?.goalId]);

  if (loadError) return <ProblemAlert error={loadError} />;
  if (!inForce || !budget || !indicators || !units) return <Loader title={T.loading} />;

  const unit = units.find((u) => u.unitId === unitId);
  const name = unitName(units, unitId);
  const above = ancestry(units, unitId);
  const choices = indicators.filter((i) => !i.ownerUnitId || above.includes(i.ownerUnitId));
  const indicator = indicators.find((i) => i.indicatorId === indicatorId);
  const back = `/mal/${unitId}?ar=${year}`;

  if (!maySetGoals(session, units, unitId)) {
    return (
      <div className="mal-stack">
        <Link as={RouterLink} to={back}>
          {T.back(name, year)}
        </Link>
        <Heading level="1" size="large">
          {T.localHeading(name, year)}
        </Heading>
        <Alert variant="info">{T.noRights}</Alert>
      </div>
    );
  }

  const forbidden = inherited?.localAdjustment === "FORBIDDEN";
  const addsSteering = classification === "STEERING" && !(current && current.classification === "STEERING");
  const budgetFull = addsSteering && budget.steeringGoals + 1 > budget.maxSteeringGoals;
  const blocked = forbidden || !!own || budgetFull;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Errors = {};
    const value = parseNumber(target);
    if (!indicatorId) found.indicatorId = T.indicatorRequired;
    if (classification === "STEERING") {
      if (!target.trim()) found.target = T.targetRequired;
      else if (value === null) found.target = T.targetNotNumber;
    }
    if (!rationale.trim()) found.rationale = T.reasonRequired;
    setErrors(found);
    setSubmitted((n) => n + 1);
    if (Object.keys(found).length || blocked) return;
    setBusy(true);
    try {
      const goal = await setLocalGoal(unitId, {
        indicatorId,
        year,
        classification,
        target: classification === "STEERING" ? value : null,
        mainGoal: inherited?.mainGoal ?? undefined,
        localAdjustment: unit?.level === "OFFICE" ? undefined : adjustment,
        rationale: rationale.trim(),
      });
      navigate(`/mal/${unitId}/${goal.goalId}`);
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors?.length) {
        const fields = e.fieldErrors();
        setErrors({
          indicatorId: fields.indicatorId,
          classification: fields.classification,
          target: fields.target,
          rationale: fields.rationale,
        });
        setSubmitted((n) => n + 1);
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const overBudget =
    failure instanceof ApiError && Array.isArray(failure.problem.units)
      ? (failure.problem.units as { unitId: string; steeringGoals: number; maxSteeringGoals: number }[])
      : [];
  const list = Object.entries(errors).filter(([, m]) => m) as [Field, string][];

  return (
    <div className="mal-stack">
      <Link as={RouterLink} to={back}>
        {T.back(name, year)}
      </Link>
      <Heading level="1" size="large">
        {T.localHeading(name, year)}
      </Heading>
      <BodyShort>{T.localIntro}</BodyShort>
      <form className="mal-form" onSubmit={submit} noValidate>
        {list.length > 0 && (
          <ErrorSummary ref={summary} heading={T.errorSummary}>
            {list.map(([field, message]) => (
              <ErrorSummary.Item key={field} href={`#mal-ny-${field}`}>
                {message}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary>
        )}
        {failure !== null && (
          <div ref={failureRef} tabIndex={-1}>
            <ProblemAlert error={failure} />
            {overBudget.length > 0 && (
              <>
                <BodyShort>{T.budgetUnits}</BodyShort>
                <List as="ul">
                  {overBudget.map((u) => (
                    <List.Item key={u.unitId}>{T.budgetUnit(unitName(units, u.unitId), u.steeringGoals, u.maxSteeringGoals)}</List.Item>
                  ))}
                </List>
              </>
            )}
          </div>
        )}
        <Select
          id="mal-ny-indicatorId"
          label={T.indicator}
          value={indicatorId}
          error={errors.indicatorId}
          onChange={(e) => {
            const next = new URLSearchParams(search);
            next.set("indikator", e.target.value);
            setSearch(next, { replace: true });
          }}
        >
          <option value="">{T.chooseIndicator}</option>
          {choices.map((i) => (
            <option key={i.indicatorId} value={i.indicatorId}>
              {i.indicatorId} {i.name}
            </option>
          ))}
        </Select>
        {inherited && !forbidden && (
          <Alert variant="info" size="small">
            {T.adjusts(T.origin[inherited.origin], unitName(units, inherited.sourceUnitId),
              inherited.target === null ? T.noTarget : formatTarget(inherited.target, indicator))}
          </Alert>
        )}
        {forbidden && inherited && (
          <Alert variant="warning">{T.forbidden(T.origin[inherited.origin], unitName(units, inherited.sourceUnitId))}</Alert>
        )}
        {own && (
          <Alert variant="warning">
            {T.exists(year)}{" "}
            <Link as={RouterLink} to={`/mal/${unitId}/${own.goalId}`}>
              {T.openExisting}
            </Link>
          </Alert>
        )}
        {!forbidden && !own && (
          <>
            <RadioGroup
              id="mal-ny-classification"
              legend={T.classificationLegend}
              value={classification}
              error={errors.classification}
              onChange={(v: "STEERING" | "MONITORING") => setClassification(v)}
            >
              <Radio value="STEERING" description={T.steeringDescription}>
                {T.classification.STEERING}
              </Radio>
              <Radio value="MONITORING">{T.classification.MONITORING}</Radio>
            </RadioGroup>
            {budgetFull && <Alert variant="warning">{T.budgetFull(budget.steeringGoals, budget.maxSteeringGoals, year)}</Alert>}
            {classification === "STEERING" && (
              <TextField
                id="mal-ny-target"
                label={T.target}
                description={T.targetDescription(indicator?.measure ?? "")}
                inputMode="decimal"
                htmlSize={12}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                error={errors.target}
              />
            )}
            {unit?.level !== "OFFICE" && (
              <RadioGroup
                legend={T.adjustmentLegend}
                value={adjustment}
                onChange={(v: "ALLOWED" | "FORBIDDEN") => setAdjustment(v)}
              >
                <Radio value="ALLOWED">{T.adjustmentYes}</Radio>
                <Radio value="FORBIDDEN">{T.adjustmentNo}</Radio>
              </RadioGroup>
            )}
            <Textarea
              id="mal-ny-rationale"
              label={T.rationale2}
              description={T.rationaleDescription}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              error={errors.rationale}
              maxLength={4000}
            />
          </>
        )}
        <div className="mal-actions">
          {!blocked && (
            <Button type="submit" loading={busy}>
              {T.setGoal}
            </Button>
          )}
          <Button as={RouterLink} to={back} variant="tertiary">
            {T.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
