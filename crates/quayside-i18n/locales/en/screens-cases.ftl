# The case screens: the case list and its filters, a case's form, conflicts, timeline, chain of
# custody, photos and exports.

## The case list.
cases-title = Cases
cases-export_csv = Export CSV
cases-export_xlsx = Export XLSX
cases-export_partner = Partner sheet (CSV)
cases-check_evidence = Check evidence
cases-checking = Checking…
cases-new_case = New case
cases-empty = No cases yet: press New case (Ctrl+N).
cases-empty_filtered = No cases match these filters.
cases-column-case_number = Case number
cases-column-port = Port
cases-column-status = Status
cases-column-container = Container
cases-column-flags = Flags
cases-column-opened = Opened
cases-column-last_change = Last change
cases-pages = Pages
cases-previous = ← Previous
cases-next = Next →
# The rows shown: "1–50 of 1,234".
cases-page_range = { $first }–{ $last } of { $total }
cases-page_none = No cases
# A page past the last one.
cases-page_beyond = None of { $total }
cases-port_placeholder = e.g. NLRTM
cases-open_case = Open case
cases-cancel = Cancel

## The filters, on the case list and the statistics.
filter-label = Filter cases
filter-search = Search cases
filter-search_placeholder = Search numbers, seals, parties, notes…
filter-port = Port
filter-port_placeholder = NLRTM
filter-port_hint = A UN/LOCODE: five letters, such as NLRTM
filter-opened_from = Opened from
filter-opened_to = to
# A day as it is typed in this language; $example is today written so.
filter-day_placeholder = YYYY-MM-DD
filter-day_hint = A day as YYYY-MM-DD, such as { $example }
filter-status = Status
filter-all = All
filter-concealment = Concealment
filter-material = Material
filter-detection = Detection
filter-outcome = Outcome
filter-country = Country on route
filter-country_placeholder = CN
filter-country_hint = Two letters (ISO 3166), such as CN
filter-flag = Flag
filter-flagged = Flagged only
filter-clear = Clear filters

## One case.
case-loading = Loading…
case-back = Back
case-opened = { $count ->
    [one] Opened { $date } by { $author } · { $count } recorded change
   *[other] Opened { $date } by { $author } · { $count } recorded changes
}
case-withdraw_case = Withdraw case…
case-reopen = Reopen case
case-withdrawn_because = Withdrawn: { $reason }
case-why_withdrawn = Why is the case withdrawn?
case-confirm = Confirm
case-export_pdf = Export PDF
case-export_bundle = Export evidence bundle
case-export_bundle_title = The case's signed events, photos and the server's proofs in one file anyone can check offline with quayside-check
case-flags = Discrepancy flags
case-no_flags = No discrepancy flags
case-suggested_outcome = The flags point to: { $outcome } ({ $flags }). A suggestion: the decision is yours.
case-use_suggested_outcome = Record this outcome
case-control_list = Judged by control list { $version }
case-control_list_apply = Use control list { $version }
case-sections = Sections
case-timeline = Timeline
# $item is one entry of the section, in lower case ("seal").
case-add_item = Add { $item }
# "Seal 2".
case-item_name = { $item } { $number }
case-item_withdrawn = { $name } withdrawn: { $reason }
case-move_up = Move up
case-move_down = Move down
case-withdraw_start = Withdraw…
case-withdraw_reason = Reason (kept in the case file)
case-withdraw = Withdraw { $name }
case-seal_as_evidence = Seal as evidence
case-conflicts = { $count ->
    [one] { $count } field edited on two devices
   *[other] { $count } fields edited on two devices
}

