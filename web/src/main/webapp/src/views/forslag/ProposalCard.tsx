import { Link as RouterLink } from "react-router-dom";
import { BodyLong, Box, Button, Heading, HStack, Link, Tag } from "@navikt/ds-react";
import { CheckmarkCircleIcon, ClockIcon, XMarkOctagonIcon } from "@navikt/aksel-icons";
import { formatInstant, formatNumber } from "../../format";
import type { Indicator, Proposal } from "./api";
import { T } from "./texts";

function who(subject: string | null, me: string): string {
  if (!subject) return "–";
  return subject === me ? T.you(subject) : subject;
}

export function formatTarget(proposal: Proposal, indicator: Indicator | undefined): string {
  if (proposal.target === null) return T.noTarget;
  return indicator?.measure === "RATIO" ? `${formatNumber(proposal.target)} %` : formatNumber(proposal.target, 2);
}

/** The status in words and an icon (never colour alone). */
function StatusTag({ status }: { status: Proposal["status"] }) {
  const icon =
    status === "ADOPTED" ? <CheckmarkCircleIcon aria-hidden /> : status === "REJECTED" ? <XMarkOctagonIcon aria-hidden /> : <ClockIcon aria-hidden />;
  const color = status === "ADOPTED" ? "success" : status === "REJECTED" ? "danger" : "info";
  return (
    <Tag variant="moderate" size="small" data-color={color} icon={icon}>
      {T.status[status]}
    </Tag>
  );
}

/** One proposal: what, why, who and when; the decision once made; a button for those who decide. */
export function ProposalCard(props: {
  proposal: Proposal;
  indicator: Indicator | undefined;
  me: string;
  canDecide: boolean;
  onDecide: (proposal: Proposal) => void;
}) {
  const { proposal: p, indicator, me, canDecide, onDecide } = props;
  const headingId = `forslag-${p.proposalId}`;
  return (
    <Box as="article" aria-labelledby={headingId} padding="space-16" borderWidth="1" borderRadius="8" className="mrs-forslag-card">
      <HStack gap="space-8" align="center" justify="space-between" wrap>
        <Heading level="4" size="xsmall" id={headingId}>
          {T.proposalHeading(p.indicatorId, indicator?.name ?? "", p.year)}
        </Heading>
        <StatusTag status={p.status} />
      </HStack>
      <dl className="mrs-forslag-facts">
        <dt>{T.fieldTarget}</dt>
        <dd>{formatTarget(p, indicator)}</dd>
        <dt>{T.fieldRationale}</dt>
        <dd>
          <BodyLong as="span">{p.rationale ?? T.noRationale}</BodyLong>
        </dd>
        <dt>{T.fieldProposed}</dt>
        <dd>{T.byAt(who(p.proposedBy, me), formatInstant(p.proposedAt))}</dd>
        {p.status !== "PROPOSED" && (
          <>
            <dt>{T.fieldDecision}</dt>
            <dd>{T.decisionText(p.status, who(p.decidedBy, me), formatInstant(p.decidedAt))}</dd>
            <dt>{T.fieldDecisionReason}</dt>
            <dd>
              <BodyLong as="span">{p.decisionReason ?? "–"}</BodyLong>
            </dd>
          </>
        )}
      </dl>
      {p.status === "ADOPTED" && p.goalId && (
        <Link as={RouterLink} to={`/mal/${p.unitId}/${p.goalId}`}>
          {T.goalLink(p.indicatorId, p.year)}
        </Link>
      )}
      {p.status === "PROPOSED" && canDecide && (
        <Button variant="secondary" size="small" onClick={() => onDecide(p)}>
          {T.decide(p.indicatorId, p.year)}
        </Button>
      )}
    </Box>
  );
}
