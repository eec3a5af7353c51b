import { useEffect, useState } from "react";
import { Link as RouterLink } from "react-router-dom";
import { Alert, BodyShort, Link, Loader, Switch, Table, VStack } from "@navikt/ds-react";
import { CheckmarkCircleFillIcon, XMarkOctagonFillIcon } from "@navikt/aksel-icons";
import { ApiError } from "../../api/client";
import type { Unit } from "../../api/units";
import { duty, fetchIndicators, sortIndicators, type Duty, type Indicator } from "./data";
import { T } from "./texts";

interface OfficeStatus {
  office: Unit;
  duty: Duty;
}

/**
 * Which offices below a unit have reported which indicators for a month: computed from the public APIs (each
 * office's goals in force and its results for the month and the same month last year), as the form does.
 */
export function StatusTable(props: { offices: Unit[]; unitName: string; period: string; monthText: string;
  onlyMissing: boolean; onOnlyMissing: (on: boolean) => void }) {
  const { offices, unitName, period, monthText, onlyMissing, onOnlyMissing } = props;
  const [rows, setRows] = useState<OfficeStatus[] | null>(null);
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setRows(null);
    setError(null);
    Promise.all([fetchIndicators(), Promise.all(offices.map((o) => duty(o.unitId, period)))]).then(
      ([catalogue, duties]) => {
        if (!live) return;
        const used = new Set<string>();
        duties.forEach((d) => [...d.expected, ...d.current.keys()].forEach((id) => used.add(id)));
        setIndicators(sortIndicators(catalogue.filter((i) => used.has(i.indicatorId))));
        setRows(offices.map((office, i) => ({ office, duty: duties[i] })));
      },
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [offices, period]);

  if (error) return <Alert variant="error">{error instanceof ApiError ? error.message : T.loadFailed}</Alert>;
  if (!rows) return <Loader size="large" title={T.loading} />;
  if (rows.length === 0) return <Alert variant="info">{T.status.noOffices}</Alert>;

  const missing = (row: OfficeStatus) => [...row.duty.expected].filter((id) => !row.duty.current.has(id)).length;
  const shown = onlyMissing ? rows.filter((r) => missing(r) > 0) : rows;

  return (
    <VStack gap="space-16">
      <Switch checked={onlyMissing} onChange={(e) => onOnlyMissing(e.target.checked)}>
        {T.status.onlyMissing}
      </Switch>
      {shown.length === 0 && <Alert variant="success">{T.status.allReported}</Alert>}
      <div className="mrs-table-wrap rapport-status-wrap" tabIndex={0} role="region" aria-label={T.status.caption(unitName, monthText)}>
        <Table size="small" zebraStripes>
          <caption className="aksel-sr-only">{T.status.caption(unitName, monthText)}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{T.status.office}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{T.status.count}</Table.HeaderCell>
              {indicators.map((i) => (
                <Table.HeaderCell key={i.indicatorId} scope="col">
                  <abbr title={i.name}>{i.indicatorId}</abbr>
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {shown.map((row) => (
              <Table.Row key={row.office.unitId}>
                <Table.HeaderCell scope="row">
                  <Link as={RouterLink} to={`/rapportering/${row.office.unitId}?periode=${period}`}>
                    {row.office.name} ({row.office.unitId})
                  </Link>
                </Table.HeaderCell>
                <Table.DataCell className="mrs-number">
                  {T.status.countValue(row.duty.expected.size - missing(row), row.duty.expected.size)}
                </Table.DataCell>
                {indicators.map((i) => (
                  <Table.DataCell key={i.indicatorId}>
                    <Cell reported={row.duty.current.has(i.indicatorId)} expected={row.duty.expected.has(i.indicatorId)} />
                  </Table.DataCell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <section aria-labelledby="rapport-status-legend">
        <BodyShort weight="semibold" id="rapport-status-legend" spacing>
          {T.status.legend}
        </BodyShort>
        <ul className="rapport-legend">
          {indicators.map((i) => (
            <li key={i.indicatorId}>
              <BodyShort size="small">
                {i.indicatorId}: {i.name}
              </BodyShort>
            </li>
          ))}
        </ul>
      </section>
    </VStack>
  );
}

/** The status as a word, and as an icon whose text alternative is the same word (read once by screen readers). */
function Cell({ reported, expected }: { reported: boolean; expected: boolean }) {
  if (!reported && !expected) return <span className="rapport-cell">{T.status.notExpected}</span>;
  const text = reported ? T.status.reported : T.status.missing;
  const Icon = reported ? CheckmarkCircleFillIcon : XMarkOctagonFillIcon;
  return (
    <span className={`rapport-cell ${reported ? "rapport-cell--ok" : "rapport-cell--missing"}`}>
      <Icon title={text} fontSize="1.25rem" />
      <span aria-hidden>{text}</span>
    </span>
  );
}
