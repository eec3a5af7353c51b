import { useCallback, useEffect, useRef, useState } from "react";
import { Link as RouterLink, useNavigate, useParams } from "react-router-dom";
import { Alert, BodyShort, Button, Heading, Link, Loader } from "@navikt/ds-react";
import { useSession } from "../../session";
import { unitName, useUnits } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatTarget, goal as fetchGoal, history as fetchHistory, maySetGoals, mayChange, useIndicators, type Goal, type HistoryEntry } from "./api";
import { useInherited } from "./useInherited";
import { HistoryTable } from "./HistoryTable";
import { ReviseForm } from "./ReviseForm";
import { RetireForm } from "./RetireForm";
import { T } from "./texts";

/** /mal/:unitId/:goalId (…/revider, …/avslutt) — one goal, its history, and its revision or retirement. */
export function GoalPage({ mode }: { mode: "view" | "revise" | "retire" }) {
  const { unitId = "", goalId = "" } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const indicators = useIndicators();
  const [goal, setGoal] = useState<Goal | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const inherited = useInherited(goal ? [goal] : null, units);

  const load = useCallback(() => {
    return Promise.all([fetchGoal(goalId), fetchHistory(goalId)]).then(
      ([g, h]) => {
        setGoal(g);
        setEntries(h);
        setError(null);
      },
      setError,
    );
  }, [goalId]);

  useEffect(() => {
    setGoal(null);
    setEntries(null);
    load();
  }, [load]);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  useEffect(() => {
    if (mode !== "view") setDone(null);
  }, [mode]);

  if (error && !goal) return <ProblemAlert error={error} />;
  if (!goal || !entries) return <Loader title={T.loading} />;

  const indicator = indicators?.find((i) => i.indicatorId === goal.indicatorId);
  const above = inherited.get(goal.goalId);
  const base = `/mal/${unitId}/${goalId}`;
  const canChange = goal.status === "ACTIVE" && mayChange(session, units, goal);
  const inheritedHere = goal.sourceUnitId !== unitId;
  const canAdjust = goal.status === "ACTIVE" && inheritedHere && maySetGoals(session, units, unitId);
  const saved = (message: string) => {
    load().then(() => {
      setDone(message);
      navigate(base);
    });
  };

  return (
    <div className="mal-stack">
      <Link as={RouterLink} to={`/mal/${unitId}?ar=${goal.year}`}>
        {T.back(unitName(units, unitId), goal.year)}
      </Link>
      <Heading level="1" size="large">
        {T.goalTitle(goal.indicatorId, indicator?.name ?? "")}
      </Heading>
      {done && mode === "view" && (
        <Alert variant="success" role="status">
          <div ref={doneRef} tabIndex={-1}>
            {done}
          </div>
        </Alert>
      )}
      <dl className="mal-facts" aria-label={T.factsLabel}>
        <dt>{T.unit}</dt>
        <dd>{T.originFrom(T.origin[goal.origin], unitName(units, goal.sourceUnitId))}</dd>
        <dt>{T.year}</dt>
        <dd>{goal.year}</dd>
        <dt>{T.colClassification}</dt>
        <dd>{T.classification[goal.classification]}</dd>
        <dt>{T.colTarget}</dt>
        <dd>{goal.target === null ? T.noTarget : formatTarget(goal.target, indicator)}</dd>
        <dt>{T.colAdjustment}</dt>
        <dd>
          {above
            ? T.adjustedFrom(above.target === null ? null : formatTarget(above.target, indicator),
                T.origin[above.origin])
            : goal.localAdjustment === "FORBIDDEN"
              ? T.adjustmentForbidden
              : T.adjustmentAllowed}
        </dd>
        {goal.mainGoal && (
          <>
            <dt>{T.colMainGoal}</dt>
            <dd>{goal.mainGoal}</dd>
          </>
        )}
        <dt>{T.status}</dt>
        <dd>{goal.status === "ACTIVE" ? T.active : T.retired}</dd>
        <dt>{T.version}</dt>
        <dd>{goal.version}</dd>
      </dl>
      {goal.status === "RETIRED" && <Alert variant="info">{T.retiredInfo}</Alert>}
      {mode === "view" && (canChange || canAdjust) && (
        <div className="mal-actions">
          {canChange && (
            <>
              <Button as={RouterLink} to={`${base}/revider`} variant="primary">
                {T.revise}
              </Button>
              <Button as={RouterLink} to={`${base}/avslutt`} variant="secondary">
                {T.retire}
              </Button>
            </>
          )}
          {canAdjust && goal.localAdjustment !== "FORBIDDEN" && (
            <Button
              as={RouterLink}
              to={`/mal/${unitId}/ny?ar=${goal.year}&indikator=${encodeURIComponent(goal.indicatorId)}`}
              variant="secondary"
            >
              {T.adjust}
            </Button>
          )}
        </div>
      )}
      {mode === "view" && goal.status === "ACTIVE" && !canChange && goal.origin === "CENTRAL" &&
        maySetGoals(session, units, unitId) && <BodyShort>{T.noAccessCentral}</BodyShort>}
      {mode === "view" && canAdjust && goal.localAdjustment === "FORBIDDEN" && (
        <BodyShort>{T.adjustForbidden(unitName(units, goal.sourceUnitId))}</BodyShort>
      )}
      {mode === "revise" && canChange && (
        <ReviseForm
          goal={goal}
          indicator={indicator}
          onSaved={() => saved(T.saved)}
          onConflict={load}
          onCancel={() => navigate(base)}
        />
      )}
      {mode === "retire" && canChange && (
        <RetireForm goal={goal} onSaved={() => saved(T.retiredSaved)} onConflict={load} onCancel={() => navigate(base)} />
      )}
      {mode !== "view" && !canChange && <Alert variant="info">{goal.origin === "CENTRAL" ? T.noAccessCentral : T.noRights}</Alert>}
      <ProblemAlert error={error} />
      <section aria-labelledby="mal-historikk">
        <Heading level="2" size="medium" id="mal-historikk">
          {T.historyHeading}
        </Heading>
        <BodyShort>{T.historyCaption}</BodyShort>
        <HistoryTable entries={entries} indicator={indicator} adjusts={!!above} />
      </section>
    </div>
  );
}
