// The shortcut table and how key presses are matched to it: what fires, what does not while
// typing, other keyboard layouts, and what the help shows in each language.
import { beforeEach, describe, expect, it } from "vitest";
import { actsWhileTyping, ariaKeys, isTyping, keyCaps, pressesOf, shortcutFor, SHORTCUT_LABELS, SHORTCUTS } from "./shortcuts";
import { t } from "./labels";
import { useCatalogue } from "./testCatalogue";

type Press = { key: string; code?: string; ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean; repeat?: boolean; composing?: boolean };

/** A keydown as the browser reports it: tinykeys reads `key`, `code` and the modifier state. */
function press(p: Press): KeyboardEvent {
  const mods: Record<string, boolean> = { Control: !!p.ctrl, Shift: !!p.shift, Alt: !!p.alt, Meta: !!p.meta };
  return {
    key: p.key,
    code: p.code ?? "",
    repeat: !!p.repeat,
    isComposing: !!p.composing,
    getModifierState: (mod: string) => mods[mod] ?? false,
  } as unknown as KeyboardEvent;
}

beforeEach(() => useCatalogue("en"));

describe("the shortcut table", () => {
  it("names every action in the catalogue, and binds no two actions to the same keys", () => {
    const seen = new Set<string>();
    for (const s of SHORTCUTS) {
      expect(t(SHORTCUT_LABELS[s.action]), s.action).not.toBe(SHORTCUT_LABELS[s.action]);
      for (const k of s.keys) {
        expect(seen.has(k), k).toBe(false);
        seen.add(k);
      }
    }
  });

  it("keeps Ctrl+L for the lock, acted on by the idle lock", () => {
    expect(SHORTCUTS.find((s) => s.action === "lock")).toMatchObject({ keys: ["$mod+l"], elsewhere: true });
    expect(shortcutFor(press({ key: "l", code: "KeyL", ctrl: true }), false)).toBeNull();
  });
});

describe("matching a key press", () => {
  it("finds the frequent steps", () => {
    expect(shortcutFor(press({ key: "n", code: "KeyN", ctrl: true }), false)).toBe("new_case");
    expect(shortcutFor(press({ key: "f", code: "KeyF", ctrl: true }), false)).toBe("search");
    expect(shortcutFor(press({ key: "/", code: "Slash" }), false)).toBe("search");
    expect(shortcutFor(press({ key: "ArrowDown", code: "ArrowDown", ctrl: true }), false)).toBe("next_section");
    expect(shortcutFor(press({ key: "ArrowUp", code: "ArrowUp", ctrl: true }), false)).toBe("previous_section");
    expect(shortcutFor(press({ key: "Enter", code: "Enter", ctrl: true }), false)).toBe("submit");
    expect(shortcutFor(press({ key: "F1", code: "F1" }), false)).toBe("help");
  });

  it("takes ? with or without Shift, as keyboards type it", () => {
    expect(shortcutFor(press({ key: "?", code: "Slash", shift: true }), false)).toBe("help");
    // Spanish layout: ? is Shift and the key beside 0.
    expect(shortcutFor(press({ key: "?", code: "Minus", shift: true }), false)).toBe("help");
    expect(shortcutFor(press({ key: "/", code: "Digit7", shift: true }), false)).toBe("search");
  });

  it("finds Ctrl+N by the key's place when a Thai layout types another letter there", () => {
    expect(shortcutFor(press({ key: "ื", code: "KeyN", ctrl: true }), false)).toBe("new_case");
  });

  it("leaves keys with other modifiers alone", () => {
    expect(shortcutFor(press({ key: "n", code: "KeyN" }), false)).toBeNull();
    expect(shortcutFor(press({ key: "n", code: "KeyN", ctrl: true, shift: true }), false)).toBeNull();
    expect(shortcutFor(press({ key: "ArrowDown", code: "ArrowDown", ctrl: true, alt: true }), false)).toBeNull();
    expect(shortcutFor(press({ key: "ArrowDown", code: "ArrowDown" }), false)).toBeNull();
    expect(shortcutFor(press({ key: "Enter", code: "Enter" }), false)).toBeNull();
  });

  it("lets only Ctrl shortcuts and function keys act while typing", () => {
    expect(shortcutFor(press({ key: "?", code: "Slash", shift: true }), true)).toBeNull();
    expect(shortcutFor(press({ key: "/", code: "Slash" }), true)).toBeNull();
    expect(shortcutFor(press({ key: "n", code: "KeyN", ctrl: true }), true)).toBe("new_case");
    expect(shortcutFor(press({ key: "ArrowDown", code: "ArrowDown", ctrl: true }), true)).toBe("next_section");
    expect(shortcutFor(press({ key: "F1", code: "F1" }), true)).toBe("help");
    for (const binding of SHORTCUTS.flatMap((s) => s.keys)) {
      for (const p of pressesOf(binding)) expect(actsWhileTyping(p), binding).toBe(binding.startsWith("$mod") || binding === "F1");
    }
  });

  it("does nothing while an input method composes, and repeats only the moves between sections", () => {
    expect(shortcutFor(press({ key: "n", code: "KeyN", ctrl: true, composing: true }), true)).toBeNull();
    expect(shortcutFor(press({ key: "n", code: "KeyN", ctrl: true, repeat: true }), false)).toBeNull();
    expect(shortcutFor(press({ key: "ArrowDown", code: "ArrowDown", ctrl: true, repeat: true }), false)).toBe("next_section");
  });
});

describe("what counts as typing", () => {
  it("is a text box, a text area, a list or editable text; not a checkbox or a button", () => {
    expect(isTyping({ tagName: "INPUT", type: "text" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "INPUT", type: "search" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "TEXTAREA" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "SELECT" } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "DIV", isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: "INPUT", type: "checkbox" } as unknown as EventTarget)).toBe(false);
    expect(isTyping({ tagName: "BUTTON" } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe("what the help shows", () => {
  it("writes keys as printed on the keyboard, in the reader's language", () => {
    expect(keyCaps("$mod+n")).toEqual(["Ctrl", "N"]);
    expect(keyCaps("$mod+ArrowDown")).toEqual(["Ctrl", "↓"]);
    expect(keyCaps("$mod+Enter")).toEqual(["Ctrl", "Enter"]);
    expect(keyCaps("Escape")).toEqual(["Esc"]);
    expect(keyCaps("?")).toEqual(["?"]);
    useCatalogue("es");
    expect(keyCaps("$mod+Enter")).toEqual(["Ctrl", "Intro"]);
  });

  it("says the same keys to assistive technology", () => {
    expect(ariaKeys("new_case")).toBe("Control+N");
    expect(ariaKeys("search")).toBe("Control+F /");
    expect(ariaKeys("help")).toBe("? F1");
    expect(ariaKeys("lock")).toBe("Control+L");
  });

  it("has every label in every language", () => {
    for (const locale of ["zh-CN", "th", "es"] as const) {
      useCatalogue(locale);
      for (const s of SHORTCUTS) expect(t(SHORTCUT_LABELS[s.action]), `${locale} ${s.action}`).not.toBe(SHORTCUT_LABELS[s.action]);
    }
  });
});
