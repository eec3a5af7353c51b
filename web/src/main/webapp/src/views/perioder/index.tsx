import { Heading } from "@navikt/ds-react";

export function PerioderView() {
  return (
    <Heading level="1" size="large">
      Perioder
    </Heading>
  );
}
