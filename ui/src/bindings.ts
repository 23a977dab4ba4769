// Generated from the Rust types by quayside-api. Do not edit by hand:
// run `QUAYSIDE_WRITE_BINDINGS=1 cargo test -p quayside-api bindings` after changing them.

export type Account = { username: string, role: Role, 
/**
 * UN/LOCODEs of the ports this user works (inspector) or supervises (supervisor).
 */
ports: Array<string>, 
/**
 * An analyst's case summaries carry personal entities (persons and what reaches them).
 */
personal_data: boolean, };

export type AddItemArgs = { case_id: string, section: Section, };

export type AddPersonArgs = { 
/**
 * How they appear in case files; on a device signed in to a server, their user name there.
 */
name: string, 
/**
 * What unlocks this device for them.
 */
passphrase: string, 
/**
 * Their password on the sync server: required once this device is signed in to one, whose
 * account then gives their name and role.
 */
server_password?: string | null, };

export type Alert = { at: string, kind: string, 
/**
 * What was found and what to do, keyed by kind (`alert.*`), for the reader's language.
 */
text: Message, 
/**
 * The finding in English as the sync recorded it, with its numbers and keys: for logs.
 */
message: string, };

export type AnalyserColumns = { headers: Array<string>, meanings: Array<ColumnMeaning>, preview: Array<Array<string>>, 
/**
 * Rows of readings in the file.
 */
rows: number, 
/**
 * The unit the headers say the concentrations are in (`ppm` in an element's header), else
 * mass %: offered to the person, who confirms or changes it.
 */
concentration: Concentration, };

export type AnalyserColumnsArgs = { case_id: string, file_name: string, };

export type AnnotatePhotoArgs = { case_id: string, sha256: string, annotation: string | null, mark: Mark | null, };

export type Annotation = { id: string, mark: Mark, set_at: string, set_by: string, };

export type ApiError = { code: ErrorCode, 
/**
 * What the person reads: a key and its arguments, put into words in their language.
 */
text: Message, 
/**
 * `text` in English, for logs and for anything that cannot format a message.
 */
message: string, field: Field | null, };

export type AppInfo = { version: string, device_id: string, device_short_id: string, database: string, schema_version: number, user: UserProfile | null, default_port: string | null, };

export type ApproveArgs = { case_id: string, 
/**
 * The case's `head` and `event_count` as the supervisor read it: an approval covers only
 * what they saw (an event synced in may fold in before the head, so the count is checked too).
 */
head: string, event_count: number, comment?: string | null, };

export type Arg = { "kind": "text", "value": string } | { "kind": "number", "value": number } | { "kind": "label", "value": string } | { "kind": "words", "value": { [key in string]: string } };

export type AttachDocumentArgs = { case_id: string, 
/**
 * The name the file had where it was picked; any folder part is dropped.
 */
file_name: string, document_type: DocumentType, 
/**
 * The number printed on the document; empty when it has none.
 */
number: string, };

export type AttachPhotoArgs = { case_id: string, 
/**
 * The name the file had where it was picked; any folder part is dropped.
 */
file_name: string, 
/**
 * Set when the photo was just taken with the camera in the app, not picked from a file.
 */
capture?: CaptureArgs, };

export type AttachResult = { file_name: string, sha256: string, status: AttachStatus, 
/**
 * Worth telling the person, as keyed messages (`notice.import_*`): stored without a
 * thumbnail and why, named as another format, an altered copy set aside.
 */
notes: Array<Message>, };

export type AttachStatus = "attached" | "already_attached";

export type AttachedDocument = { file_name: string, sha256: string, 
/**
 * The same bytes were already a document of this case: nothing recorded.
 */
already_attached: boolean, case: CaseView, };

export type BagLabelArgs = { 
/**
 * What the scanner typed.
 */
text: string, };

export type BagLabelFound = { case_id: string, item: string, section: Section, };

export type Bucket = { 
/**
 * A code of the reference list, a week ("2026-W07", ISO 8601), a month ("2026-02"); "" for
 * cases with no value.
 */
key: string, cases: number, 
/**
 * By material: the weight of the goods of that material. By concealment or detection method:
 * each case's seized weight split evenly between its methods. Otherwise the cases' seized
 * weight. So the buckets of any breakdown add up to `total_seized_kg`.
 */
seized_kg: number, };

export type Capture = { 
/**
 * The device it was taken on (its id, and the short id people see on its screen) and that
 * device's clock then.
 */
device: string, device_short_id: string, captured_at: string, 
/**
 * The camera as the platform names it ("Integrated Camera", "Rear camera").
 */
camera: string | null, 
/**
 * Where, when the platform gave a position.
 */
latitude: number | null, longitude: number | null, 
/**
 * Its place in a sequence taken one after another (door, seals, cargo, finding), from 1.
 */
shot: number | null, };

export type CaptureArgs = { 
/**
 * The camera as the platform names it; at most `MAX_CAMERA_CHARS` characters.
 */
camera?: string, latitude?: number, longitude?: number, 
/**
 * Its place in a sequence of shots, from 1, at most `MAX_SHOTS`.
 */
shot?: number, };

export type CaseArgs = { case_id: string, };

export type CaseControlList = { version: number, 
/**
 * The newest version this device holds: higher than `version` when the case may be moved
 * onto a newer list.
 */
newest: number, };

export type CaseCount = { total: number, };

