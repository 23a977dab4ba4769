// One case: its sections and items as a form, flags, review, photos and timeline.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CaseFile, CaseStatus, CaseView, Direction, Item, ReferenceData, ReviewState, Role, SectionInfo, TimelineEntry } from "./bindings";
import { call, CallError } from "./ipc";
import { FieldInput } from "./FieldInput";
import { Timeline } from "./Timeline";
import { Photos } from "./Photos";
import { errorText, flagLabel, formatDateTime, formatMessage, intlTag, itemLabel, label, statusLabel, t } from "./labels";
import { conflictOf } from "./ConflictNotice";
import { ChangeReason, ReviewPanel, SectionCommentNote } from "./ReviewPanel";
import { changedSinceApproval, lockedForReason } from "./reviewStatus";
import { ReasonPromptContext } from "./reasonPrompt";
import { ExportResult, useExport } from "./ExportResult";
import { CustodyChain } from "./CustodyChain";

export function CaseDetail(props: {
  id: string;
  role: Role;
  /** The person using the app: the handover form offers them as the receiver. */
  userName: string | null;
  reference: ReferenceData;
  syncedAt: string | null;
  onBack: () => void;
  /** The case entered or left the review queue (submitted, decided, reopened by an edit). */
  onReviewState: (state: ReviewState) => void;
}) {
  const { id, reference, syncedAt, onBack, onReviewState } = props;
  const [view, setView] = useState<CaseView | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Counts, not flags: each refusal asks again (focusing the reason box), each reason given retries.
  const [reasonAsked, setReasonAsked] = useState(0);
  const [reasonGiven, setReasonGiven] = useState(0);
  const exported = useExport();

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

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === "Escape" && !typing) onBack();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onBack]);

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

  const reviewState = view?.case.review.state;
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

  const act = (p: Promise<CaseView>) => p.then(saved).catch(failed);

  if (!view) {
    return <main className="detail">{error ? <p className="error" role="alert">{error}</p> : t("case.loading")}</main>;
  }
  const c = view.case;
  const locked = lockedForReason(c.review.state, view.change_reason);
  const frozen = c.status === "withdrawn" || locked;
  const sinceApproval = changedSinceApproval(c.review);

  return (
    <main className="detail" data-testid="case-detail">
      <div className="case-head">
        <button onClick={onBack} title={t("case.back_title")} data-testid="case-back">
          {t("case.back")}
        </button>
        <h1 className="mono" data-testid="case-number">
          {c.case_number}
        </h1>
        <ConflictCount count={openConflicts(c).length} />
        <StatusControl
          status={c.status}
          reason={c.status_reason}
          disabled={locked}
          onChange={(status, reason) => act(call("set_status", { case_id: id, status, reason }))}
        />
        <span className="meta">
          {t("case.opened", { date: formatDateTime(c.opened_at), author: c.opened_by, count: c.event_count })}
        </span>
        <span className="spacer" />
        <button onClick={() => exported.run(() => call("export_case_pdf", { case_id: id }))} disabled={exported.busy} data-testid="export-pdf">
          {t("case.export_pdf")}
        </button>
        <button
          onClick={() => exported.run(() => call("export_case_bundle", { case_id: id }))}
          disabled={exported.busy}
          data-testid="export-bundle"
          title={t("case.export_bundle_title")}
        >
          {t("case.export_bundle")}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ExportResult state={exported} onDismiss={exported.dismiss} />
      <ReviewPanel view={view} role={props.role} reference={reference} onSaved={saved} onError={failed} />
      <ChangeReason view={view} onSaved={reasonGivenNow} onError={failed} focusKey={reasonAsked} />
      <section className={`flags ${view.flags.length ? "raised" : ""}`} data-testid="flags" aria-label={t("case.flags")}>
        {view.flags.length === 0 ? (
          <span className="none">{t("case.no_flags")}</span>
        ) : (
          view.flags.map((f) => (
            <div key={f.code} className="flag" data-flag={f.code}>
              <strong>{flagLabel(f.code)}</strong> {f.details.map((d) => formatMessage(d)).join("; ")}
            </div>
          ))
        )}
      </section>
      <div className="columns">
        <nav className="sections" aria-label={t("case.sections")}>
          {reference.sections.map((s) => (
            <a key={s.section} href={`#s-${s.section}`}>
              {sectionTitle(s)}
            </a>
          ))}
          <a href="#s-photos">{t("photos.title")}</a>
          <a href="#s-timeline">{t("case.timeline")}</a>
        </nav>
        <ReasonPromptContext.Provider value={prompt}>
          <div className="form">
            {reference.sections.map((s) =>
              s.is_list ? (
                <ListSection key={s.section} info={s} view={view} frozen={frozen} userName={props.userName} onSaved={saved} onError={failed} />
              ) : (
                <section key={s.section} id={`s-${s.section}`} className="section" data-section={s.section}>
                  <h2>{sectionTitle(s)}</h2>
                  <SectionCommentNote view={view} section={s.section} />
                  <div className="grid">
                    {s.fields.map((f) => (
                      <FieldInput
                        key={f.field}
                        caseId={id}
                        item={null}
                        info={f}
                        disabled={frozen}
                        saved={c.fields[f.field]?.value ?? null}
                        draft={view.drafts.find((d) => d.item === null && d.field === f.field)?.text}
                        conflict={conflictOf(c.conflicts, null, f.field)}
                        onSaved={saved}
                      />
                    ))}
                  </div>
                </section>
              ),
            )}
            <Photos view={view} frozen={frozen} maxBytes={reference.max_photo_bytes} onSaved={saved} />
            <section id="s-timeline" className="section">
              <h2>{t("case.timeline")}</h2>
              <Timeline entries={timeline} sinceApproval={sinceApproval} />
            </section>
          </div>
        </ReasonPromptContext.Provider>
      </div>
    </main>
  );
}

