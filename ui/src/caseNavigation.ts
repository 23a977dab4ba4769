// Putting the cursor on what a screen shows once it is drawn: a screen may load its data first.

const CONTROLS = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

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
