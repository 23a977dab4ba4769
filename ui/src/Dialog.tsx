// Modal dialogs on the native <dialog> element, shown with showModal(): the browser itself makes
// the page under it inert (no pointer, no Tab, hidden from screen readers) and draws it on top.
// Over that: Esc closes the topmost dialog only, and focus goes back to what opened it.
import { createContext, useContext, useEffect, useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import { LiveRegion } from "./LiveRegion";

/** False while the lock screen covers the screens: their dialogs are hidden under it, not closed. */
export const DialogsShown = createContext(true);

type Layer = { close: () => void; shown: () => boolean };
const layers: Layer[] = [];

function onEscape(e: KeyboardEvent) {
  if (e.key !== "Escape") return;
  const top = layers.at(-1);
  if (!top?.shown()) return;
  // Taken in the capture phase: the screen under the dialog (a case goes back to the list on
  // Esc) never sees it.
  e.stopPropagation();
  e.preventDefault();
  // Esc first ends a Chinese or Thai input method's composition; only a second one closes.
  if (e.isComposing || e.keyCode === 229) return;
  top.close();
}

/** Whether a dialog is open on the screens: shortcuts then leave the keys to it. */
export function dialogOpen(): boolean {
  return layers.some((l) => l.shown());
}

function focusable(el: HTMLElement | null | undefined): el is HTMLElement {
  return !!el && el.isConnected && !(el as HTMLButtonElement).disabled && !el.closest("[inert]");
}

export function Dialog(props: {
  /** The id of the dialog's heading, which names it; or `label` when it has none. */
  labelledBy?: string;
  label?: string;
  className?: string;
  testId?: string;
  /** What has the cursor when it opens; else the first control in it. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Where the cursor goes when it closes; else back to what had it when the dialog opened. */
  returnFocus?: () => HTMLElement | null;
  onKeyDown?: (e: React.KeyboardEvent<HTMLDialogElement>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const shown = useContext(DialogsShown);
  const live = useRef({ shown, onClose: props.onClose, returnFocus: props.returnFocus });
  live.current = { shown, onClose: props.onClose, returnFocus: props.returnFocus };
  const opener = useRef<HTMLElement | null | undefined>(undefined);

  useLayoutEffect(() => {
    // Once: React's development double run must not take the dialog itself for the opener.
    if (opener.current === undefined) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const layer: Layer = { close: () => live.current.onClose(), shown: () => live.current.shown };
    layers.push(layer);
    if (layers.length === 1) window.addEventListener("keydown", onEscape, true);
    return () => {
      layers.splice(layers.indexOf(layer), 1);
      if (layers.length === 0) window.removeEventListener("keydown", onEscape, true);
    };
  }, []);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!shown || !dialog) return;
    dialog.showModal();
    if (focusable(props.initialFocus?.current)) props.initialFocus.current.focus();
    return () => dialog.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);

  // After the screen under it is drawn again without the dialog, so what it returns to is there.
  useEffect(
    () => () => {
      const target = live.current.returnFocus?.() ?? opener.current;
      if (focusable(target)) target.focus();
    },
    [],
  );

  return (
    <dialog
      ref={ref}
      className={`modal ${props.className ?? ""}`}
      aria-labelledby={props.labelledBy}
      aria-label={props.label}
      data-testid={props.testId}
      // Esc is taken above; any other request to close goes the same way, through the owner.
      onCancel={(e) => {
        e.preventDefault();
        live.current.onClose();
      }}
      onKeyDown={props.onKeyDown}
    >
      {props.children}
      <LiveRegion testId="dialog-live" />
    </dialog>
  );
}
