import { Route, Routes } from "react-router-dom";
import { Alert } from "@navikt/ds-react";
import { GoalList } from "./GoalList";
import { GoalPage } from "./GoalPage";
import { LocalGoalForm } from "./LocalGoalForm";
import "./mal.css";

/**
 * Mål: the goals in force for a unit and year (/mal/0314?ar=2021), one goal with its history (/mal/0314/<goalId>),
 * its revision and retirement (…/revider, …/avslutt), and a new local goal or local adjustment (/mal/0314/ny?ar=…).
 */
export function MalView() {
  return (
    <Routes>
      <Route index element={<GoalList />} />
      <Route path=":unitId" element={<GoalList />} />
      <Route path=":unitId/ny" element={<LocalGoalForm />} />
      <Route path=":unitId/:goalId" element={<GoalPage mode="view" />} />
      <Route path=":unitId/:goalId/revider" element={<GoalPage mode="revise" />} />
      <Route path=":unitId/:goalId/avslutt" element={<GoalPage mode="retire" />} />
      <Route path="*" element={<Alert variant="warning">Siden finnes ikke.</Alert>} />
    </Routes>
  );
}
