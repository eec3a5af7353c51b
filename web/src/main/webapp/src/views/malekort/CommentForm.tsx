import { useRef, useState } from "react";
import { Alert, Button, ErrorSummary, Heading, Textarea, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { postFigureComment, type SavedComment } from "./api";
import { T } from "./texts";

const FIELD_ID = "malekort-kommentar";

/** A region's leader (or the directorate) comments on the region's figure; the directorate on the nation's. */
export function CommentForm(props: {
  unitId: string;
  unitName: string;
  indicatorId: string;
  period: string;
  monthText: string;
  onSaved: (comment: SavedComment) => void;
}) {
  const { unitId, unitName, indicatorId, period, monthText, onSaved } = props;
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const save = async () => {
    setSaved(false);
    setFailure(null);
    if (!text.trim()) {
      setError(T.commentRequired);
      setTimeout(() => summary.current?.focus());
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const comment = await postFigureComment(unitId, indicatorId, period, text);
      setText("");
      setSaved(true);
      onSaved(comment);
    } catch (e) {
      const field = e instanceof ApiError ? e.fieldErrors().comment : undefined;
      if (field) {
        setError(field);
        setTimeout(() => summary.current?.focus());
      } else {
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="malekort-kommenter">
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <VStack gap="space-8">
          <Heading level="4" size="xsmall" id="malekort-kommenter">{T.commentFormHeading(unitName, monthText)}</Heading>
          {error && (
            <ErrorSummary ref={summary} heading={T.commentSummary} headingTag="h5">
              <ErrorSummary.Item href={`#${FIELD_ID}`}>{error}</ErrorSummary.Item>
            </ErrorSummary>
          )}
          <ProblemAlert error={failure} />
          <Textarea id={FIELD_ID} label={T.commentLabel} description={T.commentHelp} maxLength={1000} value={text}
            error={error ?? undefined} onChange={(e) => { setText(e.target.value); setSaved(false); }} />
          <div>
            <Button type="submit" loading={busy}>{T.commentSave}</Button>
          </div>
          {saved && <Alert variant="success" size="small" role="status">{T.commentSaved}</Alert>}
        </VStack>
      </form>
    </section>
  );
}