export type CaseFile = { id: string, case_number: string, opened_at: string, opened_by: string, status: CaseStatus, status_reason: string | null, fields: { [key in Field]?: FieldValue }, items: Array<Item>, photos: Array<Photo>, 
/**
 * Shipping documents, in the order attached.
 */
documents: Array<Document>, conflicts: Array<Conflict>, 
/**
 * Fields last cleared (and not in conflict): the clearing edit, so that a set made without
 * seeing it is a conflict too.
 */
cleared: Array<ClearedField>, review: Review, 
/**
 * Handovers of evidence items and samples, in fold order (`custody::chain` gives an item's in time order).
 */
custody: Array<CustodyRecord>, 
/**
 * Who closed the case, when, and their note: set by the close step, after which the case
 * takes no more changes.
 */
closed: ReviewDecision | null, 
/**
 * The control list the case is judged by, as its last `control_list_applied` names it; None:
 * the list built into the app.
 */
control_list: ListRef | null, 
/**
 * Decisions recorded in this case that one of its entities is, or is not, the same as
 * another key: the latest per pair, in fold order.
 */
entity_links: Array<EntityLink>, updated_at: string, event_count: number, 
/**
 * The latest event folded in: what the next local edit has seen.
 */
head: string, };

export type CaseFilter = { 
/**
 * Where the cases stand (draft, submitted, ..., closed, withdrawn).
 */
state?: CaseState | null, flagged_only: boolean, 
/**
 * A discrepancy flag the case raises ("origin_relabelled").
 */
flag?: string | null, sort: CaseSort, descending: boolean, 
/**
 * Words to find anywhere in the case file (numbers, seals, parties, descriptions, notes,
 * captions), all of them: each as a prefix, and Chinese, Japanese, Thai, Lao, Khmer or
 * Myanmar text as any part of a value. A container number may be typed in its painted
 * groups, full-width text as ASCII. Any text is safe: only letters and digits count.
 */
search?: string | null, 
/**
 * Port of inspection, a UN/LOCODE ("NLRTM"; "nl rtm" is read the same).
 */
port?: string | null, 
/**
 * Opened on or after this day (UTC), `YYYY-MM-DD`.
 */
opened_from?: string | null, 
/**
 * Opened on or before this day (UTC), `YYYY-MM-DD`.
 */
opened_to?: string | null, 
/**
 * A concealment method of a live concealment entry (reference list CONCEALMENT, "C3").
 */
concealment?: string | null, 
/**
 * A controlled material of a live goods-found entry (reference list MATERIALS, "tungsten").
 */
material?: string | null, 
/**
 * One of the case's detection methods (reference list DETECTION, "D5").
 */
detection?: string | null, 
/**
 * The case's outcome (reference list OUTCOMES, "O4").
 */
outcome?: string | null, 
/**
 * An ISO 3166 alpha-2 country on the route (any live leg) or the declared origin.
 */
country?: string | null, 
/**
 * At most this many cases (a page); none: all of them.
 */
limit?: number | null, 
/**
 * Cases to skip before the page, in the sort order.
 */
offset: number, };

export type CaseSort = "updated_at" | "opened_at" | "case_number" | "port" | "status" | "flags" | "container" | "outcome" | "seized_kg";

export type CaseState = "draft" | "submitted" | "returned" | "approved" | "reopened" | "closed" | "withdrawn";

export type CaseStatus = "open" | "closed" | "withdrawn";

export type CaseSummary = { id: string, case_number: string, port: string, 
/**
 * Where the case stands: status and review in one.
 */
state: CaseState, opened_at: string, opened_by: string, updated_at: string, container_number: string | null, declared_description: string | null, flags: Array<FlagCode>, event_count: number, };

export type CaseView = { 
/**
 * Where the case stands, status and review in one: what the header shows.
 */
state: CaseState, case: CaseFile, flags: Array<Flag>, 
/**
 * The outcome the flags point to, offered and never set (`OutcomeCode` stays the person's).
 */
suggested_outcome: SuggestedOutcome | null, 
/**
 * The control list the flags were judged by.
 */
control_list: CaseControlList, drafts: Array<Draft>, 
/**
 * Why this user is changing a case that was submitted or approved (each change carries it).
 */
change_reason: string | null, };

export type CatalogueArgs = { locale: Locale, };

export type CatalogueFiles = { locale: Locale, 
/**
 * The BCP 47 tag dates and numbers are formatted with.
 */
tag: string, files: Array<string>, english: Array<string>, };

export type Change = { label: Array<LabelPart>, from: ChangeValue | null, to: ChangeValue | null, };

export type ChangeReasonArgs = { case_id: string, reason: string, };

export type ChangeValue = { "text": string } | { "field": { field: Field, value: string, } } | { "key": string } | { "message": Message };

export type CheckFieldArgs = { field: Field, text: string, 
/**
 * The case and entry the value is typed in, for a field checked by another of its entry's
 * fields (a unit's number, by the unit's kind).
 */
case_id?: string | null, item?: string | null, };

export type CheckpointSeen = { size: number, received_at: string, };

export type ClearedField = { item: string | null, field: Field, by: Rival, };

export type CloseArgs = { case_id: string, note?: string | null, };

export type CodeEntry = { code: string, key: string, 
/**
 * The key of a hint shown beside the entry (`hint.<list>.<code>`), where it has one.
 */
hint_key: string | null, };

export type ColumnMeaning = { column: number, role: ColumnRole, element?: string | null, };

export type ColumnRole = "reading_id" | "time" | "instrument_serial" | "instrument_model" | "instrument_make" | "element" | "uncertainty";

export type Concentration = "percent" | "ppm";

export type Conflict = { item: string | null, field: Field, 
/**
 * In fold order: the last one is the winner.
 */
values: Array<Rival>, };

