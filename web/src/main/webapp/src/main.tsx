// Aksel's stylesheet in its parts, in its own order, without its fonts from cdn.nav.no: fonts.css serves them
import "@navikt/ds-css/dist/global/reset.css";
import "@navikt/ds-css/dist/global/tokens.css";
import "@navikt/ds-css/dist/global/baseline.css";
import "@navikt/ds-css/dist/global/print.css";
import "./fonts.css";
import "@navikt/ds-css/dist/components.css";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
