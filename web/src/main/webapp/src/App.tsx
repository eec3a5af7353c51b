import { useEffect, useState } from "react";
import { NavLink, Navigate, Route, Routes, useLocation } from "react-router-dom";
import { Alert, BodyShort, Dropdown, InternalHeader, Loader, Spacer } from "@navikt/ds-react";
import { LeaveIcon } from "@navikt/aksel-icons";
import { ApiError, loadSession, type Session } from "./api/client";
import { SessionContext } from "./session";
import { MalekortView } from "./views/malekort";
import { MalView } from "./views/mal";
import { ForslagView } from "./views/forslag";
import { MalbrevView } from "./views/malbrev";
import { RapporteringView } from "./views/rapportering";
import { PerioderView } from "./views/perioder";
import { ByrdeView } from "./views/byrde";

/** The menu: every view has an address of its own. */
const MENU = [
  { path: "/malekort", label: "Målekort", title: "Målekort" },
  { path: "/mal", label: "Mål", title: "Mål" },
  { path: "/forslag", label: "Forslag", title: "Forslag" },
  { path: "/malbrev", label: "Målbrev", title: "Målbrev" },
  { path: "/rapportering", label: "Rapportering", title: "Rapportering" },
  { path: "/perioder", label: "Perioder", title: "Perioder" },
  { path: "/byrde", label: "Rapporteringsbyrde", title: "Rapporteringsbyrde" },
];

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();

  useEffect(() => {
    loadSession().then(setSession, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : "Kunne ikke hente innloggingen."),
    );
  }, []);

  // the page title follows the view (WCAG 2.4.2)
  useEffect(() => {
    const item = MENU.find((m) => location.pathname.startsWith(m.path));
    document.title = `${item ? item.title + " – " : ""}MRS`;
  }, [location.pathname]);

  if (error) {
    return (
      <main className="mrs-main">
        <Alert variant="error">{error}</Alert>
      </main>
    );
  }
  if (!session) {
    return (
      <main className="mrs-main">
        <Loader size="xlarge" title="Laster …" />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <div className="mrs-layout">
        <a className="mrs-skip" href="#hovedinnhold">
          Hopp til hovedinnhold
        </a>
        <InternalHeader>
          <InternalHeader.Title as="span">MRS – mål- og resultatstyring</InternalHeader.Title>
          <Spacer />
          <Dropdown>
            <InternalHeader.UserButton as={Dropdown.Toggle} name={session.name} description={describe(session)} />
            <Dropdown.Menu>
              <Dropdown.Menu.List>
                <Dropdown.Menu.List.Item as="a" href="/logout">
                  <BodyShort as="span">Logg ut</BodyShort>
                  <Spacer />
                  <LeaveIcon aria-hidden fontSize="1.5rem" />
                </Dropdown.Menu.List.Item>
              </Dropdown.Menu.List>
            </Dropdown.Menu>
          </Dropdown>
        </InternalHeader>
        <nav className="mrs-nav" aria-label="Hovedmeny">
          <ul>
            {MENU.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className="mrs-main" id="hovedinnhold" tabIndex={-1}>
          <Routes>
            <Route path="/" element={<Navigate to="/malekort" replace />} />
            <Route path="/malekort/*" element={<MalekortView />} />
            <Route path="/mal/*" element={<MalView />} />
            <Route path="/forslag/*" element={<ForslagView />} />
            <Route path="/malbrev/*" element={<MalbrevView />} />
            <Route path="/rapportering/*" element={<RapporteringView />} />
            <Route path="/perioder/*" element={<PerioderView />} />
            <Route path="/byrde/*" element={<ByrdeView />} />
            <Route path="*" element={<Alert variant="warning">Siden finnes ikke.</Alert>} />
          </Routes>
        </main>
      </div>
    </SessionContext.Provider>
  );
}

const ROLE_NAMES: Record<string, string> = {
  directorate: "Direktoratet",
  leader: "Leder",
  employee: "Ansatt",
  reporter: "Rapportør",
  viewer: "Innsyn",
};

function describe(session: Session): string {
  const roles = session.roles.map((r) => ROLE_NAMES[r] ?? r).join(", ");
  return `${roles} · enhet ${session.units.join(", ")}`;
}
