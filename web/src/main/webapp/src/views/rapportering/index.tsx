import { useMemo, useState } from "react";
import { Link as RouterLink, Navigate, Route, Routes, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { BodyShort, Heading, HStack, Link, Loader, VStack } from "@navikt/ds-react";
import { unitName, useUnits, type Unit } from "../../api/units";
import { MonthSelect } from "../../components/MonthSelect";
import { UnitSelect } from "../../components/UnitSelect";
import { monthName, monthsBetween } from "../../format";
import { hasRole, homeUnit, useSession } from "../../session";
import { covered, officesBelow } from "./data";
import { CsvUpload } from "./CsvUpload";
import { ReportForm } from "./ReportForm";
import { StatusTable } from "./StatusTable";
import { T } from "./texts";
import "./rapportering.css";

/** The current month in Norway (the service refuses months after it). */
function thisMonth(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit" })
    .formatToParts(new Date());
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

function previousMonth(period: string): string {
  const [year, month] = period.split("-").map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

function usePeriod(): [string, (p: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get("periode");
  const period = asked && PERIOD.test(asked) ? asked : previousMonth(thisMonth());
  return [period, (p) => setParams((old) => {
    const next = new URLSearchParams(old);
    next.set("periode", p);
    return next;
  })];
}

export function RapporteringView() {
  return (
    <Routes>
      <Route index element={<DefaultUnit status={false} />} />
      <Route path="status" element={<DefaultUnit status />} />
      <Route path="status/:unitId" element={<StatusPage />} />
      <Route path=":unitId" element={<FormPage />} />
    </Routes>
  );
}

/**
 * /rapportering → an office's person gets their office's form; a region's or the nation's person the status of
 * the offices below them (from there each office's form is a link away). The month is last month unless given.
 */
function DefaultUnit({ status }: { status: boolean }) {
  const session = useSession();
  const units = useUnits();
  const [period] = usePeriod();
  if (!units) return <Loader size="large" title={T.loading} />;
  const home = homeUnit(session);
  const atOffice = units.find((u) => u.unitId === home)?.level === "OFFICE";
  return <Navigate replace to={`/rapportering/${status || !atOffice ? "status/" : ""}${home}?periode=${period}`} />;
}

function Months(props: { period: string; onChange: (p: string) => void }) {
  const months = useMemo(() => monthsBetween("2020-01", thisMonth()), []);
  return <MonthSelect label={T.month} months={months} value={props.period} onChange={props.onChange} />;
}

function FormPage() {
  const { unitId = "" } = useParams();
  const [period, setPeriod] = usePeriod();
  const session = useSession();
  const navigate = useNavigate();
  const units = useUnits(period);
  const [reloadKey, setReloadKey] = useState(0);
  const canSubmit = hasRole(session, "reporter", "leader", "directorate");
  // offices one may report for; everyone may read every office
  const choices: Unit[] | null = useMemo(() => {
    if (!units) return null;
    const mine = covered(units, session.units);
    const own = units.filter((u) => u.level === "OFFICE" && mine.has(u.unitId));
    const shown = units.find((u) => u.unitId === unitId);
    // an office outside one's own (opened by its address) stays readable and selected
    return canSubmit && own.length > 0 ? [...own, ...(shown && !own.includes(shown) ? [shown] : [])]
      : units.filter((u) => u.level === "OFFICE");
  }, [units, session.units, canSubmit, unitId]);
  const name = unitName(units, unitId);
  // a leader of the office or a unit above it, or the directorate, may confirm a figure marked as an outlier
  const canConfirm = hasRole(session, "leader", "directorate") && !!units
    && covered(units, session.units).has(unitId);

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {T.title}
      </Heading>
      <BodyShort>{T.intro}</BodyShort>
      <HStack gap="space-16" align="end" wrap>
        <UnitSelect label={T.unit} units={choices} levels={["OFFICE"]} value={unitId}
          onChange={(u) => navigate(`/rapportering/${u}?periode=${period}`)} />
        <Months period={period} onChange={setPeriod} />
      </HStack>
      <Link as={RouterLink} to={`/rapportering/status/${units?.find((u) => u.unitId === unitId)?.parentId ?? unitId}?periode=${period}`}>
        {T.statusLink}
      </Link>
      <ReportForm unitId={unitId} unitName={name} period={period} monthText={monthName(period)} canSubmit={canSubmit}
        canConfirm={canConfirm} reloadKey={reloadKey} />
      {canSubmit && <CsvUpload onUploaded={() => setReloadKey((k) => k + 1)} />}
    </VStack>
  );
}

function StatusPage() {
  const { unitId = "" } = useParams();
  const [period, setPeriod] = usePeriod();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const units = useUnits(period);
  const offices = useMemo(() => (units ? officesBelow(units, unitId) : null), [units, unitId]);
  const onlyMissing = params.get("vis") === "manglende";
  const name = unitName(units, unitId);

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {T.statusTitle}
      </Heading>
      <BodyShort>{T.status.intro}</BodyShort>
      <HStack gap="space-16" align="end" wrap>
        <UnitSelect label={T.statusUnit} units={units} levels={["NATIONAL", "REGION", "OFFICE"]} value={unitId}
          onChange={(u) => navigate(`/rapportering/status/${u}?${new URLSearchParams({ ...Object.fromEntries(params), periode: period })}`)} />
        <Months period={period} onChange={setPeriod} />
      </HStack>
      {offices === null ? (
        <Loader size="large" title={T.loading} />
      ) : (
        <StatusTable offices={offices} unitName={name} period={period} monthText={monthName(period)}
          onlyMissing={onlyMissing}
          onOnlyMissing={(on) => setParams((old) => {
            const next = new URLSearchParams(old);
            if (on) next.set("vis", "manglende");
            else next.delete("vis");
            return next;
          })} />
      )}
      {offices && offices.length === 1 && (
        <Link as={RouterLink} to={`/rapportering/${offices[0].unitId}?periode=${period}`}>
          {T.formLink}
        </Link>
      )}
    </VStack>
  );
}
