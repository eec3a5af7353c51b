import { useEffect, useState } from "react";
import { Navigate, Route, Routes, useSearchParams } from "react-router-dom";
import { Alert, Loader } from "@navikt/ds-react";
import { ProblemAlert } from "../../components/ProblemAlert";
import { homeUnit, useSession } from "../../session";
import { currentMonth, fetchPeriods, type Periods } from "./api";
import { ScorecardPage } from "./ScorecardPage";
import { T } from "./texts";
import "./malekort.css";

/**
 * Målekort: a unit's scorecard for a month (/malekort/0300?periode=2021-06), one indicator's series, comments and
 * comparison below it (…&indikator=B.15), and the units below as links to their own scorecards.
 */
export function MalekortView() {
  return (
    <Routes>
      <Route index element={<DefaultScorecard />} />
      <Route path=":unitId" element={<ScorecardPage />} />
      <Route path="*" element={<Alert variant="warning">Siden finnes ikke.</Alert>} />
    </Routes>
  );
}

/** /malekort → the person's own unit, in the newest month with results (or the month asked for). */
function DefaultScorecard() {
  const session = useSession();
  const [params] = useSearchParams();
  const [periods, setPeriods] = useState<Periods | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetchPeriods().then(setPeriods, setError);
  }, []);
  if (error) return <ProblemAlert error={error} />;
  if (!periods) return <Loader size="large" title={T.loading} />;
  const period = params.get("periode") ?? periods.last ?? currentMonth();
  return <Navigate replace to={`/malekort/${homeUnit(session)}?periode=${period}`} />;
}
