// Locks the app after the idle time without a key press, click or touch, and on Ctrl+L. The API
// locks itself too when a command comes after the idle time: this only makes the lock screen
// appear on time, not later at the next click. Use that calls nothing (typing into a form) is
// reported to the API now and then, so its own idle time starts again too.
import { useEffect, useRef } from "react";
import { call } from "./ipc";

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

export function useIdleLock(seconds: number, active: boolean, lock: () => void) {
  const lockRef = useRef(lock);
  lockRef.current = lock;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => lockRef.current(), seconds * 1000);
    // Often enough that the API never counts a person at work as idle, rarely enough to cost nothing.
    const reportEvery = Math.min(30_000, (seconds * 1000) / 4);
    let reported = Date.now();
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => lockRef.current(), seconds * 1000);
      if (Date.now() - reported >= reportEvery) {
        reported = Date.now();
        call("still_here", {}).catch(() => undefined);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "l") {
        e.preventDefault();
        lockRef.current();
      }
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, restart, { capture: true, passive: true }));
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.clearTimeout(timer);
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, restart, { capture: true }));
      window.removeEventListener("keydown", onKey, true);
    };
  }, [seconds, active]);
}
