import { Heading } from "@navikt/ds-react";

export function MalbrevView() {
  return (
    <Heading level="1" size="large">
      Målbrev
    </Heading>
  );
}
