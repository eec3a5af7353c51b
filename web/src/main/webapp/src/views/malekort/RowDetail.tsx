import { useEffect, useRef, useState } from "react";
import { Link as RouterLink } from "react-router-dom";
import { Alert, BodyShort, Box, Button, Heading, HStack, Link, Loader, ReadMore, Table, Tag, VStack } from "@navikt/ds-react";
import { ExclamationmarkTriangleFillIcon, XMarkIcon } from "@navikt/aksel-icons";
import type { Unit } from "../../api/units";
import { ApiError } from "../../api/client";
import { formatInstant, monthName } from "../../format";
import { hasRole, useSession } from "../../session";
import { fetchComparison, fetchSeries, shiftMonth, type ComparisonEntry, type FigureComment, type SavedComment, type Scorecard, type ScorecardRow, type SeriesPoint } from "./api";
import { CommentForm } from "./CommentForm";
import { figure } from "./figures";
import { SeriesChart } from "./SeriesChart";
import { T } from "./texts";

/**
 * One indicator of the scorecard: its series with the target line and the same numbers as a table, the comments,
 * and the units below ranked, each a link to its own scorecard (drill-down).
 */
export function RowDetail(props: {
  card: Scorecard;
  row: ScorecardRow;
  units: Unit[] | null;
  onClose: () => void;
  unitHref: (unitId: string) => string;
}) {
  const { card, row, onClose, unitHref } = props;
  const [points, setPoints] = useState<SeriesPoint[] | null>(null);
  const [outcome, setOutcome] = useState<SeriesPoint[] | null>(null);
  const [entries, setEntries] = useState<ComparisonEntry[] | null>(null);
  const [seriesError, setSeriesError] = useState<unknown>(null);
  const [comparisonError, setComparisonError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const session = useSession();
  const [saved, setSaved] = useState<SavedComment[]>([]);

  // a scorecard shown as published: its series and comparison as published at the same moment
  const asOf = card.requestedAsOf ?? null;
  useEffect(() => {
    let live = true;
    fetchSeries(card.unitId, row.indicatorId, shiftMonth(card.period, -23), card.period, asOf)
      .then((p) => live && setPoints(p), (e) => live && setSeriesError(e));
    if (row.pairedOutcome) {
      fetchSeries(card.unitId, row.pairedOutcome, shiftMonth(card.period, -23), card.period, asOf)
        .then((p) => live && setOutcome(p), () => live && setOutcome([]));
    }
    fetchComparison(card.unitId, row.indicatorId, card.period, asOf)
      .then((c) => live && setEntries(c), (e) => live && setComparisonError(e));
    return () => {
      live = false;
    };
  }, [card.unitId, card.period, row.indicatorId, row.pairedOutcome, asOf]);

  // the detail opens where the person is: focus moves to its heading
  useEffect(() => {
    heading.current?.focus();
  }, [row.indicatorId]);

  // every comment of the 24 months, newest month first: the unit's own, then those below it (with unit, author, time)
  const listed: { period: string; comment: FigureComment }[] = [...(points ?? [])].reverse().flatMap((p) =>
    (p.comments ?? (p.comment ? [{ unitId: card.unitId, unitName: card.unitName, comment: p.comment, author: null, at: null }] : []))
      .map((comment) => ({ period: p.period, comment })));
  // what this person just saved shows at once, until the series (which follows the events) has it too
  const pending = saved.filter((s) => !listed.some((l) => l.comment.author === s.author && l.comment.comment === s.comment
    && l.comment.at !== null && Date.parse(l.comment.at) === Date.parse(s.commentedAt)));
  const comments = [...pending.map((s) => ({ period: s.period, comment: { unitId: s.unitId, unitName: card.unitName,
    comment: s.comment, author: s.author, at: s.commentedAt } })), ...listed];
  const level = props.units?.find((u) => u.unitId === card.unitId)?.level;
  const mayComment = (level === "REGION" && hasRole(session, "leader", "directorate") && covers(props.units, session.units, card.unitId))
    || (level === "NATIONAL" && hasRole(session, "directorate") && covers(props.units, session.units, card.unitId));
  const onSaved = (comment: SavedComment) => {
    setSaved((old) => [comment, ...old]);
    fetchSeries(card.unitId, row.indicatorId, shiftMonth(card.period, -23), card.period, asOf).then(setPoints, () => undefined);
  };
  const max = Math.max(1, ...(entries ?? []).map((e) => Math.abs(e.yearToDate ?? 0)));

  return (
    <Box as="section" aria-labelledby="malekort-detalj" padding="space-16" borderWidth="1" borderRadius="8"
      borderColor="neutral-subtle" className="malekort-detail">
      <VStack gap="space-16">
        <HStack justify="space-between" align="start" gap="space-8" wrap={false}>
          <Heading level="2" size="medium" id="malekort-detalj" ref={heading} tabIndex={-1}>
            {T.detailTitle(row.indicatorId, row.name, card.unitName)}
          </Heading>
          <Button variant="tertiary" size="small" icon={<XMarkIcon aria-hidden />} onClick={onClose}>
            {T.close}
          </Button>
        </HStack>
        {row.goal && (
          <Link as={RouterLink} to={`/mal/${encodeURIComponent(card.unitId)}/${row.goal.goalId}`}>
            {T.goalLink}
          </Link>
        )}

        {row.outlier && (
          <Alert variant="warning">
            {T.outlierWarning(monthName(card.period), figure(row.outlier.figure, row.measure),
              figure(row.outlier.expectedLow, row.measure), figure(row.outlier.expectedHigh, row.measure))}
          </Alert>
        )}

        {row.pairedOutcome && points && (
          <section aria-labelledby="malekort-par">
            <VStack gap="space-8">
              <Heading level="3" size="small" id="malekort-par">{T.pairingHeading(row.indicatorId, row.pairedOutcome)}</Heading>
              {row.displacement ? (
                <Alert variant="warning">{T.displacementWarning(row.indicatorId, row.pairedOutcome)}</Alert>
              ) : (
                <BodyShort>{T.pairingInfo(row.indicatorId, row.pairedOutcome)}</BodyShort>
              )}
              <div className="malekort-pair">
                <SeriesChart points={points} measure={row.measure} caption={`${row.indicatorId} ${row.name}`}
                  label={T.chartLabel(row.indicatorId, card.unitName)} />
                {outcome === null ? <Loader title={T.loading} /> : (
                  <SeriesChart points={outcome} measure={outcomeMeasure(card, row.pairedOutcome)}
                    caption={`${row.pairedOutcome} ${outcomeName(card, row.pairedOutcome)}`}
                    label={T.outcomeChartLabel(row.pairedOutcome, card.unitName)} />
                )}
              </div>
            </VStack>
          </section>
        )}

        <Heading level="3" size="small">{T.seriesHeading}</Heading>
        {seriesError ? <Alert variant="error">{seriesError instanceof ApiError ? seriesError.message : T.seriesFailed}</Alert>
          : !points ? <Loader title={T.loading} />
          : points.every((p) => p.value === null && p.target === null) ? <BodyShort>{T.noSeries}</BodyShort>
          : (
            <>
              <SeriesChart points={points} measure={row.measure} label={T.chartLabel(row.indicatorId, card.unitName)} />
              <ReadMore header={T.seriesTable}>
                <div className="mrs-table-wrap">
                  <Table size="small">
                    <caption className="aksel-sr-only">{T.seriesCaption(row.indicatorId, card.unitName)}</caption>
                    <Table.Header>
                      <Table.Row>
                        <Table.HeaderCell scope="col">{T.colMonth}</Table.HeaderCell>
                        <Table.HeaderCell scope="col" align="right">{T.colValue}</Table.HeaderCell>
                        <Table.HeaderCell scope="col" align="right">{T.colTarget}</Table.HeaderCell>
                        {row.measure !== "COUNT" && (
                          <>
                            <Table.HeaderCell scope="col" align="right">{T.colNumerator}</Table.HeaderCell>
                            <Table.HeaderCell scope="col" align="right">{T.colDenominator}</Table.HeaderCell>
                          </>
                        )}
                        <Table.HeaderCell scope="col">{T.colComment}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Header>
                    <Table.Body>
                      {[...points].reverse().map((p) => (
                        <Table.Row key={p.period}>
                          <Table.HeaderCell scope="row">{monthName(p.period)}</Table.HeaderCell>
                          <Table.DataCell className="mrs-number">
                            {figure(p.value, row.measure)}
                            {p.outlier && (
                              <div className="malekort-outlier">
                                <Tag size="xsmall" variant="moderate" data-color="warning" className="malekort-status"
                                  icon={<ExclamationmarkTriangleFillIcon aria-hidden />}>
                                  {T.outlierPoint(figure(p.outlier.expectedLow, row.measure),
                                    figure(p.outlier.expectedHigh, row.measure))}
                                </Tag>
                              </div>
                            )}
                          </Table.DataCell>
                          <Table.DataCell className="mrs-number">{figure(p.target, row.measure)}</Table.DataCell>
                          {row.measure !== "COUNT" && (
                            <>
                              <Table.DataCell className="mrs-number">{figure(p.numerator, "COUNT")}</Table.DataCell>
                              <Table.DataCell className="mrs-number">{figure(p.denominator, "COUNT")}</Table.DataCell>
                            </>
                          )}
                          <Table.DataCell>{p.comment ?? ""}</Table.DataCell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
              </ReadMore>
            </>
          )}

        <section aria-labelledby="malekort-kommentarer">
          <VStack gap="space-8">
            <Heading level="3" size="small" id="malekort-kommentarer">{T.commentsHeading}</Heading>
            {mayComment && (
              <CommentForm unitId={card.unitId} unitName={card.unitName} indicatorId={row.indicatorId} period={card.period}
                monthText={monthName(card.period)} onSaved={onSaved} />
            )}
            {points && comments.length === 0 && <BodyShort>{T.noComments}</BodyShort>}
            {comments.length > 0 && (
              <ul className="malekort-comments">
                {comments.map(({ period, comment }, i) => (
                  <li key={`${period}/${comment.unitId}/${i}`}>
                    <strong>{T.commentMeta(monthName(period), `${comment.unitName ?? comment.unitId} (${comment.unitId})`,
                      comment.author, comment.at ? formatInstant(comment.at) : null)}:</strong> {comment.comment}
                  </li>
                ))}
              </ul>
            )}
          </VStack>
        </section>

        <Heading level="3" size="small">{T.comparisonHeading(card.unitName)}</Heading>
        {comparisonError ? (
          <Alert variant="error">{comparisonError instanceof ApiError ? comparisonError.message : T.comparisonFailed}</Alert>
        ) : !entries ? (
          <Loader title={T.loading} />
        ) : entries.length === 0 ? (
          <BodyShort>{T.noComparison}</BodyShort>
        ) : (
          <div className="mrs-table-wrap">
            <Table size="small">
              <caption className="aksel-sr-only">{T.comparisonCaption(row.indicatorId, card.unitName, monthName(card.period))}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col" align="right">{T.colRank}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{T.colUnit}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{T.colYtd}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">{T.colPeriod}</Table.HeaderCell>
                  <Table.HeaderCell scope="col"><span className="aksel-sr-only">{T.colYtd}</span></Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {entries.map((e) => (
                  <Table.Row key={e.unitId} data-unit={e.unitId}>
                    <Table.DataCell className="mrs-number">{e.rank}</Table.DataCell>
                    <Table.HeaderCell scope="row">
                      <Link as={RouterLink} to={unitHref(e.unitId)} title={T.openUnit(e.unitName)}>
                        {e.unitName}
                      </Link>
                    </Table.HeaderCell>
                    <Table.DataCell className="mrs-number">{figure(e.yearToDate, row.measure)}</Table.DataCell>
                    <Table.DataCell className="mrs-number">{figure(e.period, row.measure)}</Table.DataCell>
                    <Table.DataCell>
                      <span className="malekort-bar" aria-hidden
                        style={{ width: `${e.yearToDate === null ? 0 : Math.round((Math.abs(e.yearToDate) / max) * 10)}rem` }} />
                    </Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </VStack>
    </Box>
  );
}

/** Whether one of the person's units is the unit or above it (in the month's hierarchy the Målekort view shows). */
function covers(units: Unit[] | null, mine: string[], unitId: string): boolean {
  let current: string | null | undefined = unitId;
  for (let depth = 0; current && depth < 16; depth++) {
    if (mine.includes(current)) return true;
    const id: string = current;
    current = units?.find((u) => u.unitId === id)?.parentId;
  }
  return false;
}

/** The outcome's row on the same scorecard, for its measure and name (a ratio when it is not there). */
function outcomeRow(card: Scorecard, indicatorId: string): ScorecardRow | undefined {
  return card.perspectives.flatMap((p) => p.rows).find((r) => r.indicatorId === indicatorId);
}

function outcomeMeasure(card: Scorecard, indicatorId: string) {
  return outcomeRow(card, indicatorId)?.measure ?? "RATIO";
}

function outcomeName(card: Scorecard, indicatorId: string) {
  return outcomeRow(card, indicatorId)?.name ?? "";
}