function sectionTitle(s: SectionInfo): string {
  return label(s.label_key);
}

function ListSection(props: {
  info: SectionInfo;
  view: CaseView;
  frozen: boolean;
  userName: string | null;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
}) {
  const { info, view } = props;
  const caseId = view.case.id;
  const items = view.case.items.filter((i) => i.section === info.section);
  const add = () =>
    call("add_item", { case_id: caseId, section: info.section })
      .then((v) => {
        props.onSaved(v);
        // Put the cursor in the first field of the new entry.
        const added = v.case.items.filter((i) => i.section === info.section).at(-1);
        if (added) window.setTimeout(() => document.getElementById(`f-${added.id}-${info.fields[0].field}`)?.focus(), 0);
      })
      .catch(props.onError);
  return (
    <section id={`s-${info.section}`} className="section" data-section={info.section}>
      <h2>
        {sectionTitle(info)} <span className="count">{items.filter((i) => !i.withdrawn).length}</span>
      </h2>
      <SectionCommentNote view={view} section={info.section} />
      {items.map((item, index) => (
        <ItemCard key={item.id} item={item} index={index} {...props} />
      ))}
      <button onClick={add} disabled={props.frozen} data-testid={`add-${info.section}`}>
        {t("case.add_item", { item: itemLabel(info).toLocaleLowerCase(intlTag()) })}
      </button>
    </section>
  );
}

