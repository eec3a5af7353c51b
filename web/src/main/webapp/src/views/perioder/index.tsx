import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { Alert, BodyShort, Button, Heading, Loader, Modal, Select, Textarea, VStack } from "@navikt/ds-react";
import { ApiError } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { monthsBetween } from "../../format";
import { hasRole, useSession } from "../../session";
import { listLocks, lockPeriod, type PeriodLock } from "./api";
import { PeriodTable } from "./PeriodTable";
import { T } from "./texts";

const FIRST_YEAR = 2000;

function currentMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

/** /perioder?ar=2021: the months of a year, open or locked; the directorate locks a month (with a confirm step). */
export function PerioderView() {
  const session = useSession();
  const mayLock = hasRole(session, "directorate");
  const [params, setParams] = useSearchParams();
  const thisMonth = currentMonth();
  const thisYear = Number(thisMonth.slice(0, 4));
  const asked = Number(params.get("ar"));
  const year = asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;
  const [locks, setLocks] = useState<Map<string, PeriodLock> | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [locking, setLocking] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: "locked" | "already"; period: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    listLocks().then(
      (list) => live && setLocks(new Map(list.map((l) => [l.period, l]))),
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, [round]);

  useEffect(() => {
    if (outcome || failure) heading.current?.focus();
  }, [outcome, failure]);

  const last = year === thisYear ? thisMonth : `${year}-12`;
  const months = monthsBetween(`${year}-01`, last);
  const years: number[] = [];
  for (let y = thisYear; y >= FIRST_YEAR; y--) years.push(y);

  async function lock() {
    if (!confirming) return;
    const period = confirming;
    setLocking(true);
    setFailure(null);
    setOutcome(null);
    try {
      await lockPeriod(period, reason);
      setOutcome({ kind: "locked", period });
    } catch (e) {
      if (e instanceof ApiError && e.slug === "already-locked") setOutcome({ kind: "already", period });
      else setFailure(e);
    }
    setLocking(false);
    setConfirming(null);
    setReason("");
    setRound((r) => r + 1);
  }

  return (
    <VStack gap="space-24">
      <Heading level="1" size="large" ref={heading} tabIndex={-1}>
        {T.title}
      </Heading>
      <BodyShort>{T.intro}</BodyShort>
      <div>
        <Select
          label={T.year}
          value={String(year)}
          onChange={(e) => {
            setOutcome(null);
            setFailure(null);
            setParams({ ar: e.target.value });
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </div>
      {outcome?.kind === "locked" && <Alert variant="success">{T.lockedNow(outcome.period)}</Alert>}
      {outcome?.kind === "already" && <Alert variant="info">{T.alreadyLocked(outcome.period)}</Alert>}
      <ProblemAlert error={failure} />
      <ProblemAlert error={loadError} />
      {!locks && !loadError && <Loader title={T.loading} />}
      {locks && months.length === 0 && <BodyShort>{T.noMonths}</BodyShort>}
      {locks && months.length > 0 && (
        <PeriodTable year={year} months={months} locks={locks} mayLock={mayLock} onLock={setConfirming} />
      )}
      <Modal
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        header={{ heading: confirming ? T.confirmHeading(confirming) : "" }}
        width="medium"
      >
        <Modal.Body>
          <VStack gap="space-16">
            <BodyShort>{T.confirmText}</BodyShort>
            <Textarea
              label={T.reason}
              description={T.reasonDescription}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </VStack>
        </Modal.Body>
        <Modal.Footer>
          <Button onClick={lock} loading={locking}>
            {T.confirm}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            {T.cancel}
          </Button>
        </Modal.Footer>
      </Modal>
    </VStack>
  );
}
