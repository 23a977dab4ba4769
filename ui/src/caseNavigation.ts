// Moving the cursor through the screens: through an open case file from the keyboard (to the next
// or previous section, to its Submit step), and onto what a screen shows once it is drawn. The case
// file marks its sections by id (`section-<name>`, earlier `s-<name>`) and its Submit button by
// test id; this reads those, so the shortcuts need nothing from its code.

const CASE = '[data-testid="case-detail"]';
const SECTIONS = '[id^="section-"], section[id^="s-"]';
const SUBMIT = ['[data-testid="case-submit"]', '[data-testid="approve-case"]', '[data-testid="close-case"]'];
const CONTROLS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

function sections(): HTMLElement[] {
  const root = document.querySelector(CASE);
  if (!root) return [];
  const all = [...root.querySelectorAll<HTMLElement>(SECTIONS)];
  // Only the outermost: a section's own parts are not sections of the case file.
  return all.filter((s) => !all.some((other) => other !== s && other.contains(s)) && s.getClientRects().length > 0);
}

/** The section with the cursor in it, else the last one scrolled to the top of the window (-1: none yet). */
function currentIndex(list: HTMLElement[]): number {
  const holding = list.findIndex((s) => s.contains(document.activeElement));
  if (holding >= 0) return holding;
  let current = -1;
  list.forEach((s, i) => {
    if (s.getBoundingClientRect().top <= 1) current = i;
  });
  return current;
}

/** Put the cursor in the next (`step` 1) or previous (-1) section: its first control, else its heading. Returns whether it moved. */
export function moveSection(step: 1 | -1): boolean {
  const list = sections();
  if (list.length === 0) return false;
  const from = currentIndex(list);
  const to = Math.min(list.length - 1, Math.max(0, from + step));
  if (to === from) return false;
  const section = list[to];
  section.scrollIntoView({ block: "start" });
  const control = section.querySelector<HTMLElement>(CONTROLS);
  const target = control ?? section.querySelector<HTMLElement>("h2, h3") ?? section;
  if (!control && !target.hasAttribute("tabindex")) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  return true;
}

/** Put the cursor on the case file's Submit (or a supervisor's Approve or Close). Returns whether there is one to go to. */
export function goToSubmit(): boolean {
  const root = document.querySelector(CASE);
  for (const selector of SUBMIT) {
    const button = root?.querySelector<HTMLButtonElement>(selector);
    if (button && !button.disabled) {
      button.scrollIntoView({ block: "center" });
      button.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}

/**
 * Put the cursor on what `selector` matches once it is drawn (a screen may load its data first),
 * unless the person has put it somewhere meanwhile. Gives up after `ms`. Returns a cancel.
 */
export function focusWhenShown(selector: string, ms = 5000): () => void {
  let done = false;
  const lost = () => document.activeElement === null || document.activeElement === document.body;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (!el) return false;
    done = true;
    if (lost()) {
      if (!el.matches(CONTROLS) && !el.hasAttribute("tabindex")) el.tabIndex = -1;
      el.focus();
    }
    return true;
  };
  // After the screen's own effects, which may put the cursor somewhere better (a first field).
  const check = () => window.setTimeout(() => !done && attempt() && stop(), 0);
  const observer = new MutationObserver(check);
  const timer = window.setTimeout(() => stop(), ms);
  const stop = () => {
    done = true;
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  check();
  return stop;
}
