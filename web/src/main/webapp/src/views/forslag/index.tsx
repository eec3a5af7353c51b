import { Navigate, Route, Routes } from "react-router-dom";
import { homeUnit, useSession } from "../../session";
import { ForslagPage } from "./ForslagPage";

/** /forslag/:unitId — propose a goal for a unit; the unit's leader adopts or rejects (?behandle=<proposalId>). */
export function ForslagView() {
  const session = useSession();
  return (
    <Routes>
      <Route index element={<Navigate to={homeUnit(session)} replace />} />
      <Route path=":unitId" element={<ForslagPage />} />
    </Routes>
  );
}
