// A list section of the case file (seals, goods found, parties, ...): each entry a named group of
// fields, its rarer actions (reorder, withdraw) in a menu of its own, set apart from the others;
// the last move or withdrawal is taken back with one press, and a withdrawn entry restored.
import { useEffect, useId, useRef, useState } from "react";
import { ArrowDown, ArrowUp, Ban, EllipsisVertical, PackageCheck, Plus, RotateCcw, Undo2, X } from "lucide-react";
import type { CaseView, Direction, EntityMatches, Field, Item, SectionInfo } from "./bindings";
import { call, CallError } from "./ipc";
import { FieldInput } from "./FieldInput";
import { entryChoices } from "./entries";
import { conflictOf } from "./ConflictNotice";
import { CustodyChain } from "./CustodyChain";
import { ReadingsImport } from "./ReadingsImport";
import { ScanBox } from "./ScanBox";
import { SeenBadges } from "./RelatedCases";
import { SectionCommentNote } from "./ReviewPanel";
import { codeLabel, intlTag, itemLabel, t } from "./labels";
import { announce } from "./announcer";
import { optionText } from "./statistics";

/** Where the cursor goes once the screen shows a change: an entry of `section` (its first field, or `field`). */
export type FocusRequest = { item: string; section: SectionInfo["section"]; field?: Field };
// A call under way (named, so that no markup check reads a generic as words).
type Pending = Promise<void>;

/** The field whose value tells entries apart in their names ("Party 2: Shipper"). */
const DISTINGUISHED_BY: Partial<Record<SectionInfo["section"], Field>> = {
  units: "unit_number",
  seals: "seal_number",
  route: "leg_role",
  samples: "sample_seal",
  readings: "reading_element",
  parties: "party_role",
  evidence: "evidence_number",
};

/** Sections whose entries are numbers on a label a scanner reads: a seal, a sample bag's seal, an
 *  evidence bag. Each gets a scan box that adds an entry per scan. */
const SCANNED: Partial<Record<SectionInfo["section"], Field>> = {
  seals: "seal_number",
  samples: "sample_seal",
  evidence: "evidence_number",
};

/** "Seal 2", for buttons and forms that act on the entry. */
export function entryName(info: SectionInfo, number: number): string {
  return t("case.item_name", { item: itemLabel(info), number });
}

/** The entry's heading: its name, and what tells it apart once that is filled in. */
export function entryTitle(info: SectionInfo, item: Item, number: number): string {
  const name = entryName(info, number);
  const field = DISTINGUISHED_BY[info.section];
  const value = field ? item.fields[field]?.value : undefined;
  if (!field || !value) return name;
  const option = info.fields.find((f) => f.field === field)?.options.find((o) => o.code === value);
  const detail = option ? optionText({ code: option.code, label: codeLabel(option) }) : value;
  return t("casefile.item_title", { name, detail });
}

/**
 * A step on an entry that one press takes back: a move (undone by putting the entry back after
 * `after`, the entry it stood after, withdrawn ones counted) or a withdrawal. `count` is the case's
 * event count the step left: once the case changes again, the step is no longer offered.
 */
type Undoable = { item: string; count: number } & ({ kind: "move"; direction: Direction; after: string | null } | { kind: "withdraw" });

/** The entry's place in its list, counted from one: what its name says. */
function numberOf(view: CaseView, section: SectionInfo["section"], item: string): number {
  return view.case.items.filter((i) => i.section === section).findIndex((i) => i.id === item) + 1;
}

/** What a step did, in words: "Seal 2 withdrawn.", "Seal 1 moved up." */
function doneText(info: SectionInfo, step: Undoable, number: number): string {
  const name = entryName(info, number);
  if (step.kind === "withdraw") return t("casefile.entry_withdrawn", { name });
  return step.direction === "up" ? t("casefile.entry_moved_up", { name }) : t("casefile.entry_moved_down", { name });
}

type Shared = {
  view: CaseView;
  readOnly: boolean;
  userName: string | null;
  /** Fields a reviewer still expects, as `item:field`. */
  missing: Set<string>;
  focus: FocusRequest | null;
  onFocus: (request: FocusRequest | null) => void;
  onSaved: (v: CaseView) => void;
  onError: (e: CallError) => void;
  /** What other cases name of an entry's values (a party's name, number, phone; a unit's number). */
  seen: (item: string) => EntityMatches[];
  onShowSeen: (entity: EntityMatches) => void;
};

