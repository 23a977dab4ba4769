// One case: its parts as sections that fold, under a header that stays in view (which case, where
// it stands, how complete, export and submit); flags, review, photos, documents and timeline.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ChevronDown, ChevronsDownUp, ChevronsUpDown, CircleCheck } from "lucide-react";
import type { CaseFile, CaseState, CaseStatus, CaseView, EntityMatches, FlagAcknowledgement, ReferenceData, Role, TimelineEntry } from "./bindings";
import { call, callBeside, CallError, saveExport } from "./ipc";
import { FieldInput } from "./FieldInput";
import { Timeline } from "./Timeline";
import { Documents } from "./Documents";
import { Photos } from "./Photos";
import { RelatedCases, SeenBadges, SeizureWarning } from "./RelatedCases";
import { caseLevel, entityId, entityKey, type Elsewhere } from "./related";
import { errorText, flagLabel, formatDateTime, formatMessage, label, t } from "./labels";
import { conflictOf } from "./ConflictNotice";
import { ChangeReason, ReviewPanel, SectionCommentNote } from "./ReviewPanel";
import { changedSinceApproval, lockedForReason, maySubmit } from "./reviewStatus";
import { ReasonPromptContext } from "./reasonPrompt";
import { ExportResult, useExport } from "./ExportResult";
import { caseCompleteness, firstIncomplete, partState, RULES, type Expectation, type Part, type PartProgress } from "./completeness";
import { CaseSection, partId, toggleId, type Foldable } from "./CaseSection";
import { FlagAdvice } from "./FlagAdvice";
import { ListSection, type FocusRequest } from "./CaseItems";
import { CaseHeader, showNewState, SubmitPanel } from "./CaseHeader";
import { CaseGuide } from "./CaseGuide";
import { hideGuide, personKey, showsGuide } from "./guide";

// What each case had folded, kept while the app runs: back on a case, it is as it was left.
const FOLDED = new Map<string, Set<Foldable>>();

