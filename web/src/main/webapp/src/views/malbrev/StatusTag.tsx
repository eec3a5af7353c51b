import { Tag } from "@navikt/ds-react";
import type { Letter } from "./api";
import { T } from "./texts";

/** The letter's status in words (the colour only repeats it). */
export function StatusTag({ status }: { status: Letter["status"] }) {
  return (
    <Tag size="small" variant="moderate" data-color={status === "PUBLISHED" ? "success" : "warning"}>
      {T.status[status]}
    </Tag>
  );
}
