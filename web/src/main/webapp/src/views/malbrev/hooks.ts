import { useEffect, useState } from "react";
export { useIndicators } from "../../api/indicators";

/** Runs a load when its key changes; gives the result or the error. */
export function useLoad<T>(load: () => Promise<T>, key: string): { data: T | null; error: unknown; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: unknown }>({ data: null, error: null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null });
    load().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState({ data: null, error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}
