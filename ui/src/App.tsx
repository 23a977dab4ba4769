// The app shell: the lock screen until a person unlocks, then the screens, routed; they stay
// mounted under the lock screen when the app locks again. It loads the catalogue of the language
// to show, and again whenever that changes. It holds the keyboard shortcuts, the help that lists
// them, and the live regions that say what changed.
import { Fragment, lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { AppInfo, CaseFilter, Locale, LockState, ReferenceData, SyncStatus } from "./bindings";
import { call, onLocked } from "./ipc";
import { LockScreen } from "./LockScreen";
import { DeviceSettings } from "./DeviceSettings";
import { useIdleLock } from "./useIdleLock";
import { useDisplay } from "./display";
import { CaseList } from "./CaseList";
import { CaseDetail } from "./CaseDetail";
import { SyncBadge } from "./SyncBadge";
import { SyncSettings } from "./SyncSettings";
import { useSyncStatus } from "./useSyncStatus";
import { ReviewQueue } from "./ReviewQueue";
import { DEFAULT_FILTER } from "./caseFilter";
import { errorText, roleLabel, setBuddhistEra, setCatalogue, systemLocale, t } from "./labels";
import { setsUp, shownLanguage } from "./language";
import { DialogsShown, dialogOpen } from "./Dialog";
import { HelpOverlay } from "./HelpOverlay";
import { LiveRegion } from "./LiveRegion";
import { announce, syncAnnouncement } from "./announcer";
import { ariaKeys, isTyping, shortcutFor } from "./shortcuts";
import { focusWhenShown, goToSubmit, moveSection } from "./caseNavigation";

// The chart library is most of the bundle: load it when the dashboard is first opened.
const NetworkView = lazy(() => import("./NetworkView").then((m) => ({ default: m.NetworkView })));
const StatisticsDashboard = lazy(() => import("./StatisticsDashboard").then((m) => ({ default: m.StatisticsDashboard })));

type ListScreen = { kind: "list" } | { kind: "statistics" } | { kind: "queue" };
// A case remembers the screen it was opened from, so Back returns there.
type Screen = ListScreen | { kind: "case"; id: string; from: ListScreen } | { kind: "network"; id: string; from: ListScreen };
/** What a shortcut asks of the case list: a new object each time, taken once. */
export type ListRequest = { kind: "new_case" | "search" };

export function App() {
  const [lock, setLockState] = useState<LockState | null>(null);
  // What stops the app, kept as it came and worded when shown: the catalogue may come after it.
  const [fatal, setFatal] = useState<{ error: unknown } | null>(null);
  // Every state the person's own action brought (unlock, lock, set-up) counts one up; a state read
  // in the background is taken only if none came meanwhile: a read that raced an unlock must not
  // put the lock screen back over an unlocked app.
  const changes = useRef(0);
  const setLock = useCallback((state: LockState) => {
    changes.current += 1;
    setLockState(state);
  }, []);
  const readLockState = useCallback(() => {
    const before = changes.current;
    call("lock_state", {}).then(
      (state) => {
        if (changes.current === before) setLockState(state);
      },
      () => undefined,
    );
  }, []);
  // The screens stay mounted from the first unlock on, under the lock screen, so locking (by hand,
  // when idle or to switch person) loses nothing typed.
  const [everUnlocked, setEverUnlocked] = useState(false);
  const unlocked = lock?.phase === "unlocked";
  if (unlocked && !everUnlocked) setEverUnlocked(true);

  useEffect(() => {
    call("lock_state", {})
      .then(setLock)
      .catch((error: unknown) => setFatal({ error }));
  }, [setLock]);
  // The language chosen on the set-up screen, while it is open; it goes with the set-up.
  const [chosen, setChosen] = useState<Locale | null>(null);
  if (chosen !== null && lock && !setsUp(lock.phase)) setChosen(null);
  // That one, else the person's language once unlocked, else the last one used here, else the
  // system's (also for the words of a store that cannot be opened). The screens are drawn again
  // in a new language (their drafts are in the store, so nothing is lost).
  const [language, setLanguage] = useState<Locale | null>(null);
  const [catalogueFailed, setCatalogueFailed] = useState<{ error: unknown } | null>(null);
  const wanted = lock ? shownLanguage(lock, chosen, systemLocale()) : fatal ? systemLocale() : null;
  // Dates are shown in the years the person counts (Intl is asked again at each render).
  setBuddhistEra(lock?.buddhist_era ?? false);
  useEffect(() => {
    if (wanted === null || wanted === language) return;
    // Only the last language asked for is taken, however the answers come.
    let current = true;
    call("catalogue", { locale: wanted })
      .then((catalogue) => {
        if (!current) return;
        setCatalogue(catalogue);
        document.documentElement.lang = catalogue.tag;
        setLanguage(wanted);
      })
      .catch((error: unknown) => current && setCatalogueFailed({ error }));
    return () => {
      current = false;
    };
  }, [wanted, language]);
  // Any call that finds the app locked (the API locks itself after the idle time) shows the lock.
  useEffect(
    () =>
      onLocked(() => {
        readLockState();
      }),
    [readLockState],
  );
  const lockNow = useCallback(() => {
    call("lock", {}).then(setLock, () => undefined);
  }, [setLock]);
  useIdleLock(lock?.idle_lock_seconds ?? 600, unlocked, lockNow);
  useDisplay(lock, setLock);
  useFocusKeptOverLock(unlocked);

  // Without any catalogue there are no words to say it in: only what went wrong, as it came.
  if (catalogueFailed && !language) {
    return (
      <main className="fatal" role="alert" data-testid="fatal">
        <p>{rawText(fatal?.error ?? catalogueFailed.error)}</p>
      </main>
    );
  }
  if (fatal && language) return <Fatal error={fatal.error} />;
  if (!lock || !language || !wanted) return <main className="loading" aria-busy="true" />;
  return (
    <>
      {everUnlocked && lock.phase !== "unreadable" && (
        <div className="workspace" inert={!unlocked} aria-hidden={!unlocked}>
          <DialogsShown.Provider value={unlocked}>
            <Workspace lock={lock} language={language} shown={unlocked} onLockState={setLock} onLock={lockNow} />
          </DialogsShown.Provider>
        </div>
      )}
      {!unlocked && (
        // Esc on the lock screen is for nothing under it (a case would go back to the list).
        <div className="lock-layer" onKeyDown={(e) => e.key === "Escape" && e.stopPropagation()}>
          <LockScreen state={lock} onState={setLock} language={wanted} onLanguage={setChosen} />
        </div>
      )}
      <LiveRegion />
    </>
  );
}

/** Locked and unlocked again, the cursor is back where it was (a field half typed, a dialog). */
function useFocusKeptOverLock(unlocked: boolean) {
  const last = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest(".workspace")) last.current = e.target;
    };
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, []);
  useEffect(() => {
    const el = last.current;
    if (unlocked && el?.isConnected && !(el as HTMLInputElement).disabled) el.focus();
  }, [unlocked]);
}

