# Errors the API answers with (`error.*`) and notices it gives (`notice.*`). Each says what is wrong
# and what to do. `$detail` is the English detail of an unexpected failure, shown as it is.

## The call itself: a bug in the caller, not the person's doing.
error-no_such_command = There is no command "{ $command }"
error-takes_no_file = { $command } takes no file; only attach_photo, attach_document, analyser_columns and import_readings do
error-bad_arguments = bad arguments for { $command }: { $detail }
error-request_too_large = The request is { $size } bytes; the limit is { $limit }
error-malformed_request = The app sent a request Quayside cannot read ({ $detail }): restart Quayside; if it happens again, report it
error-data_dir_argument = --data-dir needs a folder: --data-dir /path/to/folder
error-no_data_folder = This system has no app data folder ({ $detail }): start Quayside with --data-dir
error-internal = Something went wrong inside Quayside: { $detail }

## Cases and their entries.
error-no_such_case = There is no case { $id } on this device
error-no_such_entry = There is no entry { $id } in this case
error-no_such_entity = No case here names the { $kind } “{ $key }”: open the case again to see what it names now
error-entry_withdrawn = This entry was withdrawn: restore it to change it
error-entry_not_withdrawn = This entry is not withdrawn: there is nothing to restore
error-entry_after_itself = An entry cannot be put after itself: name another entry of its list, or none to put it first
error-case_withdrawn = This case was withdrawn: set its status back to open to edit it
error-reason_empty = Give a reason: it is kept in the case file
error-reason_too_long = The reason is too long: at most { $max } characters
error-reason_required_submitted = This case was submitted for review: say why you are changing it. The reason is kept with each change
error-reason_required_approved = This case was approved: say why you are changing it. The reason is kept with each change, and the case goes back to review
error-role_unknown = Your stored role is unknown: sign in to the sync server again
error-field_needs_item = { $field } needs an item
error-section_has_no_items = { $section } has no items
error-not_a_list = { $section } is not a list
error-draft_too_long = Too long: at most { $max } characters
error-refused = The change was refused: { $detail }

## Evidence items and handovers. `$box` is the name of a box of the handover form, below.
error-no_such_goods = No such goods-found entry in this case (withdrawn, or never added)
error-no_such_custody_item = No such evidence item or sample in this case (withdrawn, or never added): a handover names an evidence item or a sample
error-handover_required = { $box } is required for a handover
error-handover_too_long = { $box } is { $length } characters long but at most { $max } are allowed: shorten it
handover-from = Handed over by
handover-to = Received by
handover-place = Place
handover-condition = Condition of the seal and packaging

## Review.
error-supervisor_only = Only a supervisor can approve, return or close a case: ask one to review it
error-already_waiting = This case is already waiting for review
error-already_approved = This case is approved: any change you make sends it back to review
error-control_list_current = This case is judged by the newest control list already (version { $version })
error-changed_while_reading = The case changed while you were reading it: look at what changed, then approve again
error-four_eyes = You submitted or changed this case since its last approval: another supervisor must approve it
error-return_comment = Say what the inspector should change (up to 1000 characters)
error-too_many_comments = At most { $max } section comments
error-not_waiting = This case is not waiting for review: the inspector has to submit it first
error-flags_not_acknowledged = { $count ->
    [one] One open flag is not acknowledged: read it and tick it, then submit
   *[other] { $count } open flags are not acknowledged: read each and tick it, then submit
}
error-close_not_approved = Only an approved case can be closed; this one is { $state }: approve it first
error-case_closed = This case is closed: it can no longer be changed
error-close_is_a_step = A case is closed with Close case once it is approved, not by changing its status

