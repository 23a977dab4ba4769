# The case screens: the case list and its filters, a case's form, conflicts, timeline, chain of
# custody, photos and exports.

## The case list.
cases-title = Cases
cases-export_csv = Export CSV
cases-export_xlsx = Export XLSX
cases-check_evidence = Check evidence
cases-checking = Checking…
cases-new_case = New case
cases-empty = No cases yet: press New case (Ctrl+N).
cases-empty_filtered = No cases match these filters.
cases-column-case_number = Case number
cases-column-port = Port
cases-column-status = Status
cases-column-review = Review
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
filter-flagged = Flagged only
filter-clear = Clear filters

## One case.
case-loading = Loading…
case-back = ← Back
case-back_title = Back (Esc)
case-opened = { $count ->
    [one] Opened { $date } by { $author } · { $count } recorded change
   *[other] Opened { $date } by { $author } · { $count } recorded changes
}
case-status = Status
case-why_withdrawn = Why is the case withdrawn?
case-confirm = Confirm
case-export_pdf = Export PDF
case-export_bundle = Export evidence bundle
case-export_bundle_title = The case's signed events, photos and the server's proofs in one file anyone can check offline with quayside-check
case-flags = Discrepancy flags
case-no_flags = No discrepancy flags
case-sections = Sections
case-timeline = Timeline
# $item is one entry of the section, in lower case ("seal").
case-add_item = + Add { $item }
# "Seal 2".
case-item_name = { $item } { $number }
case-item_withdrawn = { $name } withdrawn: { $reason }
case-move_up = Move up
case-move_down = Move down
case-move_item_up = Move { $name } up
case-move_item_down = Move { $name } down
case-withdraw_start = Withdraw…
case-withdraw_reason = Reason (kept in the case file)
case-withdraw = Withdraw
case-seal_as_evidence = Seal as evidence
case-conflicts = { $count ->
    [one] { $count } field edited on two devices
   *[other] { $count } fields edited on two devices
}
case-conflicts_title = Go to the first one

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

## An evidence item's chain of custody.
custody-title = Chain of custody
custody-row = { $at } — { $from } → { $to }, { $place }, { $condition } (recorded by { $recorder })
custody-held_by = Held by: { $holder }
custody-nobody = Nobody is recorded as holding this item
custody-form_title = Record a handover
custody-form_label = Record a handover of { $name }
custody-from = From
custody-to = To
custody-place = Place
custody-at = Date and time
custody-at_placeholder = YYYY-MM-DD HH:MM
custody-condition = Condition
custody-condition_placeholder = e.g. seal intact
custody-save = Record handover

## Photos.
photos-title = Photos
photos-add = + Add photos
photos-drop = or drop files here
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
viewer-label = Photo { $name }
viewer-close = Close
viewer-excluded = Excluded: { $reason }
viewer-sha256 = SHA-256
viewer-size = Size
viewer-size_value = { $bytes } bytes · { $type }
viewer-taken = Taken
viewer-camera = Camera
viewer-position = Position
viewer-attached = Attached
viewer-attached_value = { $date } by { $author }
viewer-not_in_file = not in the file
viewer-caption = Caption
viewer-exclude_start = Exclude from the case…
viewer-exclude_reason = Why is it excluded?
viewer-exclude = Exclude
viewer-fit = Fit to the window
viewer-full_size = Show the original at full size

## An export's result.
export_result-busy = Exporting…
export_result-failed = Not exported: { $reason }
# Followed by the file's path, then its size.
export_result-saved_to = Saved to
export_result-bytes = ({ $bytes } bytes)
export_result-sha256 = SHA-256
export_result-close = Close

## A call the app did not answer.
ipc-no_answer = The app did not answer: { $reason }