function ItemCard(props: {
  item: Item;
  index: number;
  info: SectionInfo;
  view: CaseView;
  frozen: boolean;
  userName: string | null;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
}) {
  const { item, info, view } = props;
  const name = t("case.item_name", { item: itemLabel(info), number: props.index + 1 });
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const withdraw = (e: React.FormEvent) => {
    e.preventDefault();
    call("withdraw_item", { case_id: view.case.id, item: item.id, reason })
      .then(props.onSaved)
      .catch(props.onError);
  };
  const move = (direction: Direction) =>
    call("move_item", { case_id: view.case.id, item: item.id, direction })
      .then(props.onSaved)
      .catch(props.onError);
  const seal = () =>
    call("evidence_from_goods", { case_id: view.case.id, goods: item.id })
      .then((v) => {
        props.onSaved(v);
        // Take the person to the new evidence item: its bag or seal number is still to be typed.
        const added = v.case.items.filter((i) => i.section === "evidence").at(-1);
        if (added)
          window.setTimeout(() => {
            const number = document.getElementById(`f-${added.id}-evidence_number`);
            number?.scrollIntoView({ block: "center" });
            number?.focus({ preventScroll: true });
          }, 0);
      })
      .catch(props.onError);
  if (item.withdrawn) {
    return (
      <div className="item withdrawn" data-item={props.index}>
        {t("case.item_withdrawn", { name, reason: item.withdrawn })}
      </div>
    );
  }
  return (
    <div className="item" data-item={props.index}>
      <div className="item-head">
        <strong>{name}</strong>
        {!props.frozen && !withdrawing && (
          <>
            <button className="quiet" onClick={() => move("up")} title={t("case.move_up")} aria-label={t("case.move_item_up", { name })}>
              ↑
            </button>
            <button className="quiet" onClick={() => move("down")} title={t("case.move_down")} aria-label={t("case.move_item_down", { name })}>
              ↓
            </button>
            <button className="quiet" onClick={() => setWithdrawing(true)}>
              {t("case.withdraw_start")}
            </button>
          </>
        )}
        {info.section === "goods_found" && !withdrawing && (
          <button onClick={seal} disabled={props.frozen} data-testid="evidence-from-goods">
            {t("case.seal_as_evidence")}
          </button>
        )}
        {withdrawing && (
          <form onSubmit={withdraw} className="inline">
            <input autoFocus placeholder={t("case.withdraw_reason")} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit">{t("case.withdraw")}</button>
            <button type="button" onClick={() => setWithdrawing(false)}>
              {t("cases.cancel")}
            </button>
          </form>
        )}
      </div>
      <div className="grid">
        {info.fields.map((f) => (
          <FieldInput
            key={f.field}
            caseId={view.case.id}
            item={item.id}
            info={f}
            disabled={props.frozen}
            saved={item.fields[f.field]?.value ?? null}
            draft={view.drafts.find((d) => d.item === item.id && d.field === f.field)?.text}
            conflict={conflictOf(view.case.conflicts, item.id, f.field)}
            onSaved={props.onSaved}
          />
        ))}
      </div>
      {info.section === "evidence" && (
        <CustodyChain
          caseId={view.case.id}
          item={item.id}
          name={name}
          records={view.case.custody}
          userName={props.userName}
          disabled={props.frozen}
          onSaved={props.onSaved}
          onError={props.onError}
        />
      )}
    </div>
  );
}

/** Conflicts a person can settle here: on the case's fields and on items not withdrawn. */
function openConflicts(c: CaseFile) {
  const live = new Set(c.items.filter((i) => !i.withdrawn).map((i) => i.id));
  return c.conflicts.filter((k) => k.item === null || live.has(k.item));
}

function ConflictCount({ count }: { count: number }) {
  if (count === 0) return null;
  const goToFirst = () => {
    const first = document.querySelector<HTMLElement>(".conflict");
    first?.scrollIntoView({ block: "center" });
    first?.querySelector("button")?.focus({ preventScroll: true });
  };
  return (
    <button className="conflict-count" onClick={goToFirst} data-testid="conflict-count" data-count={count} title={t("case.conflicts_title")}>
      {t("case.conflicts", { count })}
    </button>
  );
}

function StatusControl(props: {
  status: CaseStatus;
  reason: string | null;
  disabled: boolean;
  onChange: (s: CaseStatus, reason: string | null) => void;
}) {
  // Only a withdrawal asks why.
  const [pending, setPending] = useState<"withdrawn" | null>(null);
  const [reason, setReason] = useState("");
  if (pending) {
    return (
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          props.onChange(pending, reason);
          setPending(null);
        }}
      >
        <input autoFocus placeholder={t("case.why_withdrawn")} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="submit">{t("case.confirm")}</button>
        <button type="button" onClick={() => setPending(null)}>
          {t("cases.cancel")}
        </button>
      </form>
    );
  }
  return (
    <label className="status-control">
      {t("case.status")}{" "}
      <select
        data-testid="case-status"
        value={props.status}
        disabled={props.disabled}
        onChange={(e) => {
          const s = e.target.value as CaseStatus;
          if (s === "withdrawn") setPending(s);
          else props.onChange(s, null);
        }}
      >
        {(["open", "closed", "withdrawn"] as const).map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      {props.reason && <span className="meta"> ({props.reason})</span>}
    </label>
  );
}