## The case file's header, sections and entries, and the guide on a person's first cases.
# "Open · Not submitted": the case's status, then where it stands in review.
casefile-flags = { $count ->
    [0] No flags
    [one] { $count } flag
   *[other] { $count } flags
}
# What a reviewer expects: how much of it is filled in.
casefile-filled = { $done } of { $total } filled
casefile-go_missing = Go to the first section with something missing
casefile-export = Export
casefile-export_pdf_hint = The case file to print or hand over, in your language
casefile-submit = Submit
casefile-submit_title = Submit { $number } for review
casefile-submit_complete = Everything a reviewer expects is filled in.
casefile-submit_missing = { $count ->
    [one] A reviewer will find { $count } thing missing:
   *[other] A reviewer will find { $count } things missing:
}
casefile-and_more = and { $count } more
casefile-submit_anyway = Submit as it is
casefile-state_now = The case is now: { $state }
casefile-submit_flags = Open flags: tick each one to confirm you have read it
casefile-submit_flags_left = { $count ->
    [one] Tick the open flag to submit
   *[other] Tick all { $count } open flags to submit
}
casefile-missing_photo = Photos: none yet
casefile-missing_entry = { $section }: nothing recorded yet
casefile-missing_holder = { $item }: nobody is recorded as holding it
# "Goods found 2: Material".
casefile-missing_item_field = { $item }: { $field }
# "Quantity or Weight": either is enough.
casefile-either = { $first } or { $second }
casefile-progress = { $done } of { $total } filled
casefile-progress_short = { $done }/{ $total }
casefile-complete = Complete
casefile-fold_all = Fold all sections
casefile-unfold_all = Unfold all sections
# "Party 2: Shipper": an entry's name and what tells it apart.
casefile-item_title = { $name }: { $detail }
casefile-entry_actions = Move or withdraw { $name }
casefile-no_entry = Nothing recorded.
casefile-no_entry_expected = Nothing recorded yet: a reviewer expects at least one.
casefile-withdraw_question = Withdraw { $name }? It stays in the case file, marked withdrawn, with your reason.
# What was just done to an entry, offered to be taken back: "Seal 2 withdrawn."
casefile-entry_withdrawn = { $name } withdrawn.
casefile-entry_moved_up = { $name } moved up.
casefile-entry_moved_down = { $name } moved down.
casefile-entry_moved_back = { $name } moved back.
casefile-entry_restored = { $name } restored.
casefile-undo = Undo
casefile-notice_close = Close this notice
casefile-restore = Restore { $name }
casefile-guide_title = Your first seizure files
casefile-guide_count = { $done } of { $total } done
casefile-guide_intro = A seizure file needs these. Each is ticked once a reviewer would find it complete; press one to go there.
casefile-guide_declaration = The declaration: number, description, HS code, quantity or weight, origin
casefile-guide_goods_found = The goods found: what they are, the controlled material, how much
casefile-guide_concealments = How and where the goods were hidden
casefile-guide_photos = Photos of the goods, the hiding place and the seals
casefile-guide_parties = The parties: who shipped, received or declared the goods, with their role and name
casefile-guide_outcome = The outcome, and whether it may be shared
casefile-guide_done = done
casefile-guide_todo = still to do
casefile-guide_hide = Hide this guide

## A field of the case form.
form-personal = personal
form-personal_title = Personal data: left out of shared statistics
form-saving = saving…
form-draft = draft, not saved
form-editing = editing
form-draft_restored = Unsaved draft restored
form-draft_restored_invalid = Unsaved draft restored: { $reason }
form-draft_restored_not_valid = Unsaved draft restored: not valid
form-not_valid = Not valid
form-needs_reason = Not saved yet: say above why you are changing this case, then it is saved
form-not_saved = Not saved yet: { $reason }
form-expected = expected
form-not_filled = not filled
form-entry_gone = an entry withdrawn since

## A field edited on several devices at once.
conflict-label = Conflicting values
conflict-title = Edited on { $count ->
    [2] two
    [3] three
    [4] four
    [5] five
   *[other] { $count }
    } devices at the same time
conflict-empty = (empty)
conflict-empty_value = empty
conflict-shown = shown
conflict-keep = Keep this
conflict-keep_value = Keep this: { $value } ({ $author })

## The timeline.
timeline-author = { $author } ({ $role })
timeline-since_approval = Changed since approval
timeline-refused = Not applied: { $reason }
# A field's change: "Vessel name: MSC ANNA → MSC ANNA II".
timeline-change = { $label }: { $from } → { $to }
timeline-change_set = { $label }: { $to }
timeline-change_cleared = { $label }: { $from } → (cleared)

## The chain of custody of an evidence item or a sample.
custody-title = Chain of custody
custody-row = { $at } — { $from } → { $to }, { $place }, { $condition } (recorded by { $recorder })
custody-held_by = Held by: { $holder }
custody-nobody = Nobody is recorded as holding this item
custody-form_title = Record a handover
custody-form_label = Record a handover of { $name }
custody-from = Handed over by
custody-to = Received by
custody-place = Place
custody-at = Date and time
custody-at_placeholder = YYYY-MM-DD HH:MM
custody-condition = Condition of the seal and packaging
custody-condition_placeholder = e.g. seal intact
custody-save = Record handover
custody-required = Fill this in to record the handover
custody-future = Later than now: record a handover once it has happened

