import { useEffect, useState } from "react";
import { Navigate, Route, Routes, useParams, useSearchParams, useNavigate } from "react-router-dom";
import { Alert, BodyShort, Heading, HStack, Loader, ReadMore, Select, Table, Tag, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { useUnits } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { formatInstant, formatPercent } from "../../format";
import { homeUnit, useSession } from "../../session";
import { fetchBurden, type Burden, type Level, type Sort } from "./api";
import { T } from "./texts";

/** Rapporteringsbyrde: /byrde/0000?ar=2021&sortering=tyngst&niva=OFFICE — every choice is in the address. */
export function ByrdeView() {
  const session = useSession();
  return (
    <Routes>
      <Route index element={<Navigate replace to={`/byrde/${homeUnit(session)}`} />} />
      <Route path=":unitId" element={<BurdenPage />} />
      <Route path="*" element={<Alert variant="warning">Siden finnes ikke.</Alert>} />
    </Routes>
  );
}

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => THIS_YEAR - i);

function BurdenPage() {
  const { unitId = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const units = useUnits();
  const askedYear = Number(params.get("ar"));
  const year = askedYear >= 2000 && askedYear <= 2100 ? askedYear : THIS_YEAR;
  const sort: Sort = params.get("sortering") === "enhet" ? "unit" : "heaviest";
  const levelParam = params.get("niva") ?? "";
  const level: Level = levelParam === "OFFICE" || levelParam === "REGION" || levelParam === "NATIONAL" ? levelParam : "";
  const [burden, setBurden] = useState<Burden | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setBurden(null);
    setError(null);
    fetchBurden(unitId, year, sort, level).then((b) => live && setBurden(b), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [unitId, year, sort, level]);

  const go = (unit: string, y: number, s: Sort, l: Level) =>
    navigate(`/byrde/${encodeURIComponent(unit)}?${new URLSearchParams({
      ar: String(y), sortering: s === "unit" ? "enhet" : "tyngst", ...(l ? { niva: l } : {}) })}`);
  const unitText = burden?.unitName ?? units?.find((u) => u.unitId === unitId)?.name ?? unitId;

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">{burden ? T.title(burden.unitName, year) : T.heading}</Heading>
      <BodyShort>{T.intro}</BodyShort>
      <HStack gap="space-16" align="end" wrap>
        <UnitSelect label={T.unit} units={units} value={unitId}
          onChange={(u) => go(u, year, sort, level)} />
        <Select label={T.year} value={String(year)} onChange={(e) => go(unitId, Number(e.target.value), sort, level)}>
          {YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
        </Select>
        <Select label={T.sort} value={sort} onChange={(e) => go(unitId, year, e.target.value as Sort, level)}>
          <option value="heaviest">{T.sortHeaviest}</option>
          <option value="unit">{T.sortUnit}</option>
        </Select>
        <Select label={T.level} value={level} onChange={(e) => go(unitId, year, sort, e.target.value as Level)}>
          <option value="">{T.levelAll}</option>
          {(["REGION", "OFFICE"] as const).map((l) => <option key={l} value={l}>{T.levels[l]}</option>)}
        </Select>
      </HStack>
      {error instanceof ApiError && error.status === 404 ? <Alert variant="warning">{T.unknownUnit(unitId)}</Alert>
        : <ProblemAlert error={error} />}
      {!burden && !error && <Loader size="large" title={T.loading} />}
      {burden && burden.units.length === 0 && <Alert variant="info">{T.empty}</Alert>}
      {burden && burden.units.length > 0 && (
        <>
          {burden.asOf && <BodyShort size="small">{T.updated(formatInstant(burden.asOf))}</BodyShort>}
          <div className="mrs-table-wrap">
            <Table size="small">
              <caption>{T.caption(unitText, year, sort === "heaviest")}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{T.colUnit}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{T.colLevel}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{T.colSteering}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{T.colMonitoring}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{T.colDue}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{T.colSubmissions}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{T.colCorrections}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {burden.units.map((u) => (
                  <Table.Row key={u.unitId} data-unit={u.unitId}>
                    <Table.HeaderCell scope="row">{u.unitName} ({u.unitId})</Table.HeaderCell>
                    <Table.DataCell>{T.levelName[u.level] ?? u.level}</Table.DataCell>
                    <Table.DataCell>
                      <HStack gap="space-8" align="center">
                        <span>{T.steering(u.steeringGoals, u.goalBudget)}{u.ownGoalBudget ? ` (${T.ownBudget})` : ""}</span>
                        {u.overBudget && <Tag variant="warning" size="small">{T.overBudget}</Tag>}
                      </HStack>
                    </Table.DataCell>
                    <Table.DataCell className="mrs-number">{formatPercent(u.monitoringShare)}</Table.DataCell>
                    <Table.DataCell className="mrs-number">{u.indicatorsPerMonth}</Table.DataCell>
                    <Table.DataCell className="mrs-number">{u.submissions}</Table.DataCell>
                    <Table.DataCell className="mrs-number">{u.corrections}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <ReadMore header={T.legendTitle}>
            <ul>
              {T.legend.map((line) => <li key={line}>{line}</li>)}
            </ul>
          </ReadMore>
        </>
      )}
    </VStack>
  );
}
