import { Table } from "@navikt/ds-react";
import { formatInstant, monthName } from "../../format";
import { formatTarget, type HistoryEntry, type Indicator } from "./api";
import { T } from "./texts";

/** Every set, revision and retirement of a goal, oldest first: what, who, when and why. */
export function HistoryTable(props: { entries: HistoryEntry[]; indicator?: Indicator; adjusts: boolean }) {
  const { entries, indicator, adjusts } = props;
  const sorted = [...entries].sort((a, b) => a.version - b.version);
  return (
    <div className="mrs-table-wrap">
      <Table aria-label={T.historyCaption}>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{T.colVersion}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.colEvent}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {T.colTarget}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.colWho}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.colWhen}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.colWhy}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {sorted.map((e) => (
            <Table.Row key={e.version}>
              <Table.DataCell>{e.version}</Table.DataCell>
              <Table.DataCell>
                {e.type === "GoalSet" && adjusts ? T.eventAdjusted : (T.event[e.type] ?? e.type)}
              </Table.DataCell>
              <Table.DataCell className="mrs-number">{target(e, indicator)}</Table.DataCell>
              <Table.DataCell>{e.by}</Table.DataCell>
              <Table.DataCell>{formatInstant(e.at)}</Table.DataCell>
              <Table.DataCell>{why(e)}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function target(e: HistoryEntry, indicator?: Indicator): string {
  if (e.type === "GoalRevised" && e.previousTarget !== null) {
    const change = T.targetChange(formatTarget(e.previousTarget, indicator), formatTarget(e.target, indicator));
    return e.effectiveFrom ? `${change} ${T.fromMonth(monthName(e.effectiveFrom))}` : change;
  }
  return e.target === null ? "–" : formatTarget(e.target, indicator);
}

export function why(e: HistoryEntry): string {
  if (e.reason) return e.reason;
  if (e.type === "GoalSet" && e.letterId) return T.whySetByLetter;
  if (e.type === "GoalSet" && e.proposalId) return T.whySetByProposal;
  return T.noReason;
}