## Photos.
error-file_no_name = The file has no usable name
error-no_such_photo = No such photo in this case
error-not_a_photo_hash = "{ $text }" is not a SHA-256 in hex
error-photo_already_excluded = This photo was already excluded
error-annotation_nothing = Nothing to annotate: draw a mark, or choose an annotation to remove
error-annotation_off_photo = The mark lies off the photo: draw it within the picture
error-annotation_points = A freehand line needs 2 to { $limit } points: draw a longer or a shorter stroke
error-annotation_text = Annotation text must be 1 to { $limit } characters on one line: type the text first
error-annotation_degenerate = An arrow or a box needs two different points: drag, or tap its start and then its end
error-no_such_annotation = No such annotation on this photo: it may have been removed on another device
error-annotation_too_many = This photo already has { $limit } annotations: remove one before drawing another
error-photo_empty = { $file } is empty (0 bytes), so it is not a photo. Nothing was stored; check that copying it from the camera or card finished.
error-bag_label_unreadable = That is not a Quayside bag label ({ $detail }). Scan the code on the bag again, or type the text printed under it.
error-bag_label_not_here = The bag belongs to case { $case }, which this device does not hold: sync, or ask the port that opened it.
error-photo_not_an_image = { $file } is not a JPEG, PNG, HEIC, TIFF or WebP image (its content is something else, whatever its name says). Nothing was stored; choose the photo file itself.
error-photo_too_large = { $file } is { $size } MB, over the { $limit } MB limit for one photo. Nothing was stored; check that this is the right file (a camera photo is far smaller).
error-photo_too_many_pixels = { $file } declares { $width } x { $height } pixels ({ $megapixels } megapixels), over the { $limit } megapixel limit: it is damaged or made to exhaust memory. Nothing was stored.
error-photo_damaged = { $file } is a damaged or incomplete { $format } image ({ $detail }). Nothing was stored; copy the photo again from the camera or card.
error-photo_unreadable = { $file } could not be read ({ $detail }). Nothing was stored; check that the file still exists and that you may open it.
error-photo_missing = The original of photo { $sha256 } is missing from the vault. Restore the vault from a backup, or attach the photo again from its source.
error-photo_altered = The original of photo { $sha256 } has been altered: its content now hashes to { $actual }. Attach the original again from its source (the altered copy is then kept aside for examination) or restore the vault from a backup.
error-photo_seal_broken = The original of photo { $sha256 } fails its seal check: it was altered, cut short, or replaced by a file sealed elsewhere or not sealed at all. Attach the original again from its source (the damaged copy is then kept aside for examination) or restore the vault from a backup.
error-vault_wrong_key = The photo vault is sealed with another key than the one given: nothing was read or changed. Unlock with this device's own passphrase or recovery key.
error-vault = The photo vault could not do this: { $detail }

## Shipping documents.
error-no_such_document = No such document in this case
error-document_already_excluded = This document was already excluded
error-document_empty = { $file } is empty (0 bytes), so it is not a document. Nothing was stored; check that saving or scanning it finished.
error-not_a_document = { $file } is not a PDF, JPEG, PNG or TIFF file (its content is something else, whatever its name says). Nothing was stored; save or scan the document as a PDF or an image and attach that.
error-document_cut_short = { $file } is a PDF cut short: it does not end as a PDF does. Nothing was stored; save or download the document again and attach the whole file.
error-document_too_large = { $file } is { $size } MB, over the { $limit } MB limit for one document. Nothing was stored; scan it at a lower resolution or in black and white, or split it into several files.
notice-no_preview = No preview for this format: the original is stored and hashed unchanged
notice-shown_as_rendering = Shown as a rendering, at most 4096 pixels a side, its gray levels stretched from darkest to lightest: the original keeps every level and is stored and hashed unchanged
notice-format_not_shown = This format cannot be shown here: the original is stored and hashed unchanged
notice-photo_not_fetched = Attached on another device and not fetched yet: the next sync brings it from the server
notice-photo_missing = The original is missing from the vault
notice-photo_unreadable = The original cannot be read: { $detail }
notice-photo_seal_broken = The original's seal is broken: it was altered, cut short or replaced by another file
notice-photo_altered = The original was altered: it now hashes to { $actual } ({ $size } bytes, { $attached_size } when attached)
notice-import_renamed = named .{ $extension } but is a { $format } image: stored as { $format }
notice-import_exif_partial = part of the photo's EXIF could not be read: what could (time, camera, position, orientation) was kept; check the capture time and place
notice-import_heic = HEIC photo stored and hashed, shown without a thumbnail: this app cannot decode HEIC
notice-import_unsupported = stored and hashed, shown without a thumbnail: this { $format } uses a feature the decoder lacks ({ $detail })
notice-import_too_large_to_preview = stored and hashed, but too large to preview safely (a { $format } image of { $width } x { $height } pixels): no thumbnail
notice-import_altered_set_aside = the vault held an altered copy under this hash: it was moved to { $path } for examination, and the original restored from these bytes

