import { useCallback, useEffect, useRef, useState } from "react";
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { Alert, BodyLong, Heading, Link, Loader, VStack } from "@navikt/ds-react";
import { unitName, useUnits } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { UnitSelect } from "../../components/UnitSelect";
import { hasRole, useSession } from "../../session";
import { covers, fetchIndicators, fetchProposals, usableAt, type Indicator, type Proposal } from "./api";
import { DecisionModal } from "./DecisionModal";
import { ProposalForm } from "./ProposalForm";
import { ProposalList } from "./ProposalList";
import { T } from "./texts";
import "./forslag.css";

export function ForslagPage() {
  const { unitId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const units = useUnits();
  const [indicators, setIndicators] = useState<Indicator[] | null>(null);
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [decided, setDecided] = useState<Proposal | null>(null);
  const decidedAlert = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    return fetchProposals(unitId).then(setProposals, setFailure);
  }, [unitId]);

  useEffect(() => {
    fetchIndicators().then(setIndicators, setFailure);
  }, []);

  useEffect(() => {
    setProposals(null);
    setFailure(null);
    setDecided(null);
    load();
  }, [load]);

  const mine = units ? covers(units, session.units, unitId) : false;
  const canDecide = mine && hasRole(session, "leader", "directorate");
  const byId = new Map((indicators ?? []).map((i) => [i.indicatorId, i]));
  const deciding = params.get("behandle");
  const decidingProposal = deciding ? proposals?.find((p) => p.proposalId === deciding) : undefined;

  const closeDecision = () => {
    params.delete("behandle");
    setParams(params);
  };

  const onDecided = (proposal: Proposal) => {
    closeDecision();
    setDecided(proposal);
    load().then(() => decidedAlert.current?.focus());
  };

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large">
        {T.heading}
      </Heading>
      <BodyLong>{T.intro}</BodyLong>
      <div className="mrs-forslag-unit">
        <UnitSelect label={T.unit} units={units} value={unitId} onChange={(id) => navigate(`/forslag/${id}`)} />
      </div>
      <ProblemAlert error={failure} />
      {decided && (
        <Alert variant="success" ref={decidedAlert} tabIndex={-1}>
          {decided.status === "ADOPTED" ? T.adopted(decided.indicatorId, decided.year) : T.rejected(decided.indicatorId, decided.year)}
          {decided.status === "ADOPTED" && decided.goalId && (
            <>
              {" "}
              <Link as={RouterLink} to={`/mal/${decided.unitId}/${decided.goalId}`}>
                {T.goalLink(decided.indicatorId, decided.year)}
              </Link>
            </>
          )}
        </Alert>
      )}
      {deciding && proposals && !decidingProposal && <Alert variant="warning">{T.notFound}</Alert>}
      {units && indicators && (mine ? (
        <ProposalForm unitId={unitId} indicators={usableAt(indicators, units, unitId)} onSent={() => load()} />
      ) : (
        <Alert variant="info">{T.noRight}</Alert>
      ))}
      {proposals ? (
        <ProposalList
          heading={T.listHeading(unitName(units, unitId))}
          proposals={proposals}
          indicators={byId}
          me={session.subject}
          canDecide={canDecide}
          onDecide={(p) => setParams({ behandle: p.proposalId })}
        />
      ) : (
        !failure && <Loader title={T.loading} />
      )}
      {decidingProposal && (
        decidingProposal.status === "PROPOSED" && canDecide ? (
          <DecisionModal
            key={decidingProposal.proposalId}
            proposal={decidingProposal}
            indicator={byId.get(decidingProposal.indicatorId)}
            onClose={closeDecision}
            onDecided={onDecided}
          />
        ) : (
          <Alert variant="info">{T.alreadyDecided}</Alert>
        )
      )}
    </VStack>
  );
}
