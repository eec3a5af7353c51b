import { BodyShort, Heading, VStack } from "@navikt/ds-react";
import { ordered, type Indicator, type Proposal } from "./api";
import { ProposalCard } from "./ProposalCard";
import { T } from "./texts";

/** The unit's proposals: the open ones first, then those decided. */
export function ProposalList(props: {
  heading: string;
  proposals: Proposal[];
  indicators: Map<string, Indicator>;
  me: string;
  canDecide: boolean;
  onDecide: (proposal: Proposal) => void;
}) {
  const { heading, proposals, indicators, me, canDecide, onDecide } = props;
  const { open, decided } = ordered(proposals);
  const card = (p: Proposal) => (
    <li key={p.proposalId}>
      <ProposalCard proposal={p} indicator={indicators.get(p.indicatorId)} me={me} canDecide={canDecide} onDecide={onDecide} />
    </li>
  );
  return (
    <section aria-labelledby="forslag-liste-overskrift">
      <Heading level="2" size="medium" id="forslag-liste-overskrift" spacing>
        {heading}
      </Heading>
      <VStack gap="space-24">
        <section aria-labelledby="forslag-apne">
          <Heading level="3" size="small" id="forslag-apne" spacing>
            {T.open(open.length)}
          </Heading>
          {open.length === 0 ? <BodyShort>{T.noneOpen}</BodyShort> : <ul className="mrs-forslag-list">{open.map(card)}</ul>}
        </section>
        <section aria-labelledby="forslag-behandlede">
          <Heading level="3" size="small" id="forslag-behandlede" spacing>
            {T.decided(decided.length)}
          </Heading>
          {decided.length === 0 ? (
            <BodyShort>{T.noneDecided}</BodyShort>
          ) : (
            <ul className="mrs-forslag-list">{decided.map(card)}</ul>
          )}
        </section>
      </VStack>
    </section>
  );
}