export function ListSection(props: Shared & { info: SectionInfo; needsEntry: boolean }) {
  const { info, view } = props;
  const caseId = view.case.id;
  // The last move or withdrawal here. It is offered while the case stays as that step left it, or
  // until the person closes it: never on a timer, as a gloved hand may take a while to reach it.
  const [step, setStep] = useState<Undoable | null>(null);
  const items = view.case.items.filter((i) => i.section === info.section);
  const live = items.filter((i) => !i.withdrawn);
  const scanned = SCANNED[info.section];
  const item = itemLabel(info);
  const offered = step && step.count === view.case.event_count && !props.readOnly ? step : null;
  const done = (v: CaseView, next: Undoable) => {
    setStep(next);
    announce(doneText(info, next, numberOf(v, info.section, next.item)));
  };
  // Taking a step back (or restoring an entry withdrawn earlier): the cursor goes to the entry.
  const takeBack = (request: Promise<CaseView>, item: string, moved: boolean) =>
    request
      .then((v) => {
        props.onSaved(v);
        props.onFocus({ item, section: info.section });
        const name = entryName(info, numberOf(v, info.section, item));
        announce(moved ? t("casefile.entry_moved_back", { name }) : t("casefile.entry_restored", { name }));
      })
      .catch(props.onError);
  const undo = (u: Undoable) =>
    takeBack(
      u.kind === "move" ? call("place_item", { case_id: caseId, item: u.item, after: u.after }) : call("restore_item", { case_id: caseId, item: u.item }),
      u.item,
      u.kind === "move",
    );
  // One entry per press; the button is not disabled meanwhile, as that would drop the cursor.
  const adding = useRef(false);
  const add = () => {
    if (adding.current) return;
    adding.current = true;
    call("add_item", { case_id: caseId, section: info.section })
      .then((v) => {
        props.onSaved(v);
        const added = v.case.items.filter((i) => i.section === info.section).at(-1);
        if (added) props.onFocus({ item: added.id, section: info.section });
      })
      .catch(props.onError)
      .finally(() => (adding.current = false));
  };
  return (
    <>
      <SectionCommentNote view={view} section={info.section} />
      {live.length === 0 && (
        <p className="cf-empty">{props.needsEntry ? t("casefile.no_entry_expected") : t("casefile.no_entry")}</p>
      )}
      {items.map((item, index) => (
        <ItemCard
          key={item.id}
          {...props}
          item={item}
          index={index}
          last={index === items.length - 1}
          previous={items[index - 1]?.id ?? null}
          step={offered?.item === item.id ? offered : null}
          onStep={done}
          onUndo={undo}
          onCloseStep={() => setStep(null)}
          onRestore={() => takeBack(call("restore_item", { case_id: caseId, item: item.id }), item.id, false)}
        />
      ))}
      {!props.readOnly && (
        <button type="button" className="cf-add" onClick={add} data-testid={`add-${info.section}`}>
          <Plus size={20} />
          {t("case.add_item", { item: itemLabel(info).toLocaleLowerCase(intlTag()) })}
        </button>
      )}
      {!props.readOnly && scanned && <ScanBox view={view} info={info} field={scanned} item={item} onSaved={props.onSaved} />}
      {!props.readOnly && info.section === "readings" && <ReadingsImport view={view} info={info} onSaved={props.onSaved} onError={props.onError} />}
    </>
  );
}

