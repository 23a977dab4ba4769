// The case filters shared by the list and the dashboard.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { CaseFilter, CaseState, ReferenceData } from "./bindings";
import { cleared, dayText, narrowingCount, refine, typedCountry, typedDay, typedPort, type Typed } from "./caseFilter";
import { CODE_FIELDS, codeList, optionText } from "./statistics";
import { call } from "./ipc";
import { errorText, flagLabel, stateLabel, t } from "./labels";
import { CASE_STATES } from "./reviewStatus";
import { ariaKeys } from "./shortcuts";

/**
 * The filters of the case list, shown again on the dashboard: one filter, so every chart follows
 * what the list shows. `search` is offered only where it applies (statistics cannot follow it).
 */
export function FilterBar(props: {
  filter: CaseFilter;
  reference: ReferenceData;
  onChange: Dispatch<SetStateAction<CaseFilter>>;
  withSearch: boolean;
  /** Goes up when the search shortcut is pressed: the cursor goes to the search box. */
  searchAsked?: number;
  /** A bag label scanned into the search box opens its case. */
  onOpenCase?: (id: string) => void;
}) {
  const { filter, reference, onChange } = props;
  // Updates apply to the filter as it is then: a search landing late must not undo a select.
  const set = (patch: Partial<CaseFilter>) => onChange((f) => refine(f, patch));
  // Days are typed as the reader's language writes them (a date picker would follow the system's
  // language, not the app's); the hint shows today's date written that way.
  const dayHint = t("filter.day_hint", { example: dayText(today()) });
  return (
    <div className="filter-bar" role="search" aria-label={t("filter.label")}>
      {props.withSearch && <SearchBox filter={filter} onChange={onChange} asked={props.searchAsked ?? 0} onOpenCase={props.onOpenCase} />}
      <TypedFilter
        label={t("filter.port")}
        testid="filter-port"
        placeholder={t("filter.port_placeholder")}
        value={filter.port ?? null}
        read={typedPort}
        hint={t("filter.port_hint")}
        onValue={(port) => set({ port })}
      />
      <TypedFilter
        label={t("filter.opened_from")}
        testid="filter-opened-from"
        day
        placeholder={t("filter.day_placeholder")}
        value={filter.opened_from ?? null}
        read={typedDay}
        hint={dayHint}
        onValue={(opened_from) => set({ opened_from })}
      />
      <TypedFilter
        label={t("filter.opened_to")}
        testid="filter-opened-to"
        day
        placeholder={t("filter.day_placeholder")}
        value={filter.opened_to ?? null}
        read={typedDay}
        hint={dayHint}
        onValue={(opened_to) => set({ opened_to })}
      />
      <label>
        {t("filter.status")}
        <select
          data-testid="status-filter"
          value={filter.state ?? ""}
          onChange={(e) => set({ state: (e.target.value || null) as CaseState | null })}
        >
          <option value="">{t("filter.all")}</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {stateLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <CodeFilter label={t("filter.concealment")} testid="filter-concealment" reference={reference} field={CODE_FIELDS.concealment} value={filter.concealment} onValue={(concealment) => set({ concealment })} />
      <CodeFilter label={t("filter.material")} testid="filter-material" reference={reference} field={CODE_FIELDS.material} value={filter.material} onValue={(material) => set({ material })} />
      <CodeFilter label={t("filter.detection")} testid="filter-detection" reference={reference} field={CODE_FIELDS.detection} value={filter.detection} onValue={(detection) => set({ detection })} />
      <CodeFilter label={t("filter.outcome")} testid="filter-outcome" reference={reference} field={CODE_FIELDS.outcome} value={filter.outcome} onValue={(outcome) => set({ outcome })} />
      <TypedFilter
        label={t("filter.country")}
        testid="filter-country"
        placeholder={t("filter.country_placeholder")}
        value={filter.country ?? null}
        read={typedCountry}
        hint={t("filter.country_hint")}
        onValue={(country) => set({ country })}
        narrow
      />
      <label>
        {t("filter.flag")}
        <select data-testid="filter-flag" value={filter.flag ?? ""} onChange={(e) => set({ flag: e.target.value || null })}>
          <option value="">{t("filter.all")}</option>
          {reference.flags.map((code) => (
            <option key={code} value={code}>
              {flagLabel(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="filter-flagged"
          checked={filter.flagged_only}
          onChange={(e) => set({ flagged_only: e.target.checked })}
        />
        {t("filter.flagged")}
      </label>
      {narrowingCount(filter) > 0 && (
        <button type="button" className="quiet" onClick={() => onChange(cleared)} data-testid="filter-clear">
          {t("filter.clear")}
        </button>
      )}
    </div>
  );
}

/** Results as you type: the filter follows the search box once typing pauses briefly. */
function SearchBox(props: {
  filter: CaseFilter;
  onChange: Dispatch<SetStateAction<CaseFilter>>;
  asked: number;
  onOpenCase?: (id: string) => void;
}) {
  const { filter, onChange } = props;
  const [search, setSearch] = useState(filter.search ?? "");
  const [labelError, setLabelError] = useState<string | null>(null);
  // A bag label (scanned from a sample or evidence bag) ends in Enter: it opens the bag's case.
  const openLabel = () => {
    if (!props.onOpenCase || !isBagLabel(search)) return;
    const open = props.onOpenCase;
    call("find_bag_label", { text: search })
      .then((found) => {
        setLabelError(null);
        setSearch("");
        open(found.case_id);
      })
      .catch((e: unknown) => setLabelError(errorText(e)));
  };
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.asked > 0) box.current?.select();
  }, [props.asked]);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      onChange((f) => ((f.search ?? "") === search ? f : refine(f, { search: search || null })));
    }, 150);
    return () => window.clearTimeout(timer);
  }, [search, onChange]);
  // Cleared elsewhere ("Clear filters"): empty the box too.
  useEffect(() => {
    if (!filter.search) setSearch((s) => (s.trim() === "" ? s : ""));
  }, [filter.search]);
  return (
    <>
      <input
        ref={box}
        type="search"
        className="search"
        aria-keyshortcuts={ariaKeys("search")}
        placeholder={t("filter.search_placeholder")}
        aria-label={t("filter.search")}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setLabelError(null);
        }}
        onKeyDown={(e) => e.key === "Enter" && openLabel()}
        aria-invalid={labelError ? true : undefined}
        aria-describedby={labelError ? "case-search-label-error" : undefined}
        data-testid="case-search"
      />
      {labelError && (
        <p className="error" id="case-search-label-error" role="alert" data-testid="case-search-label-error">
          {labelError}
        </p>
      )}
    </>
  );
}