## Exports and case-file bundles.
error-export_not_saved = The export could not be saved in { $folder }: { $detail }. Check that the folder exists and may be written to
error-nothing_to_share = None of the { $listed } cases listed may be shared: a case goes to partner agencies once "May be shared with partner agencies" is Yes in its outcome and a supervisor has approved it. Nothing was exported.
error-cannot_show_folder = No file manager could show the folder ({ $detail }). The file is at { $path }: open it from there
error-pdf_fonts = The PDF cannot be made: { $detail }. Reinstall Quayside to restore its fonts
error-zoom_range = Choose a zoom from { $min }% to { $max }% (asked for { $asked }%)
error-export_search = Clear the search before exporting for partner agencies: a search can name a person, and the export must not. Narrow it with the other filters instead
error-photo_not_here = Photo { $file } of this case is not on this device ({ $detail }). Sync to fetch it, then export the bundle again
error-document_not_here = Document { $file } of this case is not on this device ({ $detail }). Sync to fetch it, then export the bundle again
error-bundle_failed = The bundle could not be made: { $detail }

## The case database and the disk.
error-store_busy = The case database is busy: another Quayside window or process is writing to it. Close it and try again
error-store_unavailable = The case database at { $path } cannot be used: { $detail }
error-store_wrong_key = The case database at { $path } does not open with this key: it belongs to other keys, or it is damaged
error-store_unreadable = The case store { $path } cannot be read: { $detail }
error-device_key = The device key at { $path } is unusable: { $detail }
error-key_file = The keys file { $path } cannot be used: { $detail }
error-disk_full = The disk is full: free some space, then try again. Nothing was saved
error-disk_read_only = The case database is read-only: check that the data folder may be written to. Nothing was saved
error-disk_failed = The disk reported an error while saving: nothing was saved. Check the disk, then try again
error-disk_cannot_open = The case database cannot be opened: check that the data folder exists and may be written to
error-disk_damaged = The file is not a case database or is damaged: restore the data folder from a backup, or move the file away to start a new one
error-database = Database error: { $detail }

## Locking, unlocking and the people of this device.
error-locked = Quayside is locked: unlock it with your passphrase
error-wrong_passphrase = That passphrase does not unlock this device
error-passphrase_throttled = Too many wrong passphrases: try again in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}
error-wrong_recovery_key = That recovery key does not unlock this device
error-passphrase_too_short = Choose a passphrase of at least { $min } characters (this one has { $length }): a few words are easier to type than symbols
error-passphrase_blank = A passphrase of spaces alone is not allowed
error-passphrase_in_use = Another person of this device already uses that passphrase: choose another one
error-recovery_key_character = '{ $character }' is not in a recovery key: it has only digits and the letters A to Z without I, L, O and U
error-recovery_key_length = A recovery key has { $expected } characters in eight groups of five; this has { $length }
error-recovery_key_typo = This recovery key has a typing mistake: check each group against the written copy
error-person_exists = { $id } can already unlock this device
error-account_linked_already = You are signed in with your server account on this device already
error-recovery_key_not_yours = The recovery key belongs to the person who set this device up: only they can make a new one
error-person_needs_account = This device is signed in to a sync server: a new person signs in with their own account there. Type their user name on the server and their server password
error-account_on_device = { $name } can already unlock this device: they unlock with their own passphrase
error-name_length = Give your name as it should appear in case files (1 to { $max } characters)
error-person_not_stored = The signed-in person is not in the store
error-already_set_up = This device is set up already: unlock it with your passphrase
error-not_set_up = This device is not set up yet
error-system_login_unavailable = This computer's keyring cannot be used now (none is running, or it stayed locked). Unlock with your passphrase
error-system_login_missing = This computer's keyring holds no key to this device (another system user, or it was removed). Unlock with your passphrase
error-system_login_off = Nobody opens this device with the system login. Unlock with your passphrase
error-system_login_after_start = The system login opens Quayside only when it starts: once it has been unlocked, a lock asks for a passphrase
error-nobody_set_up = Nobody was set up on this device
error-idle_time = Choose an idle time from 1 to { $max } minutes
notice-locked_idle = Quayside locked itself after a time without use
notice-wiped = This device was wiped: its data can no longer be read
notice-revoked_wiped = The server revoked this device, so its data was destroyed here. Cases already synced are safe on the server: ask your administrator to enrol the device again
notice-unreadable_data = { $path } is not a case database this device can read: it is encrypted and its keys are gone, or it is another kind of file

