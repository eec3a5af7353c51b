import { useEffect, useState } from "react";
import { Link as RouterLink, Navigate, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { BodyShort, Button, Heading, Link, Loader, Select, Table, Tag } from "@navikt/ds-react";
import { PlusIcon } from "@navikt/aksel-icons";
import { useSession, homeUnit } from "../../session";
import { unitName, useUnits } from "../../api/units";
import { UnitSelect } from "../../components/UnitSelect";
import { ProblemAlert } from "../../components/ProblemAlert";
import { formatTarget, goalBudget, goalsInForce, letterYears, maySetGoals, useIndicators, type Budget, type Goal } from "./api";
import { useInherited } from "./useInherited";
import { T } from "./texts";

/** /mal/:unitId?ar=YYYY — the goals in force for a unit and year, with the goal budget's use. */
export function GoalList() {
  const session = useSession();
  const { unitId } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get("ar")) || null;
  const [defaultYear, setDefaultYear] = useState<number | null>(null);

  useEffect(() => {
    if (year && unitId) return;
    letterYears().then(
      (years) => setDefaultYear(years[0] ?? new Date().getFullYear()),
      () => setDefaultYear(new Date().getFullYear()),
    );
  }, [year, unitId]);

  if (!unitId || !year) {
    if (year) return <Navigate replace to={`/mal/${homeUnit(session)}?ar=${year}`} />;
    if (!defaultYear) return <Loader title={T.loading} />;
    return <Navigate replace to={`/mal/${unitId ?? homeUnit(session)}?ar=${defaultYear}`} />;
  }
  return <UnitGoals unitId={unitId} year={year} />;
}

function UnitGoals({ unitId, year }: { unitId: string; year: number }) {
  const session = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const indicators = useIndicators();
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const [budget, setBudget] = useState<Budget | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [error, setError] = useState<unknown>(null);
  const inherited = useInherited(goals, units);

  useEffect(() => {
    let live = true;
    setGoals(null);
    setBudget(null);
    setError(null);
    Promise.all([goalsInForce(unitId, year), goalBudget(unitId, year)]).then(
      ([g, b]) => {
        if (!live) return;
        setGoals(g);
        setBudget(b);
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [unitId, year]);

  useEffect(() => {
    letterYears().then(setYears, () => setYears([]));
  }, []);

  const name = unitName(units, unitId);
  const now = new Date().getFullYear();
  const yearChoices = [...new Set([...years, year, now + 1, now, now - 1])].sort((a, b) => b - a);
  const indicator = (id: string) => indicators?.find((i) => i.indicatorId === id);
  const go = (u: string, y: number) => navigate(`/mal/${u}?ar=${y}`);

  return (
    <div className="mal-stack">
      <Heading level="1" size="large">
        {T.title(name, year)}
      </Heading>
      <div className="mal-controls">
        <UnitSelect label={T.unitLabel} units={units} value={unitId} onChange={(u) => go(u, year)} />
        <Select label={T.yearLabel} value={String(year)} onChange={(e) => go(unitId, Number(e.target.value))}>
          {yearChoices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        {maySetGoals(session, units, unitId) && (
          <Button as={RouterLink} to={`/mal/${unitId}/ny?ar=${year}`} variant="secondary" icon={<PlusIcon aria-hidden />}>
            {T.newLocalGoal}
          </Button>
        )}
      </div>
      <ProblemAlert error={error} />
      {budget && (
        <section aria-labelledby="mal-budget">
          <Heading level="2" size="small" id="mal-budget">
            {T.budgetHeading}
          </Heading>
          <BodyShort>
            <strong>{T.budget(budget.steeringGoals, budget.maxSteeringGoals)}</strong>{" "}
            {budget.own ? T.budgetOwn : T.budgetDefault}
          </BodyShort>
        </section>
      )}
      {!goals && !error && <Loader title={T.loading} />}
      {goals && goals.length === 0 && <BodyShort>{T.none}</BodyShort>}
      {goals && goals.length > 0 && (
        <div className="mrs-table-wrap">
          <Table aria-label={T.tableCaption(name, year)}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{T.colIndicator}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.colOrigin}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.colClassification}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {T.colTarget}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.colAdjustment}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.colMainGoal}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {goals.map((g) => {
                const ind = indicator(g.indicatorId);
                const above = inherited.get(g.goalId);
                return (
                  <Table.Row key={g.goalId}>
                    <Table.DataCell>
                      <Link as={RouterLink} to={`/mal/${unitId}/${g.goalId}`}>
                        {g.indicatorId} {ind?.name ?? ""}
                      </Link>
                    </Table.DataCell>
                    <Table.DataCell>{T.originFrom(T.origin[g.origin], unitName(units, g.sourceUnitId))}</Table.DataCell>
                    <Table.DataCell>
                      <Tag size="small" variant={g.classification === "STEERING" ? "info" : "neutral"}>
                        {T.classification[g.classification]}
                      </Tag>
                    </Table.DataCell>
                    <Table.DataCell align="right" className="mrs-number">
                      {g.target === null ? T.noTarget : formatTarget(g.target, ind)}
                    </Table.DataCell>
                    <Table.DataCell>
                      {above
                        ? T.adjustedFrom(above.target === null ? null : formatTarget(above.target, ind),
                            T.origin[above.origin])
                        : g.localAdjustment === "FORBIDDEN"
                          ? T.adjustmentForbidden
                          : T.adjustmentAllowed}
                    </Table.DataCell>
                    <Table.DataCell>{g.mainGoal ?? "–"}</Table.DataCell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
