import { Alert, Heading, VStack } from "@navikt/ds-react";

/** The scorecard view is still to be moved here from reporting-service's dashboard. */
export function MalekortView() {
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        Målekort
      </Heading>
      <Alert variant="info">
        Målekortet flyttes hit. Inntil videre leser du målekortet i dashbordet til rapporteringstjenesten.
      </Alert>
    </VStack>
  );
}