## Sync.
error-server_address_empty = Enter the sync server's address, e.g. https://sync.customs.example:8640
error-sign_in_empty = Enter the user name and password the administrator gave you
error-not_signed_in = This device is not signed in to a sync server. Open Settings, enter the server address and sign in.
error-offline = The server at { $server } cannot be reached ({ $detail }). Work goes on offline; sync retries by itself.
error-bad_credentials = Wrong user name or password: check both and try again
error-too_many_sign_ins = The server refuses more sign-ins for this user for now, after too many wrong passwords: wait a few minutes and try again
error-server_busy = The server is busy with other sign-ins: try again in a few seconds
error-sign_in_again = The server no longer accepts this device's sign-in (signed out, unused for too long, or the account was changed): sign in again
error-server_refused = The server refused the request (code { $code }). Sync retries later; if it persists, update the app or tell your administrator.
error-server_forbidden = The server refused: your account may not do this. Ask your administrator for the role or port it needs.
error-device_conflict = The server knows this device under another key or another user, so it cannot be enrolled again as it is. Ask your administrator to revoke the old enrollment, then sign in again.
error-server_too_large = The server refused a request as too large. Sync retries with smaller parts; if it persists, tell your administrator.
error-server_failed = The sync server failed on its side. Nothing here is lost; sync retries by itself.
error-not_a_sync_server = The server at { $server } answered HTTP { $status }: check that this is the address of a Quayside sync server.
error-chain_refused = The server cannot take this device's changes from number { $seq } on: { $why }. They are kept here.
error-chain_refused_unknown = The server cannot take this device's changes from number { $seq } on ({ $detail }). They are kept here; ask your administrator.
error-photo_upload_refused = Photo { $photo } was not uploaded: the server refused it (code { $code }). It is tried again at the next sync.
error-photo_upload_unreadable = Photo { $photo } was not uploaded: its original cannot be read on this device ({ $detail }). Run the evidence check.
error-photo_upload_failed = Photo { $photo } was not uploaded ({ $detail }). It is tried again at the next sync; if it persists, tell your administrator.
error-photo_not_uploaded_yet = Photo { $photo } is not on the server yet: the device that took it has not uploaded it. It is fetched at a later sync.
error-photo_download_refused = Photo { $photo } was not fetched: the server refused it (code { $code }). It is tried again at the next sync.
error-photo_download_bad = Photo { $photo } from the server was not stored ({ $detail }). It is fetched again at the next sync.
error-sync_setup = Sync cannot run until this is fixed: { $detail }
error-sync_protocol = The server answered something this version does not understand ({ $detail }). Sync retries later; if it persists, update the app.
error-server_log_inconsistent = The server's log does not agree with what it showed or signed before; everything here is kept and sync has stopped. Report it to your supervisor. { $detail }
error-server_key_changed = The sync server is not the one this device signed in to, or its key was replaced; nothing was sent or taken. { $detail }
error-device_revoked = This device was revoked: it no longer syncs, and its keys are destroyed here.