function ItemCard(
  props: Shared & {
    info: SectionInfo;
    item: Item;
    index: number;
    last: boolean;
    /** The entry before this one in its list (withdrawn ones too): where an undone move puts it back. */
    previous: string | null;
    /** The step just taken on this entry, while it can be taken back. */
    step: Undoable | null;
    onStep: (v: CaseView, step: Undoable) => void;
    onUndo: (step: Undoable) => Pending;
    onCloseStep: () => void;
    onRestore: () => Pending;
  },
) {
  const { item, info, view, focus, onFocus } = props;
  const number = props.index + 1;
  const name = entryName(info, number);
  const title = entryTitle(info, item, number);
  const titleId = `item-${item.id}-title`;
  const card = useRef<HTMLDivElement>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  // One restore per press (a second would find the entry no longer withdrawn).
  const restoring = useRef(false);
  const restore = () => {
    if (restoring.current) return;
    restoring.current = true;
    void props.onRestore().finally(() => (restoring.current = false));
  };

  // The change this entry was waiting for is on screen: put the cursor where it was asked for.
  useEffect(() => {
    if (!focus || focus.item !== item.id || !card.current) return;
    const wanted = focus.field ? document.getElementById(`f-${item.id}-${focus.field}`) : null;
    const target = wanted ?? card.current.querySelector<HTMLElement>("input, select, textarea") ?? card.current;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
    onFocus(null);
  }, [focus, item.id, onFocus]);

  const move = (direction: Direction) =>
    call("move_item", { case_id: view.case.id, item: item.id, direction })
      .then((v) => {
        props.onSaved(v);
        // At either end nothing moved, and there is nothing to take back.
        if (v.case.event_count !== view.case.event_count)
          props.onStep(v, { kind: "move", item: item.id, direction, after: props.previous, count: v.case.event_count });
      })
      .catch(props.onError);
  // Closed: the cursor stays with the entry (its menu button, or the withdrawn entry itself).
  const closeStep = () => {
    props.onCloseStep();
    (card.current?.querySelector<HTMLElement>('[data-testid="entry-actions"]') ?? card.current)?.focus();
  };
  const step = props.step;
  const notice = step && <EntryNotice text={doneText(info, step, number)} onUndo={() => props.onUndo(step)} onClose={closeStep} />;
  const seal = () =>
    call("evidence_from_goods", { case_id: view.case.id, goods: item.id })
      .then((v) => {
        props.onSaved(v);
        // The new evidence item's bag or seal number is still to be typed.
        const added = v.case.items.filter((i) => i.section === "evidence").at(-1);
        if (added) onFocus({ item: added.id, section: "evidence", field: "evidence_number" });
      })
      .catch(props.onError);

  if (item.withdrawn) {
    return (
      <div ref={card} className="item withdrawn" data-item={props.index} role="group" aria-labelledby={titleId} tabIndex={-1}>
        <h3 id={titleId} className="item-title">
          {title}
        </h3>
        <p>{t("case.item_withdrawn", { name, reason: item.withdrawn })}</p>
        {notice}
        {/* Just withdrawn, the notice's Undo does this; later, Restore takes the withdrawal back. */}
        {!props.readOnly && !step && (
          <button type="button" className="item-restore" onClick={restore} data-testid="restore-item">
            <RotateCcw size={20} />
            {t("casefile.restore", { name })}
          </button>
        )}
      </div>
    );
  }
  return (
    <div ref={card} className="item" data-item={props.index} data-testid={`item-${info.section}-${props.index}`} role="group" aria-labelledby={titleId}>
      <div className="item-head">
        <h3 id={titleId} className="item-title">
          {title}
        </h3>
        <SeenBadges entities={props.seen(item.id)} onShow={props.onShowSeen} />
        {!props.readOnly && !withdrawing && (
          <EntryMenu name={name} first={props.index === 0} last={props.last} onMove={move} onWithdraw={() => setWithdrawing(true)} />
        )}
      </div>
      {notice}
      {withdrawing && (
        <WithdrawForm
          name={name}
          onCancel={() => setWithdrawing(false)}
          onWithdraw={(reason) =>
            call("withdraw_item", { case_id: view.case.id, item: item.id, reason })
              .then((v) => {
                props.onSaved(v);
                // Closed, so that the entry comes back without it once restored.
                setWithdrawing(false);
                props.onStep(v, { kind: "withdraw", item: item.id, count: v.case.event_count });
                // The card becomes the withdrawn line: keep the cursor there, not lost at the top.
                onFocus({ item: item.id, section: info.section });
              })
              .catch(props.onError)
          }
        />
      )}
      <div className="grid">
        {info.fields.map((f) => (
          <FieldInput
            key={f.field}
            caseId={view.case.id}
            item={item.id}
            info={f}
            readOnly={props.readOnly}
            expected={props.missing.has(`${item.id}:${f.field}`)}
            saved={item.fields[f.field]?.value ?? null}
            draft={view.drafts.find((d) => d.item === item.id && d.field === f.field)?.text}
            conflict={conflictOf(view.case.conflicts, item.id, f.field)}
            entries={f.entries_of ? entryChoices(view, f.entries_of) : undefined}
            onSaved={props.onSaved}
          />
        ))}
      </div>
      {info.section === "goods_found" && !props.readOnly && (
        <div className="item-foot">
          <button type="button" onClick={seal} data-testid="evidence-from-goods">
            <PackageCheck size={20} />
            {t("case.seal_as_evidence")}
          </button>
        </div>
      )}
      {(info.section === "evidence" || info.section === "samples") && (
        <CustodyChain
          caseId={view.case.id}
          item={item.id}
          name={name}
          records={view.case.custody}
          userName={props.userName}
          disabled={props.readOnly}
          onSaved={props.onSaved}
          onError={props.onError}
        />
      )}
    </div>
  );
}

