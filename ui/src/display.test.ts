// Unit tests of how the app is drawn (display.ts): zoom steps and keys, and which theme and
// density the system's wishes and a person's choice give.
import { describe, expect, it } from "vitest";
import { nextZoom, shownDensity, shownTheme, zoomKey, ZOOM_STEPS } from "./display";

const plain = { dark: false, moreContrast: false, coarse: false };

describe("nextZoom", () => {
  it("steps through the zoom levels and stops at either end", () => {
    expect(nextZoom(100, "in")).toBe(110);
    expect(nextZoom(175, "in")).toBe(200);
    expect(nextZoom(100, "out")).toBe(90);
    expect(nextZoom(300, "in")).toBe(300);
    expect(nextZoom(50, "out")).toBe(50);
    expect(nextZoom(250, "reset")).toBe(100);
  });

  it("takes a zoom between steps to the next step either way", () => {
    expect(nextZoom(130, "in")).toBe(150);
    expect(nextZoom(130, "out")).toBe(125);
  });

  it("reaches 200% from 100% in five presses, inside what the API keeps (50% to 300%)", () => {
    let zoom = 100;
    for (let i = 0; i < 5; i++) zoom = nextZoom(zoom, "in");
    expect(zoom).toBe(200);
    expect(ZOOM_STEPS[0]).toBe(50);
    expect(ZOOM_STEPS[ZOOM_STEPS.length - 1]).toBe(300);
  });
});

describe("zoomKey", () => {
  const key = (key: string, code: string, more: Partial<KeyboardEvent> = {}) => ({
    ctrlKey: true,
    metaKey: false,
    altKey: false,
    key,
    code,
    ...more,
  });

  it("reads Ctrl with =, +, - and 0, on the main keys and the keypad", () => {
    expect(zoomKey(key("=", "Equal"))).toBe("in");
    expect(zoomKey(key("+", "Equal", { shiftKey: true }))).toBe("in");
    expect(zoomKey(key("-", "Minus"))).toBe("out");
    expect(zoomKey(key("0", "Digit0"))).toBe("reset");
    expect(zoomKey(key("+", "NumpadAdd"))).toBe("in");
    expect(zoomKey(key("-", "NumpadSubtract"))).toBe("out");
    expect(zoomKey(key("Insert", "Numpad0"))).toBe("reset");
  });

  it("follows the layout where it gives + or -, and the key's place where it gives its own letters", () => {
    // Spanish: + has a key of its own, where US keyboards have ].
    expect(zoomKey(key("+", "BracketRight"))).toBe("in");
    // Thai (Kedmanee): Ctrl with the = and - keys types Thai letters.
    expect(zoomKey(key("ช", "Equal"))).toBe("in");
    expect(zoomKey(key("ข", "Minus"))).toBe("out");
    expect(zoomKey(key("จ", "Digit0"))).toBe("reset");
    // A Latin letter on that key is that letter's shortcut, not a zoom.
    expect(zoomKey(key("p", "Equal"))).toBeNull();
  });

  it("leaves other keys and chords alone", () => {
    expect(zoomKey(key("=", "Equal", { ctrlKey: false }))).toBeNull();
    expect(zoomKey(key("=", "Equal", { altKey: true }))).toBeNull();
    expect(zoomKey(key("l", "KeyL"))).toBeNull();
    expect(zoomKey(key("=", "Equal", { ctrlKey: false, metaKey: true }))).toBe("in");
  });
});

describe("shownTheme and shownDensity", () => {
  it("follow the system until the person chooses", () => {
    expect(shownTheme(null, plain)).toBe("light");
    expect(shownTheme(null, { ...plain, moreContrast: true })).toBe("contrast");
    expect(shownTheme(null, { ...plain, dark: true })).toBe("dark");
    expect(shownTheme(null, { ...plain, dark: true, moreContrast: true })).toBe("dark");
    expect(shownTheme("contrast", { ...plain, dark: true })).toBe("contrast");
    expect(shownTheme("light", { ...plain, moreContrast: true })).toBe("light");
    expect(shownDensity(null, plain)).toBe("compact");
    expect(shownDensity(null, { ...plain, coarse: true })).toBe("touch");
    expect(shownDensity("compact", { ...plain, coarse: true })).toBe("compact");
    expect(shownDensity("touch", plain)).toBe("touch");
  });
});
