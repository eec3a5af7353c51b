import { useEffect, useRef, useState } from "react";
import { Alert, BodyShort, Button, FileUpload, Heading, Table, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { fieldMessage } from "../../api/problems";
import { csvRecordLines, submitCsv, type Summary } from "./data";
import { T } from "./texts";

interface Outcome {
  summary: Summary;
  lines: number[];
}

/** A whole month (or more) as a CSV file in result-service's format; each line is judged on its own. */
export function CsvUpload(props: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) resultHeading.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function upload() {
    if (!file) {
      setMissing(true);
      return;
    }
    setSending(true);
    setOutcome(null);
    setError(null);
    try {
      const [text, summary] = await Promise.all([file.text(), submitCsv(file)]);
      setOutcome({ summary, lines: csvRecordLines(text) });
      props.onUploaded();
    } catch (e) {
      setError(describe(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="rapport-csv-heading" className="rapport-csv">
      <Heading level="2" size="medium" id="rapport-csv-heading" spacing>
        {T.csv.heading}
      </Heading>
      <VStack gap="space-16">
        <FileUpload.Dropzone
          label={T.csv.label}
          description={T.csv.description}
          accept=".csv,text/csv"
          multiple={false}
          error={missing && !file ? T.csv.chooseFile : undefined}
          onSelect={(files) => {
            setFile(files[0]?.file ?? null);
            setMissing(false);
            setOutcome(null);
            setError(null);
          }}
        />
        {file && (
          <FileUpload.Item file={file} button={{ action: "delete", onClick: () => setFile(null) }} />
        )}
        <div>
          <Button type="button" variant="secondary" loading={sending} onClick={upload}>
            {T.csv.upload}
          </Button>
        </div>
        {error && (
          <Alert variant="error" role="alert" ref={errorRef} tabIndex={-1}>
            {error}
          </Alert>
        )}
        {outcome && <CsvOutcome outcome={outcome} headingRef={resultHeading} />}
      </VStack>
    </section>
  );
}

function CsvOutcome({ outcome, headingRef }: { outcome: Outcome; headingRef: React.Ref<HTMLHeadingElement> }) {
  const { summary, lines } = outcome;
  return (
    <section aria-labelledby="rapport-csv-result">
      <Heading level="3" size="small" id="rapport-csv-result" ref={headingRef} tabIndex={-1} spacing>
        {T.csv.resultHeading}
      </Heading>
      <BodyShort>{T.csv.accepted(summary.accepted)}</BodyShort>
      {summary.duplicates > 0 && <BodyShort>{T.csv.duplicates(summary.duplicates)}</BodyShort>}
      {summary.rejected.length === 0 ? (
        <BodyShort>{T.csv.noneRejected}</BodyShort>
      ) : (
        <>
          <BodyShort spacing>{T.csv.rejected(summary.rejected.length)}</BodyShort>
          <Table size="small">
            <caption className="aksel-sr-only">{T.csv.tableCaption}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{T.csv.line}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.csv.id}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.csv.field}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{T.csv.reason}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {summary.rejected.flatMap((item) =>
                item.errors.map((e, i) => (
                  <Table.Row key={`${item.index}-${i}`}>
                    <Table.DataCell>{lines[item.index + 1] ?? item.index + 2}</Table.DataCell>
                    <Table.DataCell>{item.measurementId ?? "–"}</Table.DataCell>
                    <Table.DataCell>{e.field || "–"}</Table.DataCell>
                    <Table.DataCell>{fieldMessage(e)}</Table.DataCell>
                  </Table.Row>
                )),
              )}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}

/** A file refused as a whole: a bad header names its columns. */
function describe(e: unknown): string {
  if (!(e instanceof ApiError)) return "Noe gikk galt. Prøv igjen.";
  if (e.slug !== "malformed-body") return e.message;
  const columns = (e.problem.errors ?? []).map((c) =>
    T.csv.columnProblem(c.field, c.code === "duplicate-column" ? T.csv.duplicateColumn
      : c.code === "required" ? T.csv.missingColumn : T.csv.unknownColumn));
  return [T.csv.badHeader, ...columns].join(" ");
}