/** An error as it came, for when there is no catalogue to word it. */
function rawText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The store cannot be opened: what went wrong, and that nothing was changed. */
function Fatal(props: { error: unknown }) {
  return (
    <main className="fatal" role="alert" data-testid="fatal">
      <h1>{t("app.fatal_title")}</h1>
      <p>{errorText(props.error)}</p>
      <p>{t("app.fatal_unchanged")}</p>
    </main>
  );
}

/**
 * The screens of a signed-in person: the case list, a case, statistics, the review queue. In a new
 * language the screen shown is drawn afresh, where it was; the top bar and the dialogs follow.
 */
function Workspace(props: {
  lock: LockState;
  language: Locale;
  /** Not under the lock screen: shortcuts act. */
  shown: boolean;
  onLockState: (state: LockState) => void;
  onLock: () => void;
}) {
  const { lock, language, onLockState, onLock } = props;
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [reference, setReference] = useState<ReferenceData | null>(null);
  const [fatal, setFatal] = useState<{ error: unknown } | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: "list" });
  const [syncSettingsOpen, setSyncSettingsOpen] = useState(false);
  const [deviceSettingsOpen, setDeviceSettingsOpen] = useState(false);
  const [barOpen, setBarOpen] = useState(false);
  const barMenu = useRef<HTMLButtonElement>(null);
  // Focus goes back to a dialog's opener, or to the menu it folded into once the menu closed.
  const shown = (opener: HTMLElement | null) => (opener?.getClientRects().length ? opener : barMenu.current);
  // One filter for the list, the dashboard and the exports: every chart follows what the list shows.
  const [filter, setFilter] = useState<CaseFilter>(DEFAULT_FILTER);
  const sync = useSyncStatus();
  const syncedAt = sync.status?.last_synced_at ?? null;

  useEffect(() => {
    call("reference_data", {})
      .then(setReference)
      .catch((error: unknown) => setFatal({ error }));
  }, []);

  // Read again when another person unlocks, and when signing in gives this person the account's
  // role (the server refuses events claiming another): the top bar shows who records next.
  const accountRole = sync.status?.account?.role ?? null;
  const person = lock.phase === "unlocked" ? lock.person : null;
  useEffect(() => {
    if (person === null) return;
    call("app_info", {})
      .then(setInfo)
      .catch(() => undefined);
  }, [accountRole, person]);

  const role = info?.user?.role ?? null;
  const reviews = role === "supervisor" || role === "admin";
  // Bumped when an open case changes review state, so the count in the top bar follows at once.
  const [reviewChanges, setReviewChanges] = useState(0);
  const reviewStateSeen = useCallback(() => setReviewChanges((n) => n + 1), []);
  const queueCount = useQueueCount(reviews, screen, syncedAt, reviewChanges);

  const openCase = useCallback(
    (id: string) => setScreen((from) => ({ kind: "case", id, from: from.kind === "case" || from.kind === "network" ? from.from : from })),
    [],
  );
  const showNetwork = useCallback(
    (id: string) => setScreen((from) => ({ kind: "network", id, from: from.kind === "case" || from.kind === "network" ? from.from : from })),
    [],
  );
  // From a network, back is the case it was drawn around; from a case, the list it was opened from.
  const back = useCallback(
    () => setScreen((s) => (s.kind === "network" ? { kind: "case", id: s.id, from: s.from } : s.kind === "case" ? s.from : { kind: "list" })),
    [],
  );
  const home = useCallback(() => setScreen({ kind: "list" }), []);
  // Each dialog gives the cursor back to what opened it: the sync line or the button.
  const syncOpener = useRef<HTMLElement | null>(null);
  const openSyncSettings = useCallback((from: HTMLElement | null) => {
    syncOpener.current = from;
    setSyncSettingsOpen(true);
  }, []);
  const closeSyncSettings = useCallback(() => setSyncSettingsOpen(false), []);
  const deviceOpener = useRef<HTMLButtonElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpOpener = useRef<HTMLElement | null>(null);
  const openHelp = useCallback((from: Element | null) => {
    helpOpener.current = from instanceof HTMLElement ? from : null;
    setHelpOpen(true);
  }, []);
  const [listRequest, setListRequest] = useState<ListRequest | null>(null);
  const listRequestTaken = useCallback(() => setListRequest(null), []);

  useShortcuts(props.shown, screen, {
    toList: (kind) => {
      setScreen({ kind: "list" });
      setListRequest({ kind });
    },
    help: () => openHelp(document.activeElement),
  });
  useSyncAnnouncements(sync.status);
  useSavedAnnouncements();

  // Back on the list from a case: the cursor on that case's row, to go on from there.
  const lastCase = useRef<string | null>(null);
  useEffect(() => {
    if (screen.kind === "case") {
      lastCase.current = screen.id;
      return;
    }
    const id = lastCase.current;
    lastCase.current = null;
    if (id && screen.kind === "list") return focusWhenShown(`[data-testid="open-case"][data-case="${CSS.escape(id)}"]`);
  }, [screen]);
  // A case just opened: if its own screen put the cursor nowhere, on its number.
  const caseShown = screen.kind === "case" ? screen.id : null;
  useEffect(() => (caseShown ? focusWhenShown('[data-testid="case-number"]') : undefined), [caseShown]);

  if (fatal) return <Fatal error={fatal.error} />;
  if (!info?.user || !reference) return <main className="loading">{t("app.opening")}</main>;

  return (
    <div className="app">
      <header className={`topbar${barOpen ? " open" : ""}`}>
        <button className="brand" onClick={home} data-testid="open-cases">
          {t("app.brand")}
        </button>
        <nav className="screens" aria-label={t("app.screens")}>
          <button className="small" onClick={home} aria-current={screen.kind === "list" ? "page" : undefined}>
            {t("app.cases")}
          </button>
          <button
            className="small"
            onClick={() => setScreen({ kind: "statistics" })}
            aria-current={screen.kind === "statistics" ? "page" : undefined}
            data-testid="open-statistics"
          >
            {t("app.statistics")}
          </button>
          {reviews && (
            <button
              className="small"
              onClick={() => setScreen({ kind: "queue" })}
              aria-current={screen.kind === "queue" ? "page" : undefined}
              data-testid="open-review-queue"
              data-count={queueCount ?? ""}
            >
              {queueCount !== null ? t("app.review_queue_count", { count: queueCount }) : t("app.review_queue")}
            </button>
          )}
        </nav>
        <SyncBadge status={sync.status} run={sync.run} onOpenSettings={openSyncSettings} />
        {/* Narrow or zoomed in, who is signed in and the less frequent steps fold behind this. */}
        <button
          ref={barMenu}
          className="small topbar-menu"
          aria-expanded={barOpen}
          aria-controls="topbar-more"
          onClick={() => setBarOpen((open) => !open)}
          data-testid="topbar-menu"
        >
          {t("app.menu")}
        </button>
        {/* Choosing a step folds the menu again. */}
        <div className="topbar-more" id="topbar-more" onClick={() => setBarOpen(false)}>
          <span className="who" data-testid="who" data-device={info.device_short_id}>
            {t("app.who", { name: info.user.name, role: roleLabel(info.user.role), device: info.device_short_id })}
          </span>
          <button className="small" onClick={onLock} aria-keyshortcuts={ariaKeys("lock")} data-testid="lock-now">
            {t("app.lock")}
          </button>
          <button className="small" onClick={(e) => openSyncSettings(e.currentTarget)} aria-haspopup="dialog" data-testid="open-sync-settings">
            {t("sync.settings")}
          </button>
          <button
            ref={deviceOpener}
            className="small"
            onClick={() => setDeviceSettingsOpen(true)}
            aria-haspopup="dialog"
            data-testid="open-device-settings"
          >
            {t("app.device")}
          </button>
          <button
            className="small help-button"
            onClick={(e) => openHelp(e.currentTarget)}
            aria-label={t("shortcut.title")}
            aria-keyshortcuts={ariaKeys("help")}
            aria-haspopup="dialog"
            data-testid="open-help"
          >
            ?
          </button>
        </div>
      </header>
      <Fragment key={`${language}${lock.buddhist_era ? "-buddhist" : ""}`}>
        {screen.kind === "list" && (
          <CaseList
            info={info}
            reference={reference}
            filter={filter}
            onFilter={setFilter}
            syncedAt={syncedAt}
            onOpen={openCase}
            request={listRequest}
            onRequestTaken={listRequestTaken}
          />
        )}
        {screen.kind === "statistics" && (
          <Suspense fallback={<main className="loading">{t("app.opening_statistics")}</main>}>
            <StatisticsDashboard reference={reference} filter={filter} onFilter={setFilter} syncedAt={syncedAt} />
          </Suspense>
        )}
        {screen.kind === "queue" && (
          <ReviewQueue ports={sync.status?.account?.ports ?? []} syncedAt={syncedAt} onOpen={openCase} />
        )}
        {screen.kind === "case" && (
          <CaseDetail
            key={screen.id}
            id={screen.id}
            role={info.user.role}
            userName={info.user.name}
            reference={reference}
            syncedAt={syncedAt}
            onBack={back}
            onOpenCase={openCase}
            onShowNetwork={showNetwork}
            onReviewState={reviewStateSeen}
          />
        )}
        {screen.kind === "network" && (
          <Suspense fallback={<main className="loading">{t("case.loading")}</main>}>
            <NetworkView key={screen.id} caseId={screen.id} onBack={back} onOpenCase={openCase} />
          </Suspense>
        )}
      </Fragment>
      {syncSettingsOpen && (
        <SyncSettings status={sync.status} run={sync.run} onClose={closeSyncSettings} returnFocus={() => shown(syncOpener.current)} />
      )}
      {deviceSettingsOpen && (
        <DeviceSettings
          state={lock}
          onState={onLockState}
          onClose={() => setDeviceSettingsOpen(false)}
          returnFocus={() => shown(deviceOpener.current)}
        />
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} returnFocus={() => shown(helpOpener.current)} />}
    </div>
  );
}

