import { Link as RouterLink, useSearchParams } from "react-router-dom";
import { BodyShort, Button, Heading, HStack, Link, Loader, Select, Table, VStack } from "@navikt/ds-react";
import { PlusIcon } from "@navikt/aksel-icons";
import { useUnits, unitName, type Unit } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "../../session";
import { listLetters, type Letter } from "./api";
import { issuerChoices } from "./access";
import { useLoad } from "./hooks";
import { StatusTag } from "./StatusTag";
import { T } from "./texts";

const FIRST_YEAR = 2000;

export function scopeOf(units: Unit[] | null, letter: Letter): string {
  const issuer = units?.find((u) => u.unitId === letter.issuerUnitId);
  if (issuer?.level === "NATIONAL") return T.scopeNational;
  return T.scopeRegion(unitName(units, letter.issuerUnitId));
}

/** /malbrev?ar=2021: the letters, newest year first. */
export function LetterList() {
  const session = useSession();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("ar")) || undefined;
  const letters = useLoad(() => listLetters(year), String(year ?? ""));
  const thisYear = new Date().getFullYear();
  const years: number[] = [];
  for (let y = thisYear + 5; y >= FIRST_YEAR; y--) years.push(y);
  const mayDraft = units !== null && issuerChoices(session, units).length > 0;

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {T.title}
      </Heading>
      <BodyShort>{T.intro}</BodyShort>
      <HStack gap="space-16" align="end" justify="space-between">
        <Select
          label={T.yearFilter}
          value={year ? String(year) : ""}
          onChange={(e) => setParams(e.target.value ? { ar: e.target.value } : {})}
        >
          <option value="">{T.allYears}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
        {mayDraft && (
          <Button as={RouterLink} to={`/malbrev/ny${year ? `?ar=${year}` : ""}`} icon={<PlusIcon aria-hidden />}>
            {T.newLetter}
          </Button>
        )}
      </HStack>
      <ProblemAlert error={letters.error} />
      {!letters.data && !letters.error && <Loader title={T.loading} />}
      {letters.data && letters.data.length === 0 && <BodyShort>{T.noLetters}</BodyShort>}
      {letters.data && letters.data.length > 0 && (
        <div className="mrs-table-wrap">
          <Table>
            <caption className="aksel-sr-only">{T.listCaption}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{T.col.year}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.col.title}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.col.issuer}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.col.scope}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.col.status}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {T.col.goals}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {letters.data.map((letter) => (
                <Table.Row key={letter.letterId}>
                  <Table.DataCell>{letter.year}</Table.DataCell>
                  <Table.DataCell>
                    <Link as={RouterLink} to={`/malbrev/${letter.letterId}`}>
                      {letter.title}
                    </Link>
                  </Table.DataCell>
                  <Table.DataCell>{unitName(units, letter.issuerUnitId)}</Table.DataCell>
                  <Table.DataCell>{scopeOf(units, letter)}</Table.DataCell>
                  <Table.DataCell>
                    <StatusTag status={letter.status} />
                  </Table.DataCell>
                  <Table.DataCell align="right">{letter.goals.length}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </VStack>
  );
}