export type ControlEntry = { 
/**
 * The entry's reference, as the list's source numbers it (`CN-2025-10-1C117.d`).
 */
id: string, 
/**
 * The controlled material (`material.<code>`).
 */
material: string, 
/**
 * The entry's name by language tag (`en`, `zh-CN`, `th`, `es`): English is required, the
 * others fall back to it. A published list brings its own words, so they are data, not
 * catalogue keys.
 */
names: { [key in string]: string }, 
/**
 * Where the entry comes from: the announcement and item.
 */
source: string, 
/**
 * Whether export needs a licence.
 */
licence_required: boolean, 
/**
 * Tariff lines by their digits: a 6-digit subheading, or an 8- or 10-digit national line,
 * matched as a prefix of the code declared or found.
 */
lines: Array<string>, };

export type ControlList = { 
/**
 * 1 is the list the app ships; each published list has a higher version than any before it.
 */
version: number, 
/**
 * The day it was published (YYYY-MM-DD).
 */
published: string, entries: Array<ControlEntry>, };

export type CustodyArgs = { case_id: string, 
/**
 * A live entry of the evidence or samples section.
 */
item: string, from: string, to: string, place: string, 
/**
 * When the goods changed hands, e.g. "2026-11-28 14:30".
 */
at: string, condition: string, };

export type CustodyRecord = { item: string, from: string, to: string, place: string, 
/**
 * When the goods changed hands (canonical date and time), not when it was recorded.
 */
at: string, condition: string, event_id: string, device_id: string, recorded_by: string, };

export type Density = "compact" | "touch";

export type Direction = "up" | "down";

export type DisplayChoice = { 
/**
 * None: the system's (its colour scheme, a wish for more contrast, forced colours).
 */
theme: Theme | null, 
/**
 * None: touch where the device's main pointer is coarse, compact otherwise.
 */
density: Density | null, 
/**
 * The zoom in percent: 100 is the app's own size.
 */
zoom_percent: number, };

export type Document = { 
/**
 * Hex SHA-256 of the file's bytes: its identity within the case and its vault name.
 */
sha256: string, size: number, media_type: string, file_name: string, document_type: DocumentType, 
/**
 * The number printed on the document (a B/L or invoice number), as typed.
 */
number: string | null, attached_at: string, attached_by: string, 
/**
 * Set when excluded: the document stays in the file, marked, with the reason.
 */
excluded: string | null, };

export type DocumentType = "bill_of_lading" | "commercial_invoice" | "packing_list" | "certificate_of_origin" | "export_licence" | "other";

export type Done = { ok: boolean, };

export type Draft = { item: string | null, field: Field, text: string, saved_at: string, };

export type DraftArgs = { case_id: string, item?: string | null, field: Field, };

export type EntityCount = { kind: EntityKind, key: string, 
/**
 * Cases at other ports naming it.
 */
other_ports: number, };

export type EntityGraph = { cases: Array<GraphCase>, entities: Array<GraphEntity>, edges: Array<GraphEdge>, links: Array<GraphLink>, 
/**
 * More cases share these entities than are drawn (`GRAPH_MAX_CASES`).
 */
truncated: boolean, };

export type EntityGraphArgs = { case_id: string, filter: CaseFilter, };

export type EntityKind = "company" | "person" | "party_number" | "container" | "vessel" | "transport_document" | "address" | "phone" | "email";

export type EntityLink = { kind: EntityKind, key: string, other: string, same: boolean, by: string, at: string, event_id: string, 
/**
 * The deciding event's clock: across cases, the later decision on a pair holds.
 */
hlc: number, };

export type EntityLinkArgs = { case_id: string, kind: EntityKind, key: string, other: string, 
/**
 * True: the same entity; false: not the same (it is no longer suggested).
 */
same: boolean, };

export type EntityMatches = { kind: EntityKind, key: string, 
/**
 * The values it was recorded as in this case.
 */
shown: Array<string>, 
/**
 * The entries of this case it was read from (none: a field of the case).
 */
items: Array<string>, 
/**
 * Keys a person confirmed are this one (directly or through others).
 */
linked: Array<string>, 
/**
 * Other cases naming it, newest first, at most `CASES_SHOWN`.
 */
cases: Array<SeenIn>, 
/**
 * How many other cases name it.
 */
case_count: number, 
/**
 * One of them is closed with the goods seized, confiscated or destroyed.
 */
seized_before: boolean, 
/**
 * Near keys nobody has decided on yet.
 */
suggestions: Array<NearKey>, };

export type ErrorCode = "invalid_input" | "invalid_request" | "not_found" | "no_user" | "locked" | "wrong_passphrase" | "storage_busy" | "storage_unavailable" | "refused" | "reason_required" | "not_allowed" | "not_signed_in" | "sign_in_failed" | "offline" | "server_log_inconsistent" | "server_key_changed" | "desktop_unavailable" | "device_revoked" | "internal";

export type EvidenceFromGoodsArgs = { case_id: string, 
/**
 * A live goods-found entry: its description and quantity start the evidence item.
 */
goods: string, };

export type ExcludeDocumentArgs = { case_id: string, sha256: string, reason: string, };

export type ExcludePhotoArgs = { case_id: string, sha256: string, reason: string, };

export type Exif = { captured_at: string | null, camera: string | null, latitude: number | null, longitude: number | null, orientation: number | null, };

export type ExportCasesArgs = { filter: CaseFilter, format: TableFormat, };

export type ExportStatisticsArgs = { filter: CaseFilter, };

