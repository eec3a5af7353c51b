import { Heading } from "@navikt/ds-react";

export function MalekortView() {
  return (
    <Heading level="1" size="large">
      Målekort
    </Heading>
  );
}