/**
 * Reordering and withdrawing, behind a button of their own at the far end of the entry's
 * heading: a gloved tap meant for another button does not move or withdraw an entry.
 */
function EntryMenu(props: { name: string; first: boolean; last: boolean; onMove: (d: Direction) => Pending; onWithdraw: () => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    // Opened near the bottom of the window: bring the whole menu into view.
    panel.current?.scrollIntoView({ block: "nearest" });
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // The entry moves in the page; once it is drawn there, the button pressed keeps the cursor for
  // the next press (the other one at the top or bottom of the list, where it is disabled).
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const [moved, setMoved] = useState<Direction | null>(null);
  useEffect(() => {
    if (!moved) return;
    const [wanted, other] = moved === "up" ? [up.current, down.current] : [down.current, up.current];
    const target = wanted && !wanted.disabled ? wanted : other && !other.disabled ? other : toggle.current;
    target?.focus();
    setMoved(null);
  }, [moved]);
  const move = (direction: Direction) => {
    void props.onMove(direction).then(() => setMoved(direction));
  };
  return (
    <div
      className="entry-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.preventDefault();
          close();
        }
      }}
    >
      <button
        type="button"
        ref={toggle}
        className="icon"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t("casefile.entry_actions", { name: props.name })}
        onClick={() => setOpen((o) => !o)}
        data-testid="entry-actions"
      >
        <EllipsisVertical size={22} />
      </button>
      <div id={id} ref={panel} className="entry-menu-panel" hidden={!open}>
        <button type="button" ref={up} disabled={props.first} onClick={() => move("up")} data-testid="move-up">
          <ArrowUp size={20} />
          {t("case.move_up")}
        </button>
        <button type="button" ref={down} disabled={props.last} onClick={() => move("down")} data-testid="move-down">
          <ArrowDown size={20} />
          {t("case.move_down")}
        </button>
        <hr />
        <button
          type="button"
          className="danger-text"
          onClick={() => {
            setOpen(false);
            props.onWithdraw();
          }}
          data-testid="withdraw-start"
        >
          <Ban size={20} />
          {t("case.withdraw_start")}
        </button>
      </div>
    </div>
  );
}

/**
 * What was just done to an entry, beside it, with the one press that takes it back. Screen readers
 * hear it through the polite live region (`announce`), so it is not a live region itself.
 */
function EntryNotice(props: { text: string; onUndo: () => Pending; onClose: () => void }) {
  const id = useId();
  // One undo per press; the button is not disabled meanwhile, as that would drop the cursor.
  const pending = useRef(false);
  const undo = () => {
    if (pending.current) return;
    pending.current = true;
    void props.onUndo().finally(() => (pending.current = false));
  };
  return (
    <div className="entry-notice" data-testid="entry-notice">
      <span id={id} className="entry-notice-text">
        {props.text}
      </span>
      <button type="button" aria-describedby={id} onClick={undo} data-testid="entry-undo">
        <Undo2 size={20} />
        {t("casefile.undo")}
      </button>
      <button type="button" className="icon" aria-label={t("casefile.notice_close")} onClick={props.onClose} data-testid="entry-notice-close">
        <X size={20} />
      </button>
    </div>
  );
}

/** Withdrawing asks why and is confirmed by a button naming the entry; the entry stays in the file. */
function WithdrawForm(props: { name: string; onCancel: () => void; onWithdraw: (reason: string) => Pending }) {
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const id = useId();
  return (
    <form
      className="withdraw-form"
      aria-labelledby={`${id}-question`}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() === "") return;
        setPending(true);
        void props.onWithdraw(reason).finally(() => setPending(false));
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p id={`${id}-question`}>{t("casefile.withdraw_question", { name: props.name })}</p>
      <label htmlFor={`${id}-reason`}>{t("case.withdraw_reason")}</label>
      <input id={`${id}-reason`} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} data-testid="withdraw-reason" />
      <div className="withdraw-actions">
        <button type="submit" className="danger" disabled={pending || reason.trim() === ""} data-testid="withdraw-confirm">
          <Ban size={20} />
          {t("case.withdraw", { name: props.name })}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("cases.cancel")}
        </button>
      </div>
    </form>
  );
}