/**
 * The shortcuts of the frequent steps (the table is in shortcuts.ts). They act on the screens
 * only: not under the lock screen, not while a dialog is open, and, without Ctrl, not in a field.
 */
function useShortcuts(shown: boolean, screen: Screen, act: { toList: (kind: ListRequest["kind"]) => void; help: () => void }) {
  const live = useRef({ screen, act });
  live.current = { screen, act };
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || dialogOpen()) return;
      const action = shortcutFor(e, isTyping(e.target));
      if (!action) return;
      const { screen, act } = live.current;
      const inCase = screen.kind === "case";
      switch (action) {
        case "new_case":
        case "search":
          act.toList(action);
          break;
        case "help":
          act.help();
          break;
        case "next_section":
        case "previous_section":
          if (!inCase) return;
          moveSection(action === "next_section" ? 1 : -1);
          break;
        case "submit":
          if (!inCase) return;
          if (!goToSubmit()) announce(t("shortcut.nothing_to_submit"));
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [shown]);
}

/** Sync changes worth hearing, said as they happen (see `syncAnnouncement`). */
function useSyncAnnouncements(status: SyncStatus | null) {
  const before = useRef<SyncStatus | null>(null);
  useEffect(() => {
    if (!status) return;
    const said = syncAnnouncement(before.current, status);
    before.current = status;
    if (said) announce(said.text, said.assertive);
  }, [status]);
}

/**
 * "Saved" when a field of the case file has saved what was typed: its `data-state` goes from
 * saving to clean. Several fields saved at once are said once.
 */
function useSavedAnnouncements() {
  useEffect(() => {
    const observer = new MutationObserver((mutations) => {
      const saved = mutations.some(
        (m) => m.oldValue === "saving" && m.target instanceof HTMLElement && m.target.dataset.state === "clean",
      );
      if (saved) announce(t("announce.saved"));
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"], attributeOldValue: true });
    return () => observer.disconnect();
  }, []);
}

/** Cases waiting for review, for the top bar: read again on each screen, sync and review step. */
function useQueueCount(reviews: boolean, screen: Screen, syncedAt: string | null, reviewChanges: number): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!reviews) return;
    let current = true;
    call("review_queue", {})
      .then((q) => current && setCount(q.cases.length))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [reviews, screen, syncedAt, reviewChanges]);
  return reviews ? count : null;
}
