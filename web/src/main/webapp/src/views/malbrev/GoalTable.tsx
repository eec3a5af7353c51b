import { Table } from "@navikt/ds-react";
import { formatNumber } from "../../format";
import type { Indicator, LetterGoal } from "./api";
import { T } from "./texts";

export function indicatorLabel(indicators: Indicator[] | null, indicatorId: string): string {
  const indicator = indicators?.find((i) => i.indicatorId === indicatorId);
  return indicator ? `${indicatorId} ${indicator.name}` : indicatorId;
}

export function formatTarget(goal: LetterGoal, indicators: Indicator[] | null): string {
  if (goal.target === null || goal.target === undefined) return T.noTarget;
  const measure = indicators?.find((i) => i.indicatorId === goal.indicatorId)?.measure;
  return measure === "RATIO" ? `${formatNumber(goal.target)} %` : formatNumber(goal.target);
}

/** The letter's goals, as they will be (or were) put in force. */
export function GoalTable({ goals, indicators }: { goals: LetterGoal[]; indicators: Indicator[] | null }) {
  return (
    <div className="mrs-table-wrap">
      <Table>
        <caption className="aksel-sr-only">{T.goalsHeading}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{T.goalCol.indicator}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.goalCol.classification}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {T.goalCol.target}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.goalCol.mainGoal}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.goalCol.adjustment}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {goals.map((goal) => (
            <Table.Row key={goal.indicatorId}>
              <Table.HeaderCell scope="row">{indicatorLabel(indicators, goal.indicatorId)}</Table.HeaderCell>
              <Table.DataCell>{T.classification[goal.classification]}</Table.DataCell>
              <Table.DataCell align="right">{formatTarget(goal, indicators)}</Table.DataCell>
              <Table.DataCell>{goal.mainGoal ?? "–"}</Table.DataCell>
              <Table.DataCell>{T.adjustment[goal.localAdjustment]}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