export function CaseDetail(props: {
  id: string;
  role: Role;
  /** The person using the app: the handover form offers them as the receiver. */
  userName: string | null;
  reference: ReferenceData;
  syncedAt: string | null;
  onBack: () => void;
  /** Open another case (one naming the same party, container, ...). */
  onOpenCase: (id: string) => void;
  /** Show the network of cases around this one. */
  onShowNetwork: (id: string) => void;
  /** The case entered or left the review queue (submitted, decided, reopened by an edit). */
  /** Told each state the open case takes: the top bar's queue count follows. */
  onReviewState: (state: CaseState) => void;
}) {
  const { id, reference, syncedAt, onBack, onReviewState, userName } = props;
  const [view, setView] = useState<CaseView | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  // What this case names that other cases name too: asked again after each change.
  const [entities, setEntities] = useState<EntityMatches[] | null>(null);
  // How many cases at other ports name them, as the server counts (signed in only).
  const [elsewhere, setElsewhere] = useState<Elsewhere | null>(null);
  const [elsewhereFailed, setElsewhereFailed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Counts, not flags: each refusal asks again (focusing the reason box), each reason given retries.
  const [reasonAsked, setReasonAsked] = useState(0);
  const [reasonGiven, setReasonGiven] = useState(0);
  const exported = useExport();
  const [folded, setFolded] = useState<Set<Foldable>>(() => new Set(FOLDED.get(id) ?? []));
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitPending, setSubmitPending] = useState(false);
  // The person's key in local storage while this case shows them the first-case guide.
  const [guideFor, setGuideFor] = useState<string | null>(null);
  const detail = useRef<HTMLElement>(null);

  const refreshTimeline = useCallback(() => {
    call("timeline", { case_id: id })
      // Keep the longest: the timeline only grows, so a shorter answer is an older one.
      .then((t) => setTimeline((old) => (t.length >= old.length ? t : old)))
      .catch((e: unknown) => setError(errorText(e)));
  }, [id]);

  useEffect(() => {
    call("get_case", { case_id: id }).then(setView).catch((e: unknown) => setError(errorText(e)));
    refreshTimeline();
  }, [id, refreshTimeline]);

  const eventCount = view?.case.event_count;
  useEffect(() => {
    if (eventCount === undefined) return;
    let live = true;
    call("case_entities", { case_id: id })
      .then((found) => live && setEntities(found))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [id, eventCount]);

  // The server is asked again only when the case names other entities, not after every edit.
  const entityKeys = entities?.map(entityKey).join("\n");
  useEffect(() => {
    if (entityKeys === undefined) return;
    let live = true;
    // A network call: beside the queue, so edits made meanwhile are not held up.
    callBeside("seen_at_other_ports", { case_id: id })
      .then((seen) => {
        if (!live) return;
        setElsewhere(seen.signed_in ? new Map(seen.counts.map((c) => [entityKey(c), c.other_ports])) : null);
        setElsewhereFailed(false);
      })
      .catch(() => live && setElsewhereFailed(true));
    return () => {
      live = false;
    };
  }, [id, entityKeys]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      // A menu or form that closed on this Escape has taken it.
      if (e.key === "Escape" && !typing && !e.defaultPrevented) onBack();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onBack]);

  // The header stays at the top: what is scrolled or jumped to lands below it, not under it.
  useEffect(() => {
    const head = detail.current?.querySelector<HTMLElement>(".cf-head");
    if (!head) return;
    const root = document.documentElement;
    const follow = () => {
      const h = `${Math.ceil(head.getBoundingClientRect().height)}px`;
      root.style.setProperty("--cf-head-h", h);
      root.style.scrollPaddingTop = `calc(${h} + 12px)`;
    };
    follow();
    const watch = new ResizeObserver(follow);
    watch.observe(head);
    return () => {
      watch.disconnect();
      root.style.removeProperty("--cf-head-h");
      root.style.scrollPaddingTop = "";
    };
  }, [view !== null]); // eslint-disable-line react-hooks/exhaustive-deps

  // A case just opened: put the cursor in its first empty field, so recording starts at once.
  const focused = useRef(false);
  useEffect(() => {
    if (!view || focused.current) return;
    focused.current = true;
    if (view.case.event_count === 1) {
      const fields = document.querySelectorAll<HTMLInputElement>(".form input[data-field]");
      [...fields].find((f) => !f.value && !f.disabled)?.focus();
    }
  }, [view]);

  // A person's first cases show the guide (theirs: opened by them).
  const openedBy = view?.case.opened_by;
  useEffect(() => {
    if (!openedBy || !userName) return;
    let live = true;
    personKey(userName)
      .then((key) => live && setGuideFor(showsGuide(localStorage, key, id, openedBy === userName) ? key : null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, openedBy, userName]);

  const reviewState = view?.state;
  useEffect(() => {
    if (reviewState) onReviewState(reviewState);
  }, [reviewState, onReviewState]);

  const saved = useCallback(
    (v: CaseView) => {
      // Never step back to an older state of the case; drafts may change without an event.
      setView((old) => (!old || v.case.event_count >= old.case.event_count ? v : old));
      setError(null);
      refreshTimeline();
    },
    [refreshTimeline],
  );

  // A sync may bring other devices' edits (and conflicts): read the case again when one ends.
  const lastSync = useRef(syncedAt);
  useEffect(() => {
    if (syncedAt === lastSync.current) return;
    lastSync.current = syncedAt;
    call("get_case", { case_id: id }).then(saved).catch((e: unknown) => setError(errorText(e)));
  }, [syncedAt, id, saved]);

  const reread = useCallback(() => {
    call("get_case", { case_id: id }).then(saved).catch((e: unknown) => setError(errorText(e)));
  }, [id, saved]);

  // The case moved into review under this screen (a sync, another window): read it again so the
  // reason prompt shows, and keep what was typed (the fields keep it as a draft).
  const askReason = useCallback(() => {
    setReasonAsked((n) => n + 1);
    reread();
  }, [reread]);

  const failed = useCallback(
    (e: CallError) => {
      if (e.code === "reason_required") {
        askReason();
        return;
      }
      setError(errorText(e));
      // A refusal may come from a state this screen has not seen yet (a stale approval): show it.
      if (e.code === "refused") reread();
    },
    [askReason, reread],
  );

  const reasonGivenNow = useCallback(
    (v: CaseView) => {
      saved(v);
      setReasonGiven((n) => n + 1);
    },
    [saved],
  );

  const prompt = useMemo(() => ({ ask: askReason, given: reasonGiven }), [askReason, reasonGiven]);

  const completeness = useMemo(() => (view ? caseCompleteness(view.case, reference.sections) : null), [view, reference.sections]);
  // Fields a reviewer still expects, as `item:field` ("case" for the case's own fields).
  const missing = useMemo(() => {
    const out = new Set<string>();
    for (const p of completeness?.parts ?? [])
      for (const e of p.expectations) if (e.kind === "field" && !e.done) for (const f of e.fields) out.add(`${e.item ?? "case"}:${f}`);
    return out;
  }, [completeness]);

  const setFoldedFor = useCallback(
    (next: Set<Foldable>) => {
      FOLDED.set(id, next);
      setFolded(next);
    },
    [id],
  );
  const toggle = useCallback(
    (part: Foldable) => {
      const next = new Set(folded);
      if (next.has(part)) next.delete(part);
      else next.add(part);
      setFoldedFor(next);
    },
    [folded, setFoldedFor],
  );
  const allParts: Foldable[] = useMemo(() => [...reference.sections.map((s) => s.section), "photos", "documents", "related", "timeline"], [reference.sections]);

  /** Unfold a part, bring it below the header, and put the cursor on `target` (else its heading). */
  const goTo = useCallback(
    (part: Foldable, target?: () => HTMLElement | null) => {
      if (folded.has(part)) {
        const next = new Set(folded);
        next.delete(part);
        setFoldedFor(next);
      }
      // After the unfolded part is drawn.
      requestAnimationFrame(() => {
        const el = target?.() ?? document.getElementById(toggleId(part));
        if (!el) return;
        el.scrollIntoView({ block: target ? "center" : "start" });
        el.focus({ preventScroll: true });
      });
    },
    [folded, setFoldedFor],
  );

  // The cursor is sent to an entry: its part is unfolded first (sealing goods as evidence adds
  // an entry to a part that may be folded).
  const focusEntry = useCallback(
    (request: FocusRequest | null) => {
      if (request && folded.has(request.section)) {
        const next = new Set(folded);
        next.delete(request.section);
        setFoldedFor(next);
      }
      setFocus(request);
    },
    [folded, setFoldedFor],
  );

  const goToExpectation = useCallback(
    (e: Expectation) => {
      setSubmitting(false);
      goTo(e.part, () => {
        if (e.kind === "field") return document.getElementById(`f-${e.item ?? "case"}-${e.fields[0]}`);
        if (e.kind === "custody") return document.getElementById(`custody-${e.item}-from`);
        if (e.part === "photos") return document.querySelector<HTMLElement>('[data-testid="photo-add"]');
        return document.querySelector<HTMLElement>(`[data-testid="add-${e.part}"]`);
      });
    },
    [goTo],
  );

  if (!view || !completeness) {
    return <main className="detail">{error ? <p className="error" role="alert">{error}</p> : t("case.loading")}</main>;
  }
  const c = view.case;
  const locked = lockedForReason(c.review.state, view.change_reason);
  // A withdrawn case until reopened, a closed one for good.
  const frozen = view.state === "withdrawn" || view.state === "closed" || locked;
  const sinceApproval = changedSinceApproval(c.review);
  const progressOf = (part: Part): PartProgress | null => completeness.parts.find((p) => p.part === part) ?? null;
  const conflicts = openConflicts(c);
  const act = (p: Promise<CaseView>) => p.then(saved).catch(failed);
  // From a badge or the warning to the entity's entry in the part that lists its cases.
  const showSeen = (e: EntityMatches) => goTo("related", () => document.getElementById(entityId(e)));
  const titleOf = (part: Foldable) => {
    if (part === "photos") return t("photos.title");
    if (part === "documents") return t("documents.title");
    if (part === "related") return t("related.title");
    if (part === "timeline") return t("case.timeline");
    return label(reference.sections.find((s) => s.section === part)?.label_key ?? part);
  };

  const submit = (comment: string | null, acknowledged: FlagAcknowledgement[]) => {
    setSubmitPending(true);
    call("submit_case", { case_id: id, comment, acknowledged })
      .then((v) => {
        saved(v);
        setSubmitting(false);
        showNewState(v.state);
      })
      .catch(failed)
      .finally(() => setSubmitPending(false));
  };

  const goToConflict = () => {
    const first = conflicts[0];
    if (!first) return;
    const part = first.item ? c.items.find((i) => i.id === first.item)?.section : reference.sections.find((s) => s.fields.some((f) => f.field === first.field))?.section;
    if (!part) return;
    goTo(part, () => document.getElementById(`f-${first.item ?? "case"}-${first.field}`)?.closest(".field")?.querySelector<HTMLElement>(".conflict button") ?? null);
  };

  return (
    <main className="detail casefile" data-testid="case-detail" ref={detail}>
      <CaseHeader
        view={view}
        completeness={completeness}
        conflicts={conflicts.length}
        canSubmit={maySubmit(view.state)}
        exportBusy={exported.busy}
        submitting={submitting}
        onBack={onBack}
        onFlags={() => {
          const flags = document.getElementById("case-flags");
          flags?.scrollIntoView({ block: "start" });
          flags?.focus({ preventScroll: true });
        }}
        onConflicts={goToConflict}
        onMissing={() => {
          const part = firstIncomplete(completeness);
          if (part) goTo(part);
        }}
        onExportPdf={() => exported.run(() => saveExport("export_case_pdf", { case_id: id }))}
        onExportBundle={() => exported.run(() => saveExport("export_case_bundle", { case_id: id }))}
        onSubmit={() => setSubmitting((s) => !s)}
        tray={
          <>
            {submitting && (
              <SubmitPanel
                caseNumber={c.case_number}
                missing={completeness.parts.flatMap((p) => p.expectations.filter((e) => !e.done))}
                flags={view.flags}
                sections={reference.sections}
                pending={submitPending}
                onGo={goToExpectation}
                onSubmit={submit}
                onCancel={() => {
                  setSubmitting(false);
                  document.querySelector<HTMLElement>('[data-testid="case-submit"]')?.focus();
                }}
              />
            )}
            <ExportResult state={exported} onDismiss={exported.dismiss} />
          </>
        }
      />
      <div className="cf-meta">
        {/* A closed case stays closed: the header says so, and nothing here changes it. */}
        {view.state !== "closed" && (
          <StatusControl
            status={c.status}
            reason={c.status_reason}
            disabled={locked}
            onChange={(status, reason) => act(call("set_status", { case_id: id, status, reason }))}
          />
        )}
        <span className="meta">{t("case.opened", { date: formatDateTime(c.opened_at), author: c.opened_by, count: c.event_count })}</span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {/* A withdrawn case is reviewed by nobody: the header's state says all there is. */}
      {view.state !== "withdrawn" && (
        <ReviewPanel view={view} role={props.role} reference={reference} onSaved={saved} onError={failed} onGoSubmit={() => setSubmitting(true)} />
      )}
      <ChangeReason view={view} onSaved={reasonGivenNow} onError={failed} focusKey={reasonAsked} />
      {entities && <SeizureWarning entities={entities} onShow={showSeen} />}
      <section
        id="case-flags"
        tabIndex={-1}
        className={`flags ${view.flags.length ? "raised" : ""}`}
        data-testid="flags"
        aria-label={t("case.flags")}
      >
        {view.flags.length === 0 ? (
          <span className="none">{t("case.no_flags")}</span>
        ) : (
          view.flags.map((f) => (
            <div key={f.code} className="flag" data-flag={f.code}>
              <strong>{flagLabel(f.code)}</strong> {f.details.map((d) => formatMessage(d)).join("; ")}
            </div>
          ))
        )}
        <FlagAdvice view={view} locked={locked} onAct={act} />
      </section>
      {guideFor && (
        <CaseGuide
          completeness={completeness}
          onGo={(part) => goTo(part)}
          onHide={() => {
            hideGuide(localStorage, guideFor);
            setGuideFor(null);
            document.getElementById(toggleId(reference.sections[0].section))?.focus();
          }}
        />
      )}
      <div className="columns">
        <nav className={`sections cf-nav${menuOpen ? " open" : ""}`} aria-labelledby="cf-nav-title">
          <div className="cf-nav-head">
            <span id="cf-nav-title">{t("case.sections")}</span>
            {/* Narrow or zoomed in, the menu folds away above the form behind this button. */}
            <button
              type="button"
              className="cf-nav-toggle"
              aria-expanded={menuOpen}
              aria-controls="cf-nav-list"
              onClick={() => setMenuOpen((open) => !open)}
              data-testid="sections-menu"
            >
              <ChevronDown size={20} aria-hidden="true" />
              {t("case.sections")}
            </button>
            <button type="button" className="icon" onClick={() => setFoldedFor(new Set())} aria-label={t("casefile.unfold_all")} data-testid="unfold-all">
              <ChevronsUpDown size={20} />
            </button>
            <button type="button" className="icon" onClick={() => setFoldedFor(new Set(allParts))} aria-label={t("casefile.fold_all")} data-testid="fold-all">
              <ChevronsDownUp size={20} />
            </button>
          </div>
          <ul id="cf-nav-list">
            {allParts.map((part) => (
              <li key={part}>
                <NavLink
                  part={part}
                  title={titleOf(part)}
                  progress={part === "timeline" || part === "documents" || part === "related" ? null : progressOf(part)}
                  onGo={(to) => {
                    setMenuOpen(false);
                    goTo(to);
                  }}
                />
              </li>
            ))}
          </ul>
        </nav>
        <ReasonPromptContext.Provider value={prompt}>
          <div className="form">
            {reference.sections.map((s) => (
              <CaseSection
                key={s.section}
                part={s.section}
                title={titleOf(s.section)}
                count={s.is_list ? c.items.filter((i) => i.section === s.section && !i.withdrawn).length : undefined}
                progress={progressOf(s.section)}
                open={!folded.has(s.section)}
                onToggle={toggle}
              >
                {s.is_list ? (
                  <ListSection
                    info={s}
                    view={view}
                    readOnly={frozen}
                    userName={userName}
                    missing={missing}
                    needsEntry={RULES[s.section].needsEntry?.(c) ?? false}
                    focus={focus}
                    onFocus={focusEntry}
                    onSaved={saved}
                    onError={failed}
                    seen={(item) => entities?.filter((e) => e.items.includes(item)) ?? []}
                    onShowSeen={showSeen}
                  />
                ) : (
                  <>
                    <SectionCommentNote view={view} section={s.section} />
                    <div className="grid">
                      {s.fields.map((f) => (
                        <FieldInput
                          key={f.field}
                          caseId={id}
                          item={null}
                          info={f}
                          readOnly={frozen}
                          expected={missing.has(`case:${f.field}`)}
                          saved={c.fields[f.field]?.value ?? null}
                          draft={view.drafts.find((d) => d.item === null && d.field === f.field)?.text}
                          conflict={conflictOf(c.conflicts, null, f.field)}
                          onSaved={saved}
                        />
                      ))}
                    </div>
                    <SeenBadges entities={caseLevel(entities, s.section)} onShow={showSeen} />
                  </>
                )}
              </CaseSection>
            ))}
            <CaseSection
              part="photos"
              title={titleOf("photos")}
              count={c.photos.filter((p) => !p.excluded).length}
              progress={progressOf("photos")} open={!folded.has("photos")} onToggle={toggle}>
              <Photos view={view} frozen={frozen} maxBytes={reference.max_photo_bytes} onSaved={saved} />
            </CaseSection>
            <CaseSection
              part="documents"
              title={titleOf("documents")}
              count={c.documents.filter((d) => !d.excluded).length}
              progress={null}
              open={!folded.has("documents")}
              onToggle={toggle}
            >
              <Documents view={view} frozen={frozen} maxBytes={reference.max_document_bytes} onSaved={saved} />
            </CaseSection>
 <CaseSection part="related" title={titleOf("related")} progress={null} open={!folded.has("related")} onToggle={toggle}>
              <RelatedCases caseId={id} entities={entities} elsewhere={elsewhere} elsewhereFailed={elsewhereFailed} frozen={frozen} onOpenCase={props.onOpenCase} onShowNetwork={() => props.onShowNetwork(id)} onAct={act} />
            </CaseSection>
            <CaseSection part="timeline" title={titleOf("timeline")} progress={null} open={!folded.has("timeline")} onToggle={toggle}>
              <Timeline entries={timeline} sinceApproval={sinceApproval} sections={reference.sections} />
            </CaseSection>
          </div>
        </ReasonPromptContext.Provider>
      </div>
    </main>
  );
}

/** A part in the section menu: its name and how far it is filled; a press unfolds it and goes there. */
function NavLink(props: { part: Foldable; title: string; progress: PartProgress | null; onGo: (part: Foldable) => void }) {
  const { progress } = props;
  const state = progress ? partState(progress) : "optional";
  return (
    <a
      href={`#${partId(props.part)}`}
      data-state={state}
      data-testid={`nav-${props.part}`}
      onClick={(e) => {
        e.preventDefault();
        props.onGo(props.part);
      }}
    >
      <span className="cf-nav-name">{props.title}</span>
      {progress && state !== "optional" && (
        <span className="cf-nav-progress">
          {state === "complete" ? (
            <CircleCheck size={18} />
          ) : (
            <span aria-hidden="true">{t("casefile.progress_short", { done: progress.done, total: progress.total })}</span>
          )}
          <span className="cf-sr">
            {state === "complete" ? t("casefile.complete") : t("casefile.progress", { done: progress.done, total: progress.total })}
          </span>
        </span>
      )}
    </a>
  );
}

/** Conflicts a person can settle here: on the case's fields and on items not withdrawn. */
function openConflicts(c: CaseFile) {
  const live = new Set(c.items.filter((i) => !i.withdrawn).map((i) => i.id));
  return c.conflicts.filter((k) => k.item === null || live.has(k.item));
}

/**
 * Withdrawing a case, or taking it back: a step beside the file, not a second status next to its
 * state (the header shows the one state). Withdrawing asks why, and the reason is recorded.
 */
function StatusControl(props: {
  status: CaseStatus;
  reason: string | null;
  disabled: boolean;
  onChange: (s: CaseStatus, reason: string | null) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  if (props.status === "withdrawn") {
    return (
      <span className="status-control">
        {props.reason && <span className="meta">{t("case.withdrawn_because", { reason: props.reason })}</span>}
        <button type="button" className="quiet" disabled={props.disabled} onClick={() => props.onChange("open", null)} data-testid="reopen-case">
          {t("case.reopen")}
        </button>
      </span>
    );
  }
  if (asking) {
    return (
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange("withdrawn", reason);
          setAsking(false);
        }}
      >
        <input autoFocus aria-label={t("case.why_withdrawn")} placeholder={t("case.why_withdrawn")} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit" disabled={!reason.trim()}>
          {t("case.confirm")}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t("cases.cancel")}
        </button>
      </form>
    );
  }
  return (
    <button type="button" className="quiet status-control" disabled={props.disabled} onClick={() => setAsking(true)} data-testid="withdraw-case">
      {t("case.withdraw_case")}
    </button>
  );
}