## Photos.
photos-title = Photos
photos-add = Add photos
photos-drop = or drop files here
photos-pick_title = Choose photos to add to the case
photos-pick_filter = Photos and X-ray images (JPEG, PNG, HEIC, TIFF, WebP)
photos-progress = { $done } of { $total }
photos-imported = { $imported } of { $total } files imported
photos-imported_some = { $imported } of { $total } files imported, { $failed } not imported
photos-attached = attached
photos-already_attached = already in this case
photos-with_note = { $outcome }; { $note }
photos-busy = not imported: an import is running; add it again when it ends
# Sizes in megabytes.
photos-too_big = { $size } MB is over the { $limit } MB limit: not imported
photos-unreadable = { $file } could not be read ({ $reason }): check that it is a file you may open. Nothing was stored.
photos-excluded = Excluded: { $name }
photos-annotated = { $count ->
    [one] { $count } annotation
   *[other] { $count } annotations
}

## Shipping documents: the list, and the form that attaches a PDF or scan with its type and number.
documents-title = Shipping documents
documents-none = No shipping documents attached yet
documents-type = Document type
documents-number = Number
documents-number_optional = Number on the document (optional)
documents-file = File
documents-size = Size
documents-actions = Actions
documents-size_kb = { $size } KB
documents-size_mb = { $size } MB
documents-no_number = none
documents-add = Attach document
documents-drop = or drop a PDF or scan here (JPEG, PNG, TIFF; up to 25 MB)
documents-pick_title = Choose shipping documents to attach to the case
documents-pick_filter = Documents (PDF, JPEG, PNG, TIFF)
documents-attached = attached
documents-already_attached = already in this case
documents-too_big = { $size } MB is over the { $limit } MB limit for one document: not attached. Scan it at a lower resolution or split it.
documents-excluded = Excluded: { $reason }
documents-exclude = Exclude
documents-exclude_reason = Why exclude this document
documents-cancel = Cancel
scan-label = Scan a { $item } number (scanner or keyboard, then Enter)
scan-hint = Each scan adds an entry with its number; the box stays ready for the next.
scan-camera = Read with the camera
scan-added = { $item } { $value } added.
camera-open = Camera
camera-title = Camera: photos into this case
camera-choose = Camera to use
camera-take = Take photo
camera-taken = { $count ->
    [one] { $count } photo taken
   *[other] { $count } photos taken
}
camera-code_title = Camera: read a code
camera-code_hint = Hold the barcode or QR code steady, filling about a third of the picture, then read it.
camera-read = Read code
camera-no_code = No code found in that picture: hold it steadier or closer, and read again.
camera-done = Done
camera-starting = Starting the camera…
camera-unavailable = No camera could be started ({ $detail }). Close this and import photos from files instead.
camera-shot_saved = Photo { $number } saved to the case
camera-shot_failed = Photo { $number } was not saved: { $reason }
camera-hint = Each photo goes into the case as you take it, at the camera's full resolution, recorded as taken here on this device. Take the door, the seals, the cargo and the finding one after another.
viewer-label = Photo { $name }
viewer-close = Close
viewer-excluded = Excluded: { $reason }
viewer-sha256 = SHA-256
viewer-size = Size
viewer-size_value = { $bytes } bytes · { $type }
viewer-taken = Taken
viewer-camera = Camera
viewer-position = Position
viewer-window = Gray levels
viewer-window_hint = Narrow the levels to see into dense cargo; the original keeps every level.
viewer-window_low = Black at level { $level }
viewer-window_high = White at level { $level }
viewer-window_auto = Automatic levels
viewer-source = Source
viewer-source_camera = Taken with the camera in Quayside on device { $device }
viewer-source_file = Imported from a file
viewer-attached = Attached
viewer-attached_value = { $date } by { $author }
viewer-not_in_file = not in the file
viewer-caption = Caption
viewer-exclude_start = Exclude from the case…
viewer-exclude_reason = Why is it excluded?
viewer-exclude = Exclude
viewer-fit = Fit to the window
viewer-full_size = Show the original at full size
viewer-annotations = Annotations
viewer-annotations_shown = Show annotations
viewer-annotation_tools = Draw on the photo
viewer-annotation_text = Text to place
viewer-annotation_hint = Drag on the photo from where it starts to where it ends, or tap the start and then the end.
viewer-annotation_hint_freehand = Draw on the photo with a finger, pen or mouse.
viewer-annotation_hint_text = Type the text, then tap the photo where it goes.
viewer-annotation_area = Drawing area: the arrow keys move the point, Enter places it
viewer-annotation_keys = With the keyboard: Tab to the photo, move the point with the arrow keys (Shift: further), press Enter to place it.
viewer-annotation_started = Start set: now tap where it ends.
viewer-annotations_none = Nothing drawn on this photo. The original is never changed by drawing on it.
viewer-annotation_by = { $author }, { $date }
viewer-annotation_remove = Remove { $shape }

