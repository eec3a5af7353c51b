import { Heading } from "@navikt/ds-react";

export function ForslagView() {
  return (
    <Heading level="1" size="large">
      Forslag
    </Heading>
  );
}
