import { useRef, useState } from "react";
import { BodyShort, Button, ErrorSummary, Modal, Textarea, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { decide, type Indicator, type Proposal } from "./api";
import { formatTarget } from "./ProposalCard";
import { T } from "./texts";

const REASON_ID = "vedtak-begrunnelse";

/** The leader adopts or rejects a proposal; either needs a reason. */
export function DecisionModal(props: {
  proposal: Proposal;
  indicator: Indicator | undefined;
  onClose: () => void;
  onDecided: (proposal: Proposal) => void;
}) {
  const { proposal, indicator, onClose, onDecided } = props;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<"ADOPT" | "REJECT" | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const send = async (decision: "ADOPT" | "REJECT") => {
    setFailure(null);
    if (!reason.trim()) {
      setError(T.reasonRequired);
      setTimeout(() => summary.current?.focus(), 0);
      return;
    }
    setBusy(decision);
    try {
      onDecided(await decide(proposal.proposalId, decision, reason.trim()));
    } catch (e) {
      const field = e instanceof ApiError ? e.fieldErrors().reason : undefined;
      if (field) {
        setError(field);
        setTimeout(() => summary.current?.focus(), 0);
      } else {
        setError(null);
        setFailure(e);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open onClose={onClose} header={{ heading: T.modalHeading }} width="medium">
      <Modal.Body>
        <VStack gap="space-16">
          <BodyShort weight="semibold">
            {T.proposalHeading(proposal.indicatorId, indicator?.name ?? "", proposal.year)}
          </BodyShort>
          <BodyShort>
            {T.fieldTarget}: {formatTarget(proposal, indicator)}
          </BodyShort>
          <BodyShort>
            {T.fieldRationale}: {proposal.rationale ?? T.noRationale}
          </BodyShort>
          <ProblemAlert error={failure} />
          {error && (
            <ErrorSummary ref={summary} heading={T.decisionSummary} headingTag="h2">
              <ErrorSummary.Item href={`#${REASON_ID}`}>{error}</ErrorSummary.Item>
            </ErrorSummary>
          )}
          <Textarea
            id={REASON_ID}
            label={T.reason}
            description={T.reasonHelp}
            maxLength={4000}
            value={reason}
            error={error ?? undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </VStack>
      </Modal.Body>
      <Modal.Footer>
        <Button type="button" onClick={() => send("ADOPT")} loading={busy === "ADOPT"} disabled={busy !== null}>
          {T.adopt}
        </Button>
        <Button type="button" variant="danger" onClick={() => send("REJECT")} loading={busy === "REJECT"} disabled={busy !== null}>
          {T.reject}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {T.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