export type ExportedFile = { path: string, bytes: number, 
/**
 * Hex SHA-256 of the file as written.
 */
sha256: string, 
/**
 * The label key of the note shown with the file: it holds personal data (`export.personal_data`).
 */
notice_key: string, };

export type Field = "port" | "legal_basis" | "location_type" | "customs_procedure" | "case_notes" | "declaration_number" | "transport_document" | "declared_description" | "declared_hs_code" | "declared_quantity" | "declared_weight" | "declared_value" | "declared_origin" | "risk_lane" | "export_licence_number" | "export_licence_authority" | "export_licence_valid_until" | "transport_mode" | "vessel_name" | "imo_number" | "voyage" | "container_number" | "size_type" | "unit_kind" | "unit_number" | "seal_number" | "seal_state" | "seal_unit" | "leg_locode" | "leg_role" | "leg_basis" | "line_description" | "line_hs_code" | "line_quantity" | "line_weight" | "line_value" | "goods_description" | "goods_declared_line" | "goods_unit" | "goods_hs_code" | "goods_material" | "goods_form" | "goods_quantity" | "goods_weight" | "goods_value" | "goods_identified_by" | "goods_discrepancy" | "sample_seal" | "sample_method" | "sample_taken_at" | "sample_result" | "reading_sample" | "reading_instrument_make" | "reading_instrument_model" | "reading_instrument_serial" | "reading_id" | "reading_taken_at" | "reading_element" | "reading_mass_percent" | "reading_uncertainty" | "concealment_method" | "concealment_description" | "concealment_location" | "concealment_unit" | "detection_methods" | "detection_notes" | "party_role" | "party_kind" | "party_name" | "party_identifier" | "party_country" | "party_nationality" | "party_birth_year" | "party_gender" | "party_address" | "party_phone" | "party_email" | "outcome_code" | "shareable" | "outcome_notes" | "evidence_number" | "evidence_description" | "evidence_quantity";

export type FieldCheck = { valid: boolean, 
/**
 * The canonical value that would be saved (None when the text clears the field).
 */
value: string | null, 
/**
 * Why it is invalid, or a confirmation worth showing (e.g. the check digit is correct), as
 * a keyed message for the reader's language.
 */
text: Message | null, };

export type FieldInfo = { field: Field, section: Section, 
/**
 * `field.<field>` in the label catalogue (the `labels` command).
 */
label_key: string, input: Input, 
/**
 * What to type, shown in an empty box: a catalogue key (`input_hint.<kind>`).
 */
input_hint_key: string | null, options: Array<CodeEntry>, 
/**
 * For an entry choice: the section whose live entries are the choices.
 */
entries_of: Section | null, personal: boolean, required: boolean, };

export type FieldTextArgs = { case_id: string, item?: string | null, field: Field, text: string, };

export type FieldValue = { value: string, event_id: string, 
/**
 * Who set it and when (their device's clock): shown when the field is in conflict.
 */
author: string, at: string, };

export type Flag = { code: FlagCode, 
/**
 * What raised it, as keyed messages (`discrepancy.*`): one, or one per controlled material
 * found or per break in a chain of custody.
 */
details: Array<Message>, };

export type FlagAcknowledgement = { code: FlagCode, details: Array<Message>, };

export type FlagCode = "controlled_undeclared" | "controlled_without_licence" | "hs_heading_mismatch" | "weight_discrepancy" | "quantity_discrepancy" | "value_discrepancy" | "commingling" | "analyser_controlled" | "origin_not_on_route" | "origin_relabelled" | "undeclared_transshipment" | "custody_break";

export type GraphCase = { id: string, case_number: string, port: string, opened_at: string, state: CaseState, outcome: string | null, 
/**
 * Cases away from the one the graph starts from (0: that one).
 */
depth: number, 
/**
 * Another port's case known from a summary: not held here, so it cannot be opened.
 */
summary: boolean, };

export type GraphEdge = { case: number, entity: number, };

export type GraphEntity = { kind: EntityKind, key: string, 
/**
 * As one of its cases recorded it.
 */
shown: string, };

export type GraphLink = { a: number, b: number, };

export type IdleLockArgs = { minutes: number, };

export type ImageSize = "thumbnail" | "preview" | "original";

export type ImportReadingsArgs = { case_id: string, file_name: string, 
/**
 * The sample the readings were taken on: an entry of the case's samples.
 */
sample: string, meanings: Array<ColumnMeaning>, 
/**
 * Typed by the person when the file does not say (Vanta exports name no make).
 */
instrument_make?: string | null, instrument_model?: string | null, 
/**
 * The person agreed to import the good rows and leave out the bad ones named before.
 */
skip_bad_rows: boolean, 
/**
 * The unit of the concentrations; mass % when not given.
 */
concentration: Concentration, };

export type Input = "text" | "long_text" | "choice" | "multi_choice" | "entry_choice";

export type Item = { id: string, section: Section, fields: { [key in Field]?: FieldValue }, 
/**
 * Set when withdrawn: the item stays in the file, marked, with the reason.
 */
withdrawn: string | null, };

export type LabelPart = { "key": string } | { "named": { key: string, name: string, } };

export type LinkAccountArgs = { 
/**
 * The signed-in person's user name on the sync server this device is signed in to.
 */
username: string, password: string, };

export type LinkStep = { from: GraphCase, entity: GraphEntity, linked_to: GraphEntity | null, to: GraphCase, };

export type ListRef = { version: number, digest: string, };

export type Locale = "en" | "zh-CN" | "th" | "es" | "en-XA";

export type LockPhase = "new" | "encrypt_existing" | "locked" | "unlocked" | "unreadable";

