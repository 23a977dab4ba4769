// The keyboard shortcuts: one table, read by the key handler and by the help overlay, so what the
// help lists is what the keys do. Matching is tinykeys' (modifiers, `KeyboardEvent.key` or `.code`).
import { matchKeyBindingPress, parseKeybinding, type KeyBindingPress } from "tinykeys";
import { t } from "./labels";

export type ShortcutAction =
  | "new_case"
  | "search"
  | "next_section"
  | "previous_section"
  | "submit"
  | "lock"
  | "help"
  | "close"
  | "photo_step";

export type Shortcut = {
  action: ShortcutAction;
  /** tinykeys bindings (`$mod` is Ctrl, or Cmd on a Mac), each shown in the help. */
  keys: string[];
  /** Acted on where it applies (the idle lock, a dialog, the photo viewer): listed in the help only. */
  elsewhere?: boolean;
  /** Held down, it acts again: moving through the sections. */
  repeats?: boolean;
};

export const SHORTCUTS: Shortcut[] = [
  { action: "new_case", keys: ["$mod+n"] },
  { action: "search", keys: ["$mod+f", "/"] },
  { action: "next_section", keys: ["$mod+ArrowDown"], repeats: true },
  { action: "previous_section", keys: ["$mod+ArrowUp"], repeats: true },
  { action: "submit", keys: ["$mod+Enter"] },
  { action: "help", keys: ["?", "F1"] },
  { action: "lock", keys: ["$mod+l"], elsewhere: true },
  { action: "close", keys: ["Escape"], elsewhere: true },
  { action: "photo_step", keys: ["ArrowLeft", "ArrowRight"], elsewhere: true },
];

/** What each shortcut does, as the help says it. */
export const SHORTCUT_LABELS: Record<ShortcutAction, string> = {
  new_case: "shortcut.new_case",
  search: "shortcut.search",
  next_section: "shortcut.next_section",
  previous_section: "shortcut.previous_section",
  submit: "shortcut.submit",
  lock: "shortcut.lock",
  help: "shortcut.help",
  close: "shortcut.close",
  photo_step: "shortcut.photo_step",
};

/**
 * The presses a binding accepts. A symbol is typed with Shift on many layouts ("?" on a US or
 * Spanish keyboard), so Shift is also accepted with it; a letter is also matched by its key's
 * place, so Ctrl+N works while a Thai layout types another letter there.
 */
export function pressesOf(binding: string): KeyBindingPress[] {
  const [press] = parseKeybinding(binding);
  const [mods, key] = press;
  const out: KeyBindingPress[] = [press];
  if (typeof key === "string" && key.length === 1) {
    if (/^[a-z]$/i.test(key)) out.push([mods, `Key${key.toUpperCase()}`]);
    else if (!/^[0-9]$/.test(key) && !mods.includes("Shift")) out.push([[...mods, "Shift"], key]);
  }
  return out;
}

/** Only shortcuts with Ctrl (or Cmd) or a function key act while a field has the cursor: the others are typed. */
export function actsWhileTyping([mods, key]: KeyBindingPress): boolean {
  return mods.includes("Control") || mods.includes("Meta") || (typeof key === "string" && /^F\d{1,2}$/.test(key));
}

/** Whether the key goes into a field: text boxes, text areas, lists and editable text. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !["checkbox", "radio", "button", "submit", "reset", "file", "range", "color", "image"].includes(el.type ?? "text");
}

const BOUND = SHORTCUTS.filter((s) => !s.elsewhere).map((s) => ({ ...s, presses: s.keys.flatMap(pressesOf) }));

/** The action a key press asks for, if any; `typing` when the cursor is in a field. */
export function shortcutFor(event: KeyboardEvent, typing: boolean): ShortcutAction | null {
  // An input method composing Chinese or Thai text owns the keys until it is done.
  if (event.isComposing) return null;
  for (const s of BOUND) {
    if (event.repeat && !s.repeats) continue;
    for (const press of s.presses) {
      if (matchKeyBindingPress(event, press) && (!typing || actsWhileTyping(press))) return s.action;
    }
  }
  return null;
}

const KEY_NAMES: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", ArrowLeft: "←", ArrowRight: "→" };
const KEY_LABELS: Record<string, string> = {
  Control: "keys.ctrl",
  Meta: "keys.cmd",
  Shift: "keys.shift",
  Alt: "keys.alt",
  Enter: "keys.enter",
  Escape: "keys.escape",
};

/** A binding as the keys to press, each as printed on the keyboard in the reader's language: ["Ctrl", "N"]. */
export function keyCaps(binding: string): string[] {
  const [[mods, key]] = parseKeybinding(binding);
  const name = (k: string) => (KEY_LABELS[k] ? t(KEY_LABELS[k]) : KEY_NAMES[k] ?? (k.length === 1 ? k.toUpperCase() : k));
  return [...mods.map(name), name(String(key))];
}

/** `aria-keyshortcuts` for an action: "Control+N", alternatives separated by spaces. */
export function ariaKeys(action: ShortcutAction): string {
  const shortcut = SHORTCUTS.find((s) => s.action === action);
  if (!shortcut) return "";
  return shortcut.keys
    .map((binding) => {
      const [[mods, key]] = parseKeybinding(binding);
      const k = String(key);
      return [...mods, k.length === 1 ? k.toUpperCase() : k].join("+");
    })
    .join(" ");
}
