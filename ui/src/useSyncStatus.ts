// The sync status as a React hook, polled, with the commands that change it.
import { useCallback, useEffect, useRef, useState } from "react";
import type { SyncStatus } from "./bindings";
import { callBeside } from "./ipc";

/** Runs a command that answers with a sync status, and shows its answer. */
export type RunSync = (action: Promise<SyncStatus>) => Promise<SyncStatus>;

const POLL_MS = 2000;
// The loop picks up a nudge on its own thread: ask again shortly after, to show it syncing.
const AFTER_ACTION_MS = 250;

/**
 * The sync status, polled every 2 s, and `run` for the commands that answer with one (sign in,
 * sign out, sync now). Sync calls go beside the edit queue: a slow server must not delay saves.
 */
export function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // Answers are stamped (a poll when asked, an action when answered) and only a newer one is shown,
  // so a poll that left before a sign-in finished cannot put the signed-out state back.
  const clock = useRef(0);
  const shown = useRef(0);
  const pollNow = useRef<() => void>(() => undefined);

  const show = useCallback((s: SyncStatus, stamp: number) => {
    if (stamp <= shown.current) return;
    shown.current = stamp;
    setStatus(s);
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let round = 0;
    const poll = () => {
      window.clearTimeout(timer);
      const mine = ++round;
      const stamp = ++clock.current;
      callBeside("sync_status", {})
        .then((s) => show(s, stamp))
        // Keep showing the last answer; the next poll tries again.
        .catch(() => undefined)
        .finally(() => {
          if (!stopped && mine === round) timer = window.setTimeout(poll, POLL_MS);
        });
    };
    pollNow.current = poll;
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      pollNow.current = () => undefined;
    };
  }, [show]);

  const run: RunSync = useCallback(
    async (action: Promise<SyncStatus>) => {
      const s = await action;
      show(s, ++clock.current);
      window.setTimeout(() => pollNow.current(), AFTER_ACTION_MS);
      return s;
    },
    [show],
  );

  return { status, run };
}
