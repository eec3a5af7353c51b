import { Button, Table, Tag } from "@navikt/ds-react";
import { PadlockLockedIcon } from "@navikt/aksel-icons";
import { formatInstant, monthName } from "../../format";
import type { PeriodLock } from "./api";
import { T } from "./texts";

/** The months, newest first, each open or locked (by whom, when, why). */
export function PeriodTable(props: {
  year: number;
  months: string[];
  locks: Map<string, PeriodLock>;
  mayLock: boolean;
  onLock: (period: string) => void;
}) {
  const { year, months, locks, mayLock, onLock } = props;
  return (
    <div className="mrs-table-wrap">
      <Table>
        <caption className="aksel-sr-only">{T.caption(year)}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{T.col.month}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.col.status}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.col.lockedBy}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.col.lockedAt}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.col.reason}</Table.HeaderCell>
            {mayLock && <Table.HeaderCell scope="col">{T.col.action}</Table.HeaderCell>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {months.map((period) => {
            const lock = locks.get(period);
            return (
              <Table.Row key={period}>
                <Table.HeaderCell scope="row">{monthName(period)}</Table.HeaderCell>
                <Table.DataCell>
                  {lock ? (
                    <Tag size="small" variant="moderate" data-color="neutral" icon={<PadlockLockedIcon aria-hidden />}>
                      {T.locked}
                    </Tag>
                  ) : (
                    <Tag size="small" variant="moderate" data-color="success">
                      {T.open}
                    </Tag>
                  )}
                </Table.DataCell>
                <Table.DataCell>{lock?.lockedBy ?? "–"}</Table.DataCell>
                <Table.DataCell>{lock ? formatInstant(lock.lockedAt) : "–"}</Table.DataCell>
                <Table.DataCell>{lock?.reason ?? "–"}</Table.DataCell>
                {mayLock && (
                  <Table.DataCell>
                    {!lock && (
                      <Button size="small" variant="secondary" icon={<PadlockLockedIcon aria-hidden />} onClick={() => onLock(period)}>
                        {T.lock(period)}
                      </Button>
                    )}
                  </Table.DataCell>
                )}
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
