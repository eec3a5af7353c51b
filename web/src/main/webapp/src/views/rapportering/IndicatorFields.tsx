import { Alert, BodyShort, Fieldset, HStack, Tag, Textarea, TextField } from "@navikt/ds-react";
import { CheckmarkCircleIcon } from "@navikt/aksel-icons";
import { formatNumber } from "../../format";
import type { Indicator, Result } from "./data";
import { fieldsOf, figure, type Entry, type EntryField, type RowErrors } from "./rows";
import { OutlierConfirmation } from "./OutlierConfirmation";
import { T } from "./texts";

/** The id of a field's input, for the error summary's links. */
export function inputId(indicatorId: string, field: EntryField | "row" | "confirmation"): string {
  return `rapport-${indicatorId.replace(/[^A-Za-z0-9_-]/g, "_")}-${field}`;
}

function label(indicator: Indicator, field: "numerator" | "denominator" | "value"): string {
  if (field === "value") return T.fields.value;
  if (indicator.measure === "SCORE") return field === "numerator" ? T.fields.mean : T.fields.respondents;
  return field === "numerator" ? T.fields.numerator : T.fields.denominator;
}

/** One indicator of the month: the fields its measure needs, a comment, and a reason when a stored value changes. */
export function IndicatorFields(props: {
  indicator: Indicator;
  entry: Entry;
  current: Result | undefined;
  correcting: boolean;
  errors: RowErrors;
  readOnly: boolean;
  onChange: (field: EntryField, text: string) => void;
  /** what a flagged figure needs: where it is, whether this person may confirm it, and what to do after */
  outlier?: { unitId: string; period: string; canConfirm: boolean; onConfirmed: () => Promise<void> };
}) {
  const { indicator, entry, current, correcting, errors, readOnly, onChange, outlier } = props;
  const id = indicator.indicatorId;
  const scale = indicator.measure === "SCORE" && indicator.scaleMin !== null && indicator.scaleMax !== null
    ? T.scale(formatNumber(indicator.scaleMin), formatNumber(indicator.scaleMax)) : undefined;
  return (
    <Fieldset
      className="rapport-row"
      legend={`${id} ${indicator.name}`}
      description={
        <HStack gap="space-8" align="center" as="span">
          {current ? (
            <>
              <Tag variant="success" size="small" icon={<CheckmarkCircleIcon aria-hidden />}>
                {T.reported}
              </Tag>
              <span>{T.reportedAs(figure(indicator, current))}</span>
            </>
          ) : (
            <Tag variant="neutral" size="small">
              {T.notReported}
            </Tag>
          )}
        </HStack>
      }
    >
      {current?.outlier && outlier && (
        <OutlierConfirmation indicator={indicator} outlier={current.outlier} unitId={outlier.unitId}
          period={outlier.period} canConfirm={outlier.canConfirm} onConfirmed={outlier.onConfirmed} />
      )}
      {errors.row && (
        <Alert variant="error" size="small" inline id={inputId(id, "row")} tabIndex={-1}>
          {errors.row}
        </Alert>
      )}
      <HStack gap="space-16" align="start" wrap>
        {fieldsOf(indicator).map((field) => (
          <TextField
            key={field}
            id={inputId(id, field)}
            className="rapport-number"
            label={label(indicator, field)}
            description={field === "numerator" ? scale : undefined}
            inputMode="decimal"
            autoComplete="off"
            value={entry[field]}
            error={errors[field]}
            readOnly={readOnly}
            onChange={(e) => onChange(field, e.target.value)}
          />
        ))}
        <TextField
          id={inputId(id, "comment")}
          className="rapport-comment"
          label={T.fields.comment}
          value={entry.comment}
          error={errors.comment}
          readOnly={readOnly}
          maxLength={1000}
          onChange={(e) => onChange("comment", e.target.value)}
        />
      </HStack>
      {correcting && current && (
        <Textarea
          id={inputId(id, "correctionReason")}
          className="rapport-reason"
          label={T.fields.reason}
          description={
            <>
              <BodyShort as="span" weight="semibold">
                {T.earlier(figure(indicator, current))}
              </BodyShort>{" "}
              {T.reasonDescription}
            </>
          }
          value={entry.correctionReason}
          error={errors.correctionReason}
          minRows={2}
          maxLength={1000}
          onChange={(e) => onChange("correctionReason", e.target.value)}
        />
      )}
    </Fieldset>
  );
}
