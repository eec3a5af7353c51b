import { useState } from "react";
import { Alert, BodyShort, Button, HStack, Tag, Textarea, VStack } from "@navikt/ds-react";
import { CheckmarkCircleIcon, ExclamationmarkTriangleFillIcon } from "@navikt/aksel-icons";
import { ApiError } from "../../api/client";
import { confirmOutlier, type Indicator, type Outlier } from "./data";
import { outlierFigure } from "./rows";
import { inputId } from "./IndicatorFields";
import { T } from "./texts";

/**
 * A reported figure the outlier check warned about: the warning with the expected range and, for a leader, a reason
 * and a button that confirms the figure (a confirmation is not a form of its own: the row sits in the month's form).
 */
export function OutlierConfirmation(props: {
  indicator: Indicator;
  outlier: Outlier;
  unitId: string;
  period: string;
  canConfirm: boolean;
  onConfirmed: () => Promise<void>;
}) {
  const { indicator, outlier, unitId, period, canConfirm, onConfirmed } = props;
  const id = indicator.indicatorId;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const low = outlierFigure(indicator.measure, outlier.expectedLow);
  const high = outlierFigure(indicator.measure, outlier.expectedHigh);

  if (outlier.confirmedBy) {
    return (
      <HStack gap="space-8" align="center" role="status">
        <Tag variant="success" size="small" icon={<CheckmarkCircleIcon aria-hidden />}>{T.outlier.tag}</Tag>
        <BodyShort size="small">{T.outlier.confirmed(outlier.confirmedBy, outlier.confirmationReason ?? "")}</BodyShort>
      </HStack>
    );
  }

  async function confirm() {
    setFailed(null);
    if (reason.trim() === "") {
      setError(T.outlier.reasonRequired);
      document.getElementById(inputId(id, "confirmation"))?.focus();
      return;
    }
    setError(null);
    setSending(true);
    try {
      await confirmOutlier(unitId, id, period, reason.trim());
      await onConfirmed();
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      if (fields.reason) setError(fields.reason);
      else setFailed(e instanceof ApiError ? e.message : T.loadFailed);
    } finally {
      setSending(false);
    }
  }

  return (
    <VStack gap="space-8" className="rapport-outlier">
      <Alert variant="warning" size="small" inline>
        <Tag variant="warning" size="small" icon={<ExclamationmarkTriangleFillIcon aria-hidden />}>{T.outlier.tag}</Tag>{" "}
        {T.outlier.marked(low, high)}
      </Alert>
      {canConfirm && (
        <>
          <Textarea
            id={inputId(id, "confirmation")}
            label={T.outlier.reason}
            description={T.outlier.reasonDescription}
            value={reason}
            error={error ?? undefined}
            minRows={2}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          {failed && <Alert variant="error" size="small" role="alert">{failed}</Alert>}
          <div>
            <Button type="button" variant="secondary" size="small" loading={sending} onClick={confirm}>
              {T.outlier.confirm(id)}
            </Button>
          </div>
        </>
      )}
    </VStack>
  );
}