/** Looks like a bag label (`QSB1:...`): worth asking the API, which reads and checks it. */
function isBagLabel(text: string): boolean {
  return text.trim().toUpperCase().startsWith("QSB1:");
}

/**
 * A filter typed as text: applied as soon as it reads as a value; while it does not, it is marked
 * and not applied at all (neither half-typed text nor the value it held a keystroke ago, which
 * would narrow the list to something nobody asked for).
 */
function TypedFilter(props: {
  label: string;
  testid: string;
  placeholder: string;
  value: string | null;
  read: (text: string) => Typed;
  hint: string;
  onValue: (v: string | null) => void;
  /** A day: shown as the reader's language writes it, in a box wide enough for one. */
  day?: boolean;
  narrow?: boolean;
}) {
  const show = (value: string | null) => (value === null ? "" : props.day ? dayText(value) : value);
  const [text, setText] = useState(show(props.value));
  const typed = props.read(text);
  // Follow the filter when it changes elsewhere (cleared, or set on the other screen).
  useEffect(() => {
    setText((shown) => {
      const r = props.read(shown);
      return (r.valid ? r.value : null) === (props.value ?? null) ? shown : show(props.value);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  const change = (next: string) => {
    setText(next);
    const r = props.read(next);
    const applied = r.valid ? r.value : null;
    if (applied !== (props.value ?? null)) props.onValue(applied);
  };
  return (
    <label className={props.narrow || !props.day ? "short" : undefined}>
      {props.label}
      <input
        type="text"
        style={props.day ? { width: "10.5em" } : undefined}
        value={text}
        placeholder={props.placeholder}
        onChange={(e) => change(e.target.value)}
        onBlur={() => typed.valid && typed.value && setText(show(typed.value))}
        aria-invalid={typed.valid ? undefined : true}
        // A day box always says how to write a day; the others say so once their text is wrong.
        title={typed.valid && !props.day ? undefined : props.hint}
        autoComplete="off"
        spellCheck={false}
        data-testid={props.testid}
      />
    </label>
  );
}

function CodeFilter(props: {
  label: string;
  testid: string;
  reference: ReferenceData;
  field: (typeof CODE_FIELDS)[keyof typeof CODE_FIELDS];
  value: string | null | undefined;
  onValue: (v: string | null) => void;
}) {
  const options = codeList(props.reference, props.field);
  return (
    <label>
      {props.label}
      <select data-testid={props.testid} value={props.value ?? ""} onChange={(e) => props.onValue(e.target.value || null)}>
        <option value="">{t("filter.all")}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {optionText(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Today in the device's time zone, as `YYYY-MM-DD`. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