## An export's result.
export_result-busy = Exporting…
export_result-failed = Not exported: { $reason }
# Followed by the file's path, then its size.
export_result-saved_to = Saved to
export_result-bytes = ({ $bytes } bytes)
export_result-sha256 = SHA-256
export_result-close = Close
export_result-show_in_folder = Show in folder
export_result-cancelled = Not saved: the Save dialog was closed without choosing a file

## A call the app did not answer.
ipc-no_answer = The app did not answer: { $reason }
## Importing an analyser's export (CSV) into the readings.
import_readings-title = Import an analyser export (CSV)
import_readings-choose = Choose the CSV file the analyser exported
import_readings-found = { $file }: { $count ->
    [one] 1 reading
   *[other] { $count } readings
}. Check what each column holds, then import.
import_readings-column = Column
import_readings-holds = Holds
import_readings-first_rows = First rows
import_readings-not_read = Not read
import_readings-role_reading_id = Reading number
import_readings-role_time = Date or time
import_readings-role_instrument_serial = Instrument serial number
import_readings-role_instrument_make = Instrument make
import_readings-role_instrument_model = Instrument model
import_readings-concentration = Concentrations in the file
import_readings-unit_percent = mass % (alloy modes)
import_readings-unit_ppm = ppm, parts per million (kept as mass %)
import_readings-role_element = { $label } (mass %)
import_readings-role_uncertainty = { $label }, uncertainty (±)
import_readings-sample = Sample the readings were taken on
import_readings-no_sample = Add the sample first: every reading is of a sample.
import_readings-element_twice = { $label } is chosen for two columns: choose it for one of them.
import_readings-no_element = Choose the element of at least one column.
import_readings-import = Import readings
import_readings-cancel = Cancel
import_readings-done = From { $total } rows: { $count ->
    [one] 1 reading added.
   *[other] { $count } readings added.
}
import_readings-not_detected = { $count ->
    [one] 1 value was not detected (<LOD, ND) and added nothing.
   *[other] { $count } values were not detected (<LOD, ND) and added nothing.
}
import_readings-bad_rows = These rows cannot be read, so nothing was imported. Correct the file, or import the other rows and leave these out:
import_readings-skip_bad = Import the other rows and leave these out

## Seen in other cases: what this case names that other cases name too.
related-title = Seen in other cases
related-none = Nothing this case names appears in another case on this device.
related-seen_in = { $count ->
    [0] Not in other cases
    [one] In 1 other case
   *[other] In { $count } other cases
}
related-newest_of = The newest { $shown } of { $count } are listed.
related-through_link = linked by a person
related-summary_only = summary from another port: not held on this device
related-elsewhere = { $count ->
    [one] And in 1 case at another port (count only: that port keeps the case)
   *[other] And in { $count } cases at other ports (count only: those ports keep the cases)
}
related-elsewhere_offline = Other ports were not asked: the server cannot be reached now.
# A company, container, ... that a closed case with seized goods named.
related-seized_warning = { $kind } { $name } was in a closed seizure.
related-show_cases = Show the cases
related-badge = { $kind }: { $count ->
    [one] in 1 other case
   *[other] in { $count } other cases
}
# A near spelling, which a person decides on.
related-maybe_same = Maybe the same as { $name } ({ $count ->
    [one] 1 case
   *[other] { $count } cases
})
related-same = Same
related-not_same = Not the same
related-same_label = { $name } is the same as { $other }
related-not_same_label = { $name } is not { $other }

## The network around a case: cases within two shared entities, and how two are linked.
related-show_network = Show the network of this case
network-title = Network of { $case }
network-back = Back to the case
network-opened_from = Opened from
network-opened_to = Opened to
network-port = Port
network-summary = Cases: { $cases } · shared entities: { $entities }. Squares are cases, circles entities, a dashed line a link made by a person, a dashed frame another port's case known from a summary.
network-truncated = More cases share these than the { $max } drawn: narrow the dates or the port.
network-cases = Cases in this network
network-none = No other case within two shared entities of this one, within these dates and port.
network-depth = { $depth ->
    [one] 1 step away
   *[other] { $depth } steps away
}
network-path_title = How { $from } is linked to { $to }
network-step = { $from } and { $to } both name { $name } ({ $kind }).
network-step_linked = { $from } names { $name } ({ $kind }), which a person linked to { $other }, named by { $to }.
network-no_path = { $from } and { $to } share nothing within four steps.
network-open_case = Open { $case }
