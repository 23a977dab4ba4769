// A list section of the case file (seals, goods found, parties, ...): each entry a named group of
// fields, its rarer actions (reorder, withdraw) in a menu of its own, set apart from the others.
import { useEffect, useId, useRef, useState } from "react";
import { ArrowDown, ArrowUp, Ban, EllipsisVertical, PackageCheck, Plus } from "lucide-react";
import type { CaseView, Direction, Field, Item, SectionInfo } from "./bindings";
import { call, CallError } from "./ipc";
import { FieldInput } from "./FieldInput";
import { entryChoices } from "./entries";
import { conflictOf } from "./ConflictNotice";
import { CustodyChain } from "./CustodyChain";
import { SectionCommentNote } from "./ReviewPanel";
import { codeLabel, intlTag, itemLabel, t } from "./labels";
import { optionText } from "./statistics";

/** Where the cursor goes once the screen shows a change: an entry of `section` (its first field, or `field`). */
export type FocusRequest = { item: string; section: SectionInfo["section"]; field?: Field };
// A call under way (named, so that no markup check reads a generic as words).
type Pending = Promise<void>;

/** The field whose value tells entries apart in their names ("Party 2: Shipper"). */
const DISTINGUISHED_BY: Partial<Record<SectionInfo["section"], Field>> = {
  seals: "seal_number",
  route: "leg_role",
  samples: "sample_seal",
  parties: "party_role",
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
};

export function ListSection(props: Shared & { info: SectionInfo; needsEntry: boolean }) {
  const { info, view } = props;
  const caseId = view.case.id;
  const items = view.case.items.filter((i) => i.section === info.section);
  const live = items.filter((i) => !i.withdrawn);
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
        <ItemCard key={item.id} {...props} item={item} index={index} last={index === items.length - 1} />
      ))}
      {!props.readOnly && (
        <button type="button" className="cf-add" onClick={add} data-testid={`add-${info.section}`}>
          <Plus size={20} />
          {t("case.add_item", { item: itemLabel(info).toLocaleLowerCase(intlTag()) })}
        </button>
      )}
    </>
  );
}

function ItemCard(props: Shared & { info: SectionInfo; item: Item; index: number; last: boolean }) {
  const { item, info, view, focus, onFocus } = props;
  const number = props.index + 1;
  const name = entryName(info, number);
  const title = entryTitle(info, item, number);
  const titleId = `item-${item.id}-title`;
  const card = useRef<HTMLDivElement>(null);
  const [withdrawing, setWithdrawing] = useState(false);

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
    call("move_item", { case_id: view.case.id, item: item.id, direction }).then(props.onSaved).catch(props.onError);
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
      </div>
    );
  }
  return (
    <div ref={card} className="item" data-item={props.index} data-testid={`item-${info.section}-${props.index}`} role="group" aria-labelledby={titleId}>
      <div className="item-head">
        <h3 id={titleId} className="item-title">
          {title}
        </h3>
        {!props.readOnly && !withdrawing && (
          <EntryMenu name={name} first={props.index === 0} last={props.last} onMove={move} onWithdraw={() => setWithdrawing(true)} />
        )}
      </div>
      {withdrawing && (
        <WithdrawForm
          name={name}
          onCancel={() => setWithdrawing(false)}
          onWithdraw={(reason) =>
            call("withdraw_item", { case_id: view.case.id, item: item.id, reason })
              .then((v) => {
                props.onSaved(v);
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
      {info.section === "evidence" && (
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
