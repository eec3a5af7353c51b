import { Heading } from "@navikt/ds-react";

export function MalView() {
  return (
    <Heading level="1" size="large">
      Mål
    </Heading>
  );
}
