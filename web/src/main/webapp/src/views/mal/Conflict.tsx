import { Alert, Button, Heading } from "@navikt/ds-react";
import { useEffect, useRef } from "react";
import { formatInstant } from "../../format";
import { formatTarget, type Goal, type HistoryEntry, type Indicator } from "./api";
import { why } from "./HistoryTable";
import { T } from "./texts";

export interface Newer {
  goal: Goal;
  latest: HistoryEntry | undefined;
}

/** A stale edit was refused: the newer version (target, who, when, why) and a way to start again from it. */
export function Conflict(props: { newer: Newer; indicator?: Indicator; onStartAgain: () => void }) {
  const { newer, indicator, onStartAgain } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [newer]);
  const latest = newer.latest;
  return (
    <Alert variant="warning">
      <Heading level="2" size="small" ref={heading} tabIndex={-1} spacing>
        {T.conflictHeading}
      </Heading>
      <p>{T.conflict(latest?.by ?? "–", formatInstant(latest?.at))}</p>
      <Heading level="3" size="xsmall">
        {T.conflictNewer}
      </Heading>
      <dl className="mal-facts">
        <dt>{T.conflictVersion}</dt>
        <dd>{newer.goal.version}</dd>
        <dt>{T.conflictTarget}</dt>
        <dd>{formatTarget(newer.goal.target, indicator)}</dd>
        <dt>{T.conflictWho}</dt>
        <dd>{latest?.by ?? "–"}</dd>
        <dt>{T.conflictWhy}</dt>
        <dd>{latest ? why(latest) : "–"}</dd>
      </dl>
      <Button type="button" variant="secondary" size="small" onClick={onStartAgain}>
        {T.startAgain}
      </Button>
    </Alert>
  );
}