export type LockState = { phase: LockPhase, 
/**
 * The signed-in person's name, when unlocked.
 */
person: string | null, 
/**
 * How many people can unlock this device (the lock screen says "switch person" when > 1).
 */
people: number, 
/**
 * The device is signed in to a sync server: a person added now signs in with their account
 * there (user name and password), which gives their name and role.
 */
people_from_server: boolean, 
/**
 * The signed-in person's account on the sync server, once they have one; on a device signed
 * in to a server, someone without one is offered to sign in with theirs.
 */
person_account: string | null, 
/**
 * This system has a keyring the app can keep a key in (Secret Service, Keychain, ...).
 */
system_login_available: boolean, 
/**
 * The lock screen may open with the system login: someone chose it, and the app has not been
 * unlocked since it started (a lock after that asks for a passphrase).
 */
system_login_unlock: boolean, 
/**
 * The signed-in person is the one who opens the app with their system login.
 */
system_login_yours: boolean, 
/**
 * The signed-in person set the device up: the recovery key is theirs (it sets a new
 * passphrase for them), so only they may make a new one.
 */
holds_recovery: boolean, 
/**
 * Wrong passphrases were typed: the next try is accepted in this many seconds.
 */
retry_in_seconds: number | null, 
/**
 * The idle-lock setting, in minutes.
 */
idle_lock_minutes: number, 
/**
 * The idle time in force, in seconds: the setting, or the app's `--idle-lock-seconds`.
 */
idle_lock_seconds: number, 
/**
 * Why the app locked or what happened to the data (idle time, revoked, wiped), as a keyed
 * message (`notice.*`).
 */
notice: Message | null, 
/**
 * The language to show: the signed-in person's, else the last used here; none chosen yet
 * when absent (the UI follows the system's).
 */
language: Locale | null, 
/**
 * Whether the signed-in person counts years in the Buddhist era (they type and read 2569).
 */
buddhist_era: boolean, 
/**
 * How the app is drawn: the signed-in person's choice, else the last one used here.
 */
display: DisplayChoice, };

export type LoopState = { syncing: boolean, progress: Progress | null, 
/**
 * The last sync failed: why, as a keyed message (`error.*`), and whether it retries by itself.
 */
last_error: Message | null, last_error_code: SyncErrorCode | null, 
/**
 * The server could not be reached on the last attempt.
 */
offline: boolean, 
/**
 * The server said this device was revoked: it syncs no more, and the app wipes its keys.
 */
revoked: boolean, 
/**
 * A sign-out whose token the server has not revoked yet (it could not be reached); retried.
 */
revocation_pending: boolean, retries_by_itself: boolean, 
/**
 * Failures in a row.
 */
attempts: number, 
/**
 * Seconds until the next automatic attempt, when one is planned.
 */
next_attempt_in_s: bigint | null, last_report: SyncReport | null, };

export type Mark = { "shape": "arrow", from: Point, to: Point, } | { "shape": "box", from: Point, to: Point, } | { "shape": "freehand", points: Array<Point>, } | { "shape": "text", at: Point, text: string, };

export type Message = { key: string, args: { [key in string]: Arg }, };

export type MoveItemArgs = { case_id: string, item: string, direction: Direction, };

export type NearKey = { key: string, 
/**
 * One value it was recorded as.
 */
shown: string, 
/**
 * The cases that name it.
 */
cases: number, 
/**
 * 0 to 1 (`similar::similarity`).
 */
similarity: number, };

export type NewRecoveryKey = { 
/**
 * Shown once, as at set-up: the old one no longer works.
 */
recovery_key: string, };

export type NoArgs = Record<symbol, never>;

export type Phase = "connecting" | "pushing" | "uploading_photos" | "pulling" | "downloading_photos";

export type Photo = { 
/**
 * Hex SHA-256 of the original bytes: the photo's identity within the case and its vault name.
 */
sha256: string, size: bigint, media_type: string, file_name: string, caption: string | null, exif: Exif, 
/**
 * Taken with the camera in Quayside; None: imported from a file.
 */
captured: Capture | null, attached_at: string, attached_by: string, 
/**
 * Set when excluded: the photo stays in the file, marked, with the reason.
 */
excluded: string | null, 
/**
 * Drawn over it, in the order first drawn.
 */
annotations: Array<Annotation>, };

export type PhotoCaptionArgs = { case_id: string, sha256: string, text: string, };

export type PhotoImage = { 
/**
 * A `data:image/jpeg;base64,...` URL, or None when this format has no rendition.
 */
data_url: string | null, 
/**
 * Why there is no image, as a keyed message (`notice.*`).
 */
note: Message | null, };

export type PhotoImageArgs = { sha256: string, size: ImageSize, };

export type PickedPhoto = { token: string, file_name: string, size: number, };

export type PlaceItemArgs = { case_id: string, item: string, after: string | null, };

export type Point = { x: number, y: number, };

export type PortArgs = { port: string, };

export type Problem = { event_id: string, device_id: string, device_seq: number, 
/**
 * The case's number (its id when the case is not in the projection).
 */
case: string | null, 
/**
 * What failed, keyed (`finding.*`), for the reader's language.
 */
what: Message, };

export type Progress = { phase: Phase, done: number, 
/**
 * 0 when not known in advance (pulling).
 */
total: number, };

export type QueueFilter = { port?: string | null, inspector?: string | null, };

export type QueuedCase = { id: string, case_number: string, port: string, state: CaseState, queued_at: string, submitted_by: string | null, container_number: string | null, declared_description: string | null, flag_count: number, };

export type ReadCodesArgs = Record<symbol, never>;

