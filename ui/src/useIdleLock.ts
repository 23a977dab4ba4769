// Locks the app after the idle time without a key press, click or touch, and on Ctrl+L. The API
// locks itself too when a command comes after the idle time: this only makes the lock screen
// appear on time, not later at the next click.
import { useEffect, useRef } from "react";

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

export function useIdleLock(seconds: number, active: boolean, lock: () => void) {
  const lockRef = useRef(lock);
  lockRef.current = lock;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => lockRef.current(), seconds * 1000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => lockRef.current(), seconds * 1000);
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
