import { Alert } from "@navikt/ds-react";
import { ApiError } from "../api/client";

/** A refused or failed call, in Norwegian; nothing when there is no error. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : "Noe gikk galt. Prøv igjen.";
  return (
    <Alert variant="error" role="alert">
      {message}
    </Alert>
  );
}