export type ReadingsImport = { written: boolean, 
/**
 * Rows whose readings were added.
 */
rows_imported: number, readings_added: number, 
/**
 * Values the analyser did not detect ("<LOD", "ND"): no reading is added for them.
 */
not_detected: number, 
/**
 * Each bad row by its line in the file: "line 7: Ga is 'abc', not a number ...".
 */
bad_rows: Array<Message>, case: CaseView, };

export type RecoverArgs = { recovery_key: string, 
/**
 * The new passphrase of the person who set the device up.
 */
new_passphrase: string, };

export type ReferenceData = { sections: Array<SectionInfo>, watchlist: Array<WatchEntry>, weight_tolerance_percent: number, 
/**
 * Largest photo file accepted, in bytes: the UI refuses bigger ones before reading them.
 */
max_photo_bytes: number, 
/**
 * Largest shipping document accepted, in bytes: a dropped bigger one is refused unread.
 */
max_document_bytes: number, 
/**
 * Every discrepancy flag, in code order: what the list can be filtered by.
 */
flags: Array<FlagCode>, };

export type RefusedEvent = { event_id: string | null, 
/**
 * Why, keyed (`refusal.*`), for the reader's language.
 */
reason: Message, 
/**
 * The same in English, as recorded: for the command-line check and logs.
 */
reason_english: string, received_at: string, };

export type RestoreItemArgs = { case_id: string, item: string, };

export type ReturnArgs = { case_id: string, comment: string, sections: Array<SectionComment>, };

export type Review = { state: ReviewState, 
/**
 * The last submission.
 */
submitted: ReviewDecision | null, 
/**
 * When the case last entered the queue (submitted, or reopened by a change): the queue's order.
 */
queued_at: string | null, approved: ReviewDecision | null, returned: ReviewDecision | null, 
/**
 * The comments on sections of the last return; cleared when the case is submitted again.
 */
section_comments: Array<SectionComment>, 
/**
 * Changes (event ids, in fold order) that no approval covers. After an approval these are
 * what changed since it.
 */
uncovered: Array<string>, 
/**
 * The latest review step (submission or decision): a reason given for changing the case holds
 * until the next one, on whichever device it is made.
 */
last_step: string | null, 
/**
 * The flags the inspector acknowledged with the last submission.
 */
acknowledged: Array<FlagAcknowledgement>, };

export type ReviewDecision = { by: string, at: string, comment: string | null, event_id: string, };

export type ReviewQueue = { cases: Array<QueuedCase>, 
/**
 * Everyone with a case in the queue, for the inspector filter.
 */
inspectors: Array<string>, };

export type ReviewState = "not_submitted" | "submitted" | "returned" | "approved" | "reopened";

export type RevokedDevice = { device_id: string, last_valid_seq: number, revoked_at: string, };

export type Rival = { value: string | null, event_id: string, author: string, at: string, };

export type Role = "inspector" | "supervisor" | "admin" | "analyst" | "other";

export type RouteCount = { origin: string, transshipment: string, destination: string, cases: number, seized_kg: number, };

export type Section = "case" | "declaration" | "transport" | "units" | "seals" | "route" | "declared_lines" | "goods_found" | "samples" | "readings" | "concealments" | "detection" | "parties" | "outcome" | "evidence";

export type SectionComment = { section: Section, comment: string, };

export type SectionInfo = { section: Section, 
/**
 * The heading's key in the label catalogue: `section.<section>`.
 */
label_key: string, 
/**
 * What one item of a list section is called ("Seal", then its number): `item.<section>`.
 */
item_key: string | null, is_list: boolean, fields: Array<FieldInfo>, };

export type SeenElsewhere = { 
/**
 * The device is signed in to a server: without one there is nothing to count.
 */
signed_in: boolean, counts: Array<EntityCount>, };

export type SeenIn = { case_id: string, case_number: string, port: string, state: CaseState, 
/**
 * The outcome's code (`O4`), when recorded.
 */
outcome: string | null, opened_at: string, 
/**
 * Named there under a key a person linked to this one, not the same key.
 */
through_link: boolean, 
/**
 * Known from a summary the server sent an analyst: another port's case this device does not
 * hold, so it cannot be opened here.
 */
summary: boolean, };

export type ServerEvidence = { 
/**
 * The server key this device pinned (hex); None before the first sync with a signing server.
 */
server_key: string | null, 
/**
 * The last checkpoint of the server's log this device checked, if any.
 */
checkpoint: CheckpointSeen | null, 
/**
 * Events of this store the server has not yet proven to hold (not synced, or just synced).
 */
unproven_events: number, receipts: number, revoked_devices: Array<RevokedDevice>, 
/**
 * What syncs found wrong with the server's log (truncated, rewritten, another key) and
 * restores an admin declared.
 */
alerts: Array<Alert>, 
/**
 * Statements kept here whose server signature no longer verifies (the store was edited), as
 * keyed messages (`finding.statement_unverified`).
 */
problems: Array<Message>, };

export type SetLanguageArgs = { locale: Locale, 
/**
 * Whether the person types years in the Buddhist era (2569 for 2026). Left out, their
 * choice stays as it was.
 */
buddhist_era?: boolean | null, };

export type SetStatusArgs = { case_id: string, status: CaseStatus, reason?: string | null, };

export type SetUpArgs = { 
/**
 * How the first person's name appears in case files.
 */
name: string, passphrase: string, 
/**
 * The language they chose on the first screen (the system's, unless they changed it).
 */
language: Locale | null, };

export type SetUpResult = { 
/**
 * Shown once: the only way back in besides re-enrolling when every passphrase is forgotten.
 */
recovery_key: string, state: LockState, };

