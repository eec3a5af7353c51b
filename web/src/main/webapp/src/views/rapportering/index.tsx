import { Heading } from "@navikt/ds-react";

export function RapporteringView() {
  return (
    <Heading level="1" size="large">
      Rapportering
    </Heading>
  );
}
