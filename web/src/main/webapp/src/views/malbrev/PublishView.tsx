import { useEffect, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { Alert, BodyShort, Button, Heading, HStack, List, Loader, Modal, Table, Tag, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { useUnits, unitName, type Unit } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "../../session";
import { getLetter, goalBudget, goalsInForce, publishLetter, type BudgetExcess, type Letter } from "./api";
import { mayIssueFor } from "./access";
import { chainTo, costFor, subtreeOf, type UnitCost } from "./budget";
import { GoalTable } from "./GoalTable";
import { useIndicators, useLoad } from "./hooks";
import { BackLink } from "./LetterDetails";
import { T } from "./texts";

async function loadCosts(letter: Letter, units: Unit[]): Promise<UnitCost[]> {
  const affected = subtreeOf(units, letter.issuerUnitId);
  return Promise.all(
    affected.map(async (unitId) => {
      const [inForce, budget] = await Promise.all([goalsInForce(unitId, letter.year), goalBudget(unitId, letter.year)]);
      return costFor(unitId, chainTo(units, unitId), letter.issuerUnitId, letter.goals, inForce, budget);
    }),
  );
}

/** /malbrev/:letterId/publiser — what the letter costs each unit's goal budget, then publication with a confirm. */
export function PublishView() {
  const { letterId = "" } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const units = useUnits();
  const indicators = useIndicators();
  const { data: letter, error } = useLoad(() => getLetter(letterId), letterId);
  const [costs, setCosts] = useState<UnitCost[] | null>(null);
  const [costError, setCostError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const refusalRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!letter || !units) return;
    let live = true;
    setCosts(null);
    loadCosts(letter, units).then(
      (c) => live && setCosts(c),
      (e: unknown) => live && setCostError(e),
    );
    return () => {
      live = false;
    };
  }, [letter, units]);

  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  if (error) {
    return (
      <VStack gap="space-16">
        <BackLink />
        <ProblemAlert error={error} />
      </VStack>
    );
  }
  if (!letter || !units) return <Loader title={T.loading} />;
  const issuer = units.find((u) => u.unitId === letter.issuerUnitId);
  const mayPublish = letter.status === "DRAFT" && issuer !== undefined && mayIssueFor(session, units, issuer);
  const over = costs?.filter((c) => c.verdict === "over") ?? [];

  async function publish() {
    if (!letter) return;
    setPublishing(true);
    setRefusal(null);
    try {
      await publishLetter(letter.letterId, letter.version);
      navigate(`/malbrev/${letter.letterId}?publisert=ja`);
    } catch (e) {
      setPublishing(false);
      setConfirming(false);
      setRefusal(e);
    }
  }

  const excess: BudgetExcess[] =
    refusal instanceof ApiError && refusal.slug === "goal-budget-exceeded"
      ? ((refusal.problem.units as BudgetExcess[] | undefined) ?? [])
      : [];

  return (
    <VStack gap="space-24">
      <BackLink />
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {T.publishHeading}
        </Heading>
        <BodyShort>
          {letter.title} · {T.col.year} {letter.year} · {T.col.issuer}: {unitName(units, letter.issuerUnitId)}
        </BodyShort>
      </VStack>
      {letter.status !== "DRAFT" && <Alert variant="info">{T.notDraft}</Alert>}
      {refusal !== null && (
        <div ref={refusalRef} tabIndex={-1}>
          {excess.length > 0 ? (
            <Alert variant="error" role="alert">
              <BodyShort spacing>{T.budgetExceeded}</BodyShort>
              <List>
                {excess.map((e) => (
                  <List.Item key={e.unitId}>
                    {T.excess(`${unitName(units, e.unitId)} (${e.unitId})`, e.steeringGoals, e.maxSteeringGoals)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <ProblemAlert error={refusal} />
          )}
        </div>
      )}
      <section aria-labelledby="malbrev-kostnad">
        <Heading level="2" size="medium" id="malbrev-kostnad" spacing>
          {T.costHeading}
        </Heading>
        <BodyShort spacing>{T.costIntro}</BodyShort>
        <ProblemAlert error={costError} />
        {!costs && !costError && <Loader title={T.loading} />}
        {costs && (
          <VStack gap="space-16">
            {over.length > 0 ? (
              <Alert variant="warning">{T.overSummary(over.length)}</Alert>
            ) : (
              <Alert variant="success">{T.allWithin}</Alert>
            )}
            <CostTable costs={costs} units={units} year={letter.year} />
          </VStack>
        )}
      </section>
      <section aria-labelledby="malbrev-mal">
        <Heading level="2" size="medium" id="malbrev-mal" spacing>
          {T.goalsHeading}
        </Heading>
        <GoalTable goals={letter.goals} indicators={indicators} />
      </section>
      {mayPublish && (
        <HStack>
          <Button onClick={() => setConfirming(true)} disabled={!costs}>
            {T.publish}
          </Button>
        </HStack>
      )}
      <Modal open={confirming} onClose={() => setConfirming(false)} header={{ heading: T.confirmHeading }} width="medium">
        <Modal.Body>
          <BodyShort>{T.confirmText(letter.title, letter.year)}</BodyShort>
          {over.length > 0 && <BodyShort spacing>{T.overSummary(over.length)}</BodyShort>}
        </Modal.Body>
        <Modal.Footer>
          <Button onClick={publish} loading={publishing}>
            {T.confirm}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {T.cancel}
          </Button>
        </Modal.Footer>
      </Modal>
    </VStack>
  );
}

function CostTable({ costs, units, year }: { costs: UnitCost[]; units: Unit[]; year: number }) {
  return (
    <div className="mrs-table-wrap">
      <Table size="small">
        <caption className="aksel-sr-only">{T.costCaption(year)}</caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{T.costCol.unit}</Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {T.costCol.now}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {T.costCol.after}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" align="right">
              {T.costCol.max}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{T.costCol.verdict}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {costs.map((c) => (
            <Table.Row key={c.unitId}>
              <Table.HeaderCell scope="row">
                {unitName(units, c.unitId)} ({c.unitId})
              </Table.HeaderCell>
              <Table.DataCell align="right">{c.now}</Table.DataCell>
              <Table.DataCell align="right">{c.after}</Table.DataCell>
              <Table.DataCell align="right">{c.max}</Table.DataCell>
              <Table.DataCell>
                <VStack gap="space-4" align="start">
                  <Tag
                    size="small"
                    variant="moderate"
                    data-color={c.verdict === "within" ? "success" : c.verdict === "over" ? "danger" : "warning"}
                  >
                    {T.verdict[c.verdict]}
                  </Tag>
                  {c.blocked.length > 0 && <BodyShort size="small">{T.blocked(c.blocked)}</BodyShort>}
                </VStack>
              </Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
