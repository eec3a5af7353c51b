import { Route, Routes } from "react-router-dom";
import { LetterDetails } from "./LetterDetails";
import { LetterEditor } from "./LetterEditor";
import { LetterList } from "./LetterList";
import { PublishView } from "./PublishView";

/** Goal letters: /malbrev, /malbrev/ny, /malbrev/:letterId, …/endre, …/publiser. */
export function MalbrevView() {
  return (
    <Routes>
      <Route index element={<LetterList />} />
      <Route path="ny" element={<LetterEditor />} />
      <Route path=":letterId" element={<LetterDetails />} />
      <Route path=":letterId/endre" element={<LetterEditor />} />
      <Route path=":letterId/publiser" element={<PublishView />} />
    </Routes>
  );
}