export type ShortestLinkArgs = { from: string, to: string, };

export type SignInArgs = { 
/**
 * `https://sync.example:8640` (`host:port` means https); plain `http://` only on loopback.
 */
server: string, username: string, password: string, 
/**
 * How the device shows in the server's device list.
 */
device_name: string, };

export type Statistics = { 
/**
 * The same number `count_cases` gives for the filter.
 */
total_cases: number, total_seized_kg: number, 
/**
 * A case with several concealment methods (materials, detection methods) counts under each,
 * so their cases can add up to more than `total_cases`; their kilograms add up to the total.
 */
by_concealment: Array<Bucket>, by_material: Array<Bucket>, by_outcome: Array<Bucket>, by_detection: Array<Bucket>, 
/**
 * By discrepancy flag (codes as `FlagCode` names them), in code order, cases with none
 * under "": a case with several flags counts under each, its kilograms split evenly.
 */
by_flag: Array<Bucket>, 
/**
 * By the week (ISO 8601) and month the case was opened (UTC), in time order.
 */
by_week: Array<Bucket>, by_month: Array<Bucket>, 
/**
 * Most cases first.
 */
routes: Array<RouteCount>, };

export type SubmitArgs = { case_id: string, comment?: string | null, 
/**
 * Each flag open on the case, as the inspector read and acknowledged it: all of them, or the
 * submission is refused.
 */
acknowledged: Array<FlagAcknowledgement>, };

export type SuggestedOutcome = { 
/**
 * An outcome code (`outcome.<code>`).
 */
code: string, 
/**
 * The flags it follows from.
 */
because: Array<FlagCode>, };

export type SyncErrorCode = "invalid_request" | "too_large" | "bad_credentials" | "too_many_attempts" | "unauthorized" | "device_revoked" | "forbidden" | "device_conflict" | "stale_cursor" | "offset_mismatch" | "hash_mismatch" | "not_found" | "internal" | "busy";

export type SyncRefusal = { event_id: string, device_seq: number, 
/**
 * Why, keyed (`refusal.*`) from the server's code, for the reader's language.
 */
reason: Message, 
/**
 * The server's English reason, for logs.
 */
reason_english: string, refused_at: string, };

export type SyncReport = { pushed: number, duplicates: number, 
/**
 * Events of this device the server set aside in quarantine during this sync.
 */
quarantined: number, pulled: number, photos_uploaded: number, photos_downloaded: number, 
/**
 * Other ports' case summaries taken in (an analyst's device).
 */
summaries: number, 
/**
 * Originals that could not be exchanged this time, and why (retried next time), as keyed
 * messages naming the photo by the start of its hash.
 */
photo_problems: Array<Message>, 
/**
 * Bytes of push request bodies (events only, no photos).
 */
event_bytes_sent: number, 
/**
 * Bytes of pull response bodies (events only, no photos).
 */
event_bytes_received: number, bytes_sent: number, bytes_received: number, };

export type SyncStatus = { 
/**
 * The account this device is signed in with, if any.
 */
account: Account | null, 
/**
 * The server signed in to, or last used (offered again after signing out).
 */
server: string | null, 
/**
 * The background loop's state; None when the loop does not run (tests, or before start).
 */
activity: LoopState | null, last_synced_at: string | null, 
/**
 * Local events the server has not acknowledged yet.
 */
events_waiting: number, 
/**
 * Originals here that the server has not confirmed yet.
 */
photos_waiting: number, 
/**
 * Originals referenced by a case here but not in this device's vault yet.
 */
photos_to_fetch: number, 
/**
 * Events of this device that the server keeps in quarantine, with its reason.
 */
refused: Array<SyncRefusal>, 
/**
 * The result of a `sync_now` run without the background loop.
 */
last_error: ApiError | null, 
/**
 * The server said this device was revoked: it syncs no more and its keys are to be destroyed.
 */
revoked: boolean, 
/**
 * Signed out, but the server has not revoked the token yet (unreachable); retried by itself.
 */
revocation_pending: boolean, };

export type SystemLoginArgs = { 
/**
 * On: the signed-in person's passphrase, typed again (someone at an unlocked laptop must not
 * make it open without one). Off: not needed.
 */
enabled: boolean, passphrase?: string | null, };

export type TableFormat = "csv" | "xlsx";

export type Theme = "light" | "contrast" | "dark";

export type TimelineEntry = { event_id: string, wall_time: string, author: string, 
/**
 * The author's role by its serde name (`role.<role>` labels it); empty when unreadable.
 */
role: string, device_id: string, device_seq: number, 
/**
 * The payload's kind (`event.<kind>` labels it), `unknown` or `undecodable`.
 */
kind: string, changes: Array<Change>, 
/**
 * Why the event was not folded into the case, if it was not.
 */
refused: string | null, };

export type UnlockArgs = { passphrase: string, };

export type UserProfile = { name: string, role: Role, };

export type VaultProblem = { case_id: string, case_number: string, file_name: string, sha256: string, 
/**
 * What is wrong with it, as a keyed message (`notice.photo_*`).
 */
problem: Message, };

export type VaultReport = { photos_checked: number, problems: Array<VaultProblem>, 
/**
 * Photos other devices attached whose originals this device has not fetched yet (the next
 * sync brings them from the server): information, not a failure.
 */
not_fetched: Array<VaultProblem>, };

