// Importing a handheld analyser's export into the readings: the file is read, each column shown
// with what it was taken to hold and the first rows, the person confirms or changes that and
// names the sample, and the import adds every reading at once or, with bad rows, nothing until
// the person says to leave those out.
import { useId, useState } from "react";
import { FileUp } from "lucide-react";
import type { AnalyserColumns, CaseView, Concentration, CodeEntry, ReadingsImport as ImportResult, SectionInfo } from "./bindings";
import { callWithFile, CallError } from "./ipc";
import { entryChoices } from "./entries";
import { codeLabel, formatMessage, label, t } from "./labels";
import { announce } from "./announcer";
import { type ColumnChoice, choicesFrom, choicesOffered, elementsChosenTwice, meaningsFrom, readsAnElement } from "./readingsImport";

/** The words of each role a column can hold, by its key: literal, so the catalogue sees them used. */
const ROLE_KEYS: Record<string, string> = {
  reading_id: "import_readings.role_reading_id",
  time: "import_readings.role_time",
  instrument_serial: "import_readings.role_instrument_serial",
  instrument_make: "import_readings.role_instrument_make",
  instrument_model: "import_readings.role_instrument_model",
};

function choiceText(choice: ColumnChoice, elements: CodeEntry[]): string {
  if (!choice) return t("import_readings.not_read");
  const [role, symbol] = choice.split(":");
  const element = elements.find((e) => e.code === symbol);
  const name = element ? `${element.code} ${codeLabel(element)}` : (symbol ?? "");
  if (role === "element") return t("import_readings.role_element", { label: name });
  if (role === "uncertainty") return t("import_readings.role_uncertainty", { label: name });
  return t(ROLE_KEYS[role] ?? role);
}

type Read = { file: string; bytes: Uint8Array; columns: AnalyserColumns };

export function ReadingsImport(props: { view: CaseView; info: SectionInfo; onSaved: (v: CaseView) => void; onError: (e: CallError) => void }) {
  const { view, info } = props;
  const id = useId();
  const caseId = view.case.id;
  const elements = info.fields.find((f) => f.field === "reading_element")?.options ?? [];
  const samples = entryChoices(view, "samples");
  const [read, setRead] = useState<Read | null>(null);
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [sample, setSample] = useState("");
  const [make, setMake] = useState("");
  const [model, setModel] = useState("");
  const [concentration, setConcentration] = useState<Concentration>("percent");
  const [outcome, setOutcome] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setOutcome(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const columns = await callWithFile("analyser_columns", { case_id: caseId, file_name: file.name }, bytes);
      setRead({ file: file.name, bytes, columns });
      setChoices(choicesFrom(columns.headers.length, columns.meanings));
      setConcentration(columns.concentration);
      setSample((s) => s || samples[0]?.id || "");
    } catch (e) {
      if (e instanceof CallError) props.onError(e);
    }
  };

  const run = (skipBadRows: boolean) => {
    if (!read || busy) return;
    setBusy(true);
    callWithFile(
      "import_readings",
      {
        case_id: caseId,
        file_name: read.file,
        sample,
        meanings: meaningsFrom(choices),
        instrument_make: make || null,
        instrument_model: model || null,
        skip_bad_rows: skipBadRows,
        concentration,
      },
      read.bytes,
    )
      .then((result) => {
        setOutcome(result);
        if (result.written) {
          props.onSaved(result.case);
          setRead(null);
          announce(t("import_readings.done", { count: result.readings_added, total: result.rows_imported }));
        }
      })
      .catch((e) => e instanceof CallError && props.onError(e))
      .finally(() => setBusy(false));
  };

  const twice = elementsChosenTwice(choices).join(", ");
  const problem = !samples.length
    ? t("import_readings.no_sample")
    : twice
      ? t("import_readings.element_twice", { label: twice })
      : !readsAnElement(choices)
        ? t("import_readings.no_element")
        : null;
  const offered = choicesOffered(elements);

  return (
    <div className="readings-import" data-testid="readings-import">
      {/* The file box covers its label, so the whole button is the target and shows the focus. */}
      <label className="cf-add readings-import-file">
        <FileUp size={20} />
        {t("import_readings.title")}
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.txt,text/csv"
          data-testid="readings-import-file"
          aria-label={t("import_readings.choose")}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </label>
      {outcome?.written && (
        <p className="note good" data-testid="readings-import-done">
          {t("import_readings.done", { count: outcome.readings_added, total: outcome.rows_imported })}
          {outcome.not_detected ? ` ${t("import_readings.not_detected", { count: outcome.not_detected })}` : ""}
        </p>
      )}
      {read && (
        <div className="readings-import-map">
          <p>{t("import_readings.found", { file: read.file, count: read.columns.rows })}</p>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-sample`}>
              {t("import_readings.sample")}
            </label>
            <select id={`${id}-sample`} data-testid="readings-import-sample" value={sample} onChange={(e) => setSample(e.target.value)}>
              {samples.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-make`}>
              {label("field.reading_instrument_make")}
            </label>
            <input id={`${id}-make`} value={make} onChange={(e) => setMake(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-model`}>
              {label("field.reading_instrument_model")}
            </label>
            <input id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-unit`}>
              {t("import_readings.concentration")}
            </label>
            <select
              id={`${id}-unit`}
              data-testid="readings-import-concentration"
              value={concentration}
              onChange={(e) => setConcentration(e.target.value as Concentration)}
            >
              <option value="percent">{t("import_readings.unit_percent")}</option>
              <option value="ppm">{t("import_readings.unit_ppm")}</option>
            </select>
          </div>
          <div className="readings-import-table">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("import_readings.column")}</th>
                  <th scope="col">{t("import_readings.holds")}</th>
                  <th scope="col">{t("import_readings.first_rows")}</th>
                </tr>
              </thead>
              <tbody>
                {read.columns.headers.map((header, column) => (
                  <tr key={column}>
                    <th scope="row">
                      <label htmlFor={`${id}-col-${column}`}>{header}</label>
                    </th>
                    <td>
                      <select
                        id={`${id}-col-${column}`}
                        data-testid={`readings-import-column-${column}`}
                        value={choices[column] ?? ""}
                        onChange={(e) => setChoices((c) => c.map((v, i) => (i === column ? e.target.value : v)))}
                      >
                        {offered.map((choice) => (
                          <option key={choice} value={choice}>
                            {choiceText(choice, elements)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="readings-import-preview">{read.columns.preview.map((row) => row[column] ?? "").join(" · ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problem && (
            <p className="note bad" role="alert">
              {problem}
            </p>
          )}
          {outcome && !outcome.written && outcome.bad_rows.length ? (
            <div className="note bad" role="alert" data-testid="readings-import-bad-rows">
              <p>{t("import_readings.bad_rows")}</p>
              <ul>
                {outcome.bad_rows.map((m, i) => (
                  <li key={i}>{formatMessage(m)}</li>
                ))}
              </ul>
              <button type="button" onClick={() => run(true)} disabled={busy} data-testid="readings-import-skip">
                {t("import_readings.skip_bad")}
              </button>
            </div>
          ) : null}
          <div className="readings-import-actions">
            <button type="button" className="primary" onClick={() => run(false)} disabled={busy || problem !== null} data-testid="readings-import-run">
              {t("import_readings.import")}
            </button>
            <button type="button" onClick={() => setRead(null)}>
              {t("import_readings.cancel")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
