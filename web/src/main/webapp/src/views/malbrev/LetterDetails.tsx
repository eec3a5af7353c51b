import { useEffect, useRef } from "react";
import { Link as RouterLink, useParams, useSearchParams } from "react-router-dom";
import { Alert, BodyShort, Button, Heading, HStack, Link, List, Loader, VStack } from "@navikt/ds-react";
import { ArrowLeftIcon, PencilIcon } from "@navikt/aksel-icons";
import { useUnits, unitName } from "../../api/units";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useSession } from "../../session";
import { getLetter } from "./api";
import { mayIssueFor } from "./access";
import { GoalTable } from "./GoalTable";
import { useIndicators, useLoad } from "./hooks";
import { scopeOf } from "./LetterList";
import { StatusTag } from "./StatusTag";
import { T } from "./texts";

/** /malbrev/:letterId — one letter; ?lagret=ja or ?publisert=ja after saving or publishing it. */
export function LetterDetails() {
  const { letterId = "" } = useParams();
  const [params] = useSearchParams();
  const session = useSession();
  const units = useUnits();
  const indicators = useIndicators();
  const { data: letter, error } = useLoad(() => getLetter(letterId), letterId);
  const heading = useRef<HTMLHeadingElement>(null);
  const saved = params.get("lagret") === "ja";
  const published = params.get("publisert") === "ja";

  useEffect(() => {
    if (letter && (saved || published)) heading.current?.focus();
  }, [letter, saved, published]);

  if (error) {
    return (
      <VStack gap="space-16">
        <BackLink />
        <ProblemAlert error={error} />
      </VStack>
    );
  }
  if (!letter) return <Loader title={T.loading} />;
  const issuer = units?.find((u) => u.unitId === letter.issuerUnitId);
  const mayEdit = letter.status === "DRAFT" && units !== null && issuer !== undefined && mayIssueFor(session, units, issuer);

  return (
    <VStack gap="space-24">
      <BackLink />
      <VStack gap="space-8">
        <Heading level="1" size="large" ref={heading} tabIndex={-1}>
          {letter.title}
        </Heading>
        <HStack gap="space-16" align="center">
          <StatusTag status={letter.status} />
          <BodyShort>
            {T.col.year} {letter.year} · {T.col.issuer}: {unitName(units, letter.issuerUnitId)} · {T.col.scope}:{" "}
            {scopeOf(units, letter)}
          </BodyShort>
        </HStack>
      </VStack>
      {saved && letter.status === "DRAFT" && <Alert variant="success">{T.saved}</Alert>}
      {published && letter.status === "PUBLISHED" && (
        <Alert variant="success">
          {T.published} {T.publishedGoals(letter.goalIds.length)}
        </Alert>
      )}
      {mayEdit && (
        <HStack gap="space-16">
          <Button as={RouterLink} to={`/malbrev/${letter.letterId}/endre`} variant="secondary" icon={<PencilIcon aria-hidden />}>
            {T.edit}
          </Button>
          <Button as={RouterLink} to={`/malbrev/${letter.letterId}/publiser`}>
            {T.toPublish}
          </Button>
        </HStack>
      )}
      <section aria-labelledby="hovedmal">
        <Heading level="2" size="medium" id="hovedmal" spacing>
          {T.mainGoalsHeading}
        </Heading>
        {letter.mainGoals.length === 0 ? (
          <BodyShort>{T.noMainGoals}</BodyShort>
        ) : (
          <List>
            {letter.mainGoals.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
        )}
      </section>
      <section aria-labelledby="mal">
        <Heading level="2" size="medium" id="mal" spacing>
          {T.goalsHeading}
        </Heading>
        {letter.goals.length === 0 ? (
          <BodyShort>{T.noGoals}</BodyShort>
        ) : (
          <GoalTable goals={letter.goals} indicators={indicators} />
        )}
      </section>
    </VStack>
  );
}

export function BackLink() {
  return (
    <Link as={RouterLink} to="/malbrev">
      <ArrowLeftIcon aria-hidden /> {T.back}
    </Link>
  );
}
