// How the app is drawn: the theme, density and zoom a person chose, or the system's. The choice is
// kept per person (`set_display`) and comes back in the lock state; this module applies it to the
// page (attributes on <html> that switch the design tokens of styles.css, and the web view's
// zoom) and zooms with Ctrl+= / Ctrl+- / Ctrl+0. The rules are pure and unit-tested.
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Density, DisplayChoice, LockState, Theme } from "./bindings";
import { call, setZoom } from "./ipc";

/** The zoom steps Ctrl+= and Ctrl+- move through, in percent (as browsers step). */
export const ZOOM_STEPS = [50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300];
export const ZOOM_DEFAULT = 100;
export const SYSTEM_DISPLAY: DisplayChoice = { theme: null, density: null, zoom_percent: ZOOM_DEFAULT };

export type ZoomStep = "in" | "out" | "reset";

/** The zoom one step in or out from `current` (which may lie between steps), or back to 100%. */
export function nextZoom(current: number, step: ZoomStep): number {
  if (step === "reset") return ZOOM_DEFAULT;
  if (step === "in") return ZOOM_STEPS.find((z) => z > current) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1];
  return [...ZOOM_STEPS].reverse().find((z) => z < current) ?? ZOOM_STEPS[0];
}

/** What the system asks for. */
export type SystemDisplay = { dark: boolean; moreContrast: boolean; coarse: boolean };

/**
 * The theme to draw: the person's, else the system's. Dark wins over more contrast, since the
 * dark theme passes the same 7:1 and a white screen at night is what a dark setting refuses.
 */
export function shownTheme(chosen: Theme | null, system: SystemDisplay): Theme {
  return chosen ?? (system.dark ? "dark" : system.moreContrast ? "contrast" : "light");
}

/** The density: the person's, else touch where the main pointer is a finger. */
export function shownDensity(chosen: Density | null, system: SystemDisplay): Density {
  return chosen ?? (system.coarse ? "touch" : "compact");
}

const ZOOM_KEYS: Record<string, ZoomStep> = { "=": "in", "+": "in", "-": "out", _: "out", "0": "reset" };
// The key's place on the keyboard, for layouts whose Ctrl+= is another character (Thai, for one).
const ZOOM_CODES: Record<string, ZoomStep> = { Equal: "in", Minus: "out", Digit0: "reset" };
const NUMPAD_CODES: Record<string, ZoomStep> = { NumpadAdd: "in", NumpadSubtract: "out", Numpad0: "reset" };

/** The zoom a key press asks for (Ctrl with =, +, -, 0, on the main keys or the keypad), if any. */
export function zoomKey(e: Pick<KeyboardEvent, "ctrlKey" | "metaKey" | "altKey" | "key" | "code">): ZoomStep | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (NUMPAD_CODES[e.code]) return NUMPAD_CODES[e.code];
  if (ZOOM_KEYS[e.key]) return ZOOM_KEYS[e.key];
  // A layout that puts a letter of its own script on those keys: go by where the key is.
  return /^[\x20-\x7e]$/.test(e.key) ? null : (ZOOM_CODES[e.code] ?? null);
}

const QUERIES = {
  dark: "(prefers-color-scheme: dark)",
  moreContrast: "(prefers-contrast: more)",
  coarse: "(pointer: coarse)",
} as const;

function readSystem(): string {
  if (typeof window === "undefined" || !window.matchMedia) return "";
  return Object.entries(QUERIES)
    .filter(([, q]) => window.matchMedia(q).matches)
    .map(([name]) => name)
    .join(" ");
}

function subscribeSystem(changed: () => void): () => void {
  const lists = Object.values(QUERIES).map((q) => window.matchMedia(q));
  lists.forEach((l) => l.addEventListener("change", changed));
  return () => lists.forEach((l) => l.removeEventListener("change", changed));
}

/** What the system asks for now, followed as it changes (a tablet docked, night mode at dusk). */
export function useSystemDisplay(): SystemDisplay {
  const names = useSyncExternalStore(subscribeSystem, readSystem).split(" ");
  return { dark: names.includes("dark"), moreContrast: names.includes("moreContrast"), coarse: names.includes("coarse") };
}

/**
 * Draw the app as the lock state says: the signed-in person's choice, or the last one used here
 * on the lock screen. Ctrl+= / Ctrl+- / Ctrl+0 zoom at once and keep the zoom as the person's
 * (on the lock screen, for the moment only: nobody is there to keep it for).
 */
export function useDisplay(lock: LockState | null, onState: (state: LockState) => void): void {
  const system = useSystemDisplay();
  const choice = lock?.display ?? SYSTEM_DISPLAY;
  // A zoom asked for by key and not yet in the lock state; it holds for the person it was asked by.
  const who = `${lock?.phase ?? ""}|${lock?.person ?? ""}`;
  const [asked, setAsked] = useState<{ zoom: number; who: string } | null>(null);
  if (asked && (asked.who !== who || asked.zoom === choice.zoom_percent)) setAsked(null);
  const zoom = asked && asked.who === who ? asked.zoom : choice.zoom_percent;

  const theme = shownTheme(choice.theme, system);
  const density = shownDensity(choice.density, system);
  const themeChosen = choice.theme !== null;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.density = density;
    if (themeChosen) root.dataset.themeChosen = "";
    else delete root.dataset.themeChosen;
  }, [theme, density, themeChosen]);

  useEffect(() => {
    // Outside the app (a browser during development) there is no web view to zoom.
    setZoom(zoom / 100).catch(() => undefined);
  }, [zoom]);

  const unlocked = lock?.phase === "unlocked";
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const step = zoomKey(e);
      if (!step) return;
      e.preventDefault();
      const next = nextZoom(zoom, step);
      if (next === zoom) return;
      setAsked({ zoom: next, who });
      if (!unlocked) return;
      call("set_display", { ...choice, zoom_percent: next })
        .then(onState)
        // Not kept (locked meanwhile): the zoom goes back to the one kept.
        .catch(() => setAsked(null));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [zoom, who, unlocked, choice, onState]);
}