export type VerifyReport = { events: number, devices: number, problems: Array<Problem>, 
/**
 * What SQLite's own check finds wrong with the file (a damaged page or index), if anything:
 * `finding.file_damaged`, with SQLite's own words as the detail.
 */
damage: Array<Message>, 
/**
 * Events this device refused when they arrived by sync (a forked chain, a forgery, a revoked
 * device): never in the log, kept with the reason.
 */
refused: Array<RefusedEvent>, };

export type WatchEntry = { hs_prefix: string, material: string, key: string, };

export type WindowArgs = { sha256: string, low?: number, high?: number, };

export type WindowedImage = { data_url: string, low: number, high: number, auto_low: number, auto_high: number, };

export type WithdrawItemArgs = { case_id: string, item: string, reason: string, };

export type Commands = {
  lock_state: { args: NoArgs; result: LockState };
  set_up: { args: SetUpArgs; result: SetUpResult };
  unlock: { args: UnlockArgs; result: LockState };
  recover: { args: RecoverArgs; result: LockState };
  lock: { args: NoArgs; result: LockState };
  still_here: { args: NoArgs; result: Done };
  add_person: { args: AddPersonArgs; result: LockState };
  new_recovery_key: { args: UnlockArgs; result: NewRecoveryKey };
  link_account: { args: LinkAccountArgs; result: LockState };
  unlock_with_system_login: { args: NoArgs; result: LockState };
  set_system_login: { args: SystemLoginArgs; result: LockState };
  set_idle_lock: { args: IdleLockArgs; result: LockState };
  wipe_device: { args: NoArgs; result: LockState };
  app_info: { args: NoArgs; result: AppInfo };
  set_default_port: { args: PortArgs; result: AppInfo };
  reference_data: { args: NoArgs; result: ReferenceData };
  catalogue: { args: CatalogueArgs; result: CatalogueFiles };
  set_language: { args: SetLanguageArgs; result: Done };
  set_display: { args: DisplayChoice; result: LockState };
  check_field: { args: CheckFieldArgs; result: FieldCheck };
  list_cases: { args: CaseFilter; result: Array<CaseSummary> };
  count_cases: { args: CaseFilter; result: CaseCount };
  statistics: { args: CaseFilter; result: Statistics };
  open_case: { args: PortArgs; result: CaseView };
  get_case: { args: CaseArgs; result: CaseView };
  set_field: { args: FieldTextArgs; result: CaseView };
  add_item: { args: AddItemArgs; result: CaseView };
  withdraw_item: { args: WithdrawItemArgs; result: CaseView };
  move_item: { args: MoveItemArgs; result: CaseView };
  place_item: { args: PlaceItemArgs; result: CaseView };
  restore_item: { args: RestoreItemArgs; result: CaseView };
  apply_control_list: { args: CaseArgs; result: CaseView };
  control_list: { args: NoArgs; result: ControlList };
  attach_photo: { args: AttachPhotoArgs; result: AttachResult };
  analyser_columns: { args: AnalyserColumnsArgs; result: AnalyserColumns };
  import_readings: { args: ImportReadingsArgs; result: ReadingsImport };
  read_codes: { args: ReadCodesArgs; result: Array<string> };
  photo_image: { args: PhotoImageArgs; result: PhotoImage };
  photo_windowed: { args: WindowArgs; result: WindowedImage | null };
  set_photo_caption: { args: PhotoCaptionArgs; result: CaseView };
  annotate_photo: { args: AnnotatePhotoArgs; result: CaseView };
  exclude_photo: { args: ExcludePhotoArgs; result: CaseView };
  attach_document: { args: AttachDocumentArgs; result: AttachedDocument };
  exclude_document: { args: ExcludeDocumentArgs; result: CaseView };
  check_vault: { args: NoArgs; result: VaultReport };
  set_status: { args: SetStatusArgs; result: CaseView };
  timeline: { args: CaseArgs; result: Array<TimelineEntry> };
  save_draft: { args: FieldTextArgs; result: Done };
  discard_draft: { args: DraftArgs; result: Done };
  verify_log: { args: NoArgs; result: VerifyReport };
  server_evidence: { args: NoArgs; result: ServerEvidence };
  export_case_bundle: { args: CaseArgs; result: ExportedFile };
  sync_status: { args: NoArgs; result: SyncStatus };
  sign_in: { args: SignInArgs; result: SyncStatus };
  sign_out: { args: NoArgs; result: SyncStatus };
  sync_now: { args: NoArgs; result: SyncStatus };
  submit_case: { args: SubmitArgs; result: CaseView };
  approve_case: { args: ApproveArgs; result: CaseView };
  close_case: { args: CloseArgs; result: CaseView };
  return_case: { args: ReturnArgs; result: CaseView };
  set_change_reason: { args: ChangeReasonArgs; result: CaseView };
  review_queue: { args: QueueFilter; result: ReviewQueue };
  export_case_pdf: { args: CaseArgs; result: ExportedFile };
  export_cases: { args: ExportCasesArgs; result: ExportedFile };
  export_partner_cases: { args: ExportCasesArgs; result: ExportedFile };
  export_statistics: { args: ExportStatisticsArgs; result: ExportedFile };
  evidence_from_goods: { args: EvidenceFromGoodsArgs; result: CaseView };
  record_custody: { args: CustodyArgs; result: CaseView };
  find_bag_label: { args: BagLabelArgs; result: BagLabelFound };
  case_entities: { args: CaseArgs; result: Array<EntityMatches> };
  set_entity_link: { args: EntityLinkArgs; result: CaseView };
  entity_graph: { args: EntityGraphArgs; result: EntityGraph };
  shortest_link: { args: ShortestLinkArgs; result: Array<LinkStep> | null };
  seen_at_other_ports: { args: CaseArgs; result: SeenElsewhere };
};