## Evidence checks (`finding.*`): what failed about one event. The evidence screen words them in the reader's language; the command-line checks print them in English.
finding-unreadable = an event (SHA-256 { $hash }) cannot be read: { $detail }
finding-no_key = no public key is known for its device, so its signature cannot be checked
finding-bad_signature = the signature does not verify: the event was changed after it was signed, or forged
finding-replay = the event appears twice: a replay
finding-after_revocation = signed after its device was revoked on { $at } (its events up to number { $seq } stay valid)
finding-fork = two different events claim number { $seq }: the device's chain forked (its data folder was copied or restored); the other is event { $other }
finding-chain_broken = the chain is broken: it does not follow number { $seq } (reordered, altered or forked)
finding-gap_one = gap in the device's chain: number { $seq } is missing
finding-gap = gap in the device's chain: numbers { $from } to { $to } are missing
finding-numbered_from_zero = the device's events are numbered from 1, not 0
finding-first_names_previous = the device's first event names a previous one
finding-approves_missing = it approves event { $event }, which is missing
finding-depends_on_missing = it depends on event { $event }, which is missing
finding-approves_other_case = it approves event { $event }, which belongs to another case
finding-depends_on_other_case = it depends on event { $event }, which belongs to another case
finding-stored_hash_mismatch = the stored hash does not match the event bytes
finding-row_differs = the row's id, case, device, sequence, clock or kind differ from the signed body
finding-file_damaged = the database file is damaged: { $detail }
finding-server_quarantined_fork = quarantined as a fork (#{ $quarantine }, pushed { $at } by device { $pusher }): the device was cloned or restored from a copy; { $reason }
finding-server_body_hash = the body hashes to { $actual }, not to the { $stored } stored with it (log position { $position }): the body was changed after the server took it
finding-server_row_differs = the log row (event { $event }, device { $device }, seq { $seq }, case { $case }) does not match its signed body: a column was changed after the server took it

## Why an event was set aside (`refusal.*`), worded from the server's code or this device's own check. `refusal-unknown` shows the English reason of a code this version does not know.
refusal-malformed = the change arrived damaged (its signature or body could not be taken apart). Tell your administrator
refusal-not_an_event = what arrived is not a recorded change. Tell your administrator
refusal-other_device = it is another device's change: a device sends only its own. Tell your administrator
refusal-undecodable = the change cannot be read by this version: it is damaged, or written by a newer app
refusal-bad_signature = its signature does not verify: the change was altered after it was signed, or forged. It is kept as evidence; report it to your supervisor
refusal-id_reused = another change already holds its identifier. Tell your administrator
refusal-fork = another change holds its place in the device's record: the device's data was copied or restored from a backup. Ask your administrator
refusal-not_in_chain = its number is not a place in the device's record. Ask your administrator
refusal-follows_gap = an earlier change has not reached the server yet: sync sends them again in order by itself
refusal-chain_broken = it does not follow the change before it in the device's record: an earlier one was altered, reordered or forked. Ask your administrator
refusal-clock_broken = its time is beyond any date: the device's clock is broken. Set the device's date and time
refusal-role_claimed = it names its author with a higher role than your account has. Ask your administrator for the role
refusal-not_supervisor = only supervisors may approve or return a case, and your account is not a supervisor
refusal-case_opened_twice = the case is open already: a case is opened once
refusal-case_unknown = the server does not know the case: its opening was not accepted
refusal-port_not_worked = the case is at a port your account does not work. Ask your administrator to add the port to your account
refusal-bad_photo_hash = it attaches a photo under a name that is not a photo hash. Tell your administrator
refusal-blob_of_another_port = it attaches a photo or document that cases of another port hold already, which this port may not be given. Attach your own photo or scan of it
refusal-author_revoked = its author works on this device with an account that was revoked. Ask an administrator; the person signs in with an active account
refusal-unknown_device = it comes from a device this one does not know yet: the next sync may bring its key
refusal-revoked = it was signed by a revoked device after it was revoked, so it is not evidence
refusal-out_of_range = its number or time is out of range
refusal-own_copy = it is signed as this device, but this device did not write it: a copy of this device's data is in use elsewhere, or this one was restored from an older backup. Tell your administrator
refusal-unknown = { $detail }

## What a sync found wrong with the server (`alert.*`), or an operator's notice; and the server's statements (`statement.*`).
alert-log_inconsistent = A sync found the server's log truncated or rolled back, or rewritten: it does not hold what it showed or acknowledged before. Everything here is kept and sync has stopped; report it to your supervisor.
alert-server_key_changed = The server signed with another key than the one this device trusted at sign-in. Nothing was sent or taken; report it to your supervisor.
alert-bad_statement = The server sent a statement its key did not sign, or one that contradicts its answer. Sync has stopped; report it to your supervisor.
alert-server_changed = This device signed in to another sync server and now trusts its key.
alert-new_epoch = The server's operator declared a restore from a backup: the server's proofs start again from it.
alert-epoch_mismatch = The server's signed checkpoint names another restore than the one it says it is in. Sync has stopped; report it to your supervisor.
alert-device_key_mismatch = The server vouches for another key of a device than the one this device holds for it. Sync has stopped; report it to your supervisor.
alert-other = { $detail }
statement-receipt = receipt
statement-checkpoint = checkpoint
statement-revocation = revocation
finding-statement_unverified = the server's { $kind } received { $at } (kept as statement { $id }) does not verify: { $detail }
## Importing a handheld analyser's export (CSV). `$line` is the line in the file.
analyser-unreadable = { $file } cannot be read as a CSV file ({ $reason }): export the readings from the analyser as CSV and choose that file. Nothing was imported.
analyser-too_large = { $file } is larger than { $limit } MB, more than an analyser's export: choose the CSV file of the readings. Nothing was imported.
analyser-empty = { $file } holds no readings: it needs a row of column names and then a row per reading. Nothing was imported.
analyser-column_missing = Column { $column } is not in the file, which has { $count } columns: choose the columns' meanings again
analyser-unknown_element = '{ $element }' is not an element in the list: choose the element from the list
analyser-element_twice = Two columns are marked as { $element }: mark one of them, and the other as its uncertainty or as not read
analyser-no_element_column = No column is marked as an element: for each column of mass %, choose the element it reads
analyser-bad_number = line { $line }: { $column } is '{ $text }', not a number from 0 to 100 with at most 4 decimals
analyser-bad_time = line { $line }: { $column } is '{ $text }', not a date and time: correct the file, or mark that column as not read
analyser-bad_text = line { $line }: { $column } is '{ $text }', which cannot be kept: at most 200 characters, no control characters
analyser-bad_instrument = The instrument's make or model is too long or holds control characters: at most 200 characters
