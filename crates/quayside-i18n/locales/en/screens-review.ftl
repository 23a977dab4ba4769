# The review screens: a case's review panel and the reason a change needs, the supervisors'
# review queue, the statistics dashboard and the evidence check.

## A case's review: where it stands, and the step this person may take.
approval-region = Review
approval-waiting_since = Waiting for review since { $since }
approval-waiting_since_by = Waiting for review since { $since } (submitted by { $by })
approval-waiting_by = Waiting for review (submitted by { $by })
approval-returned = Returned to the inspector
approval-returned_by = Returned by { $by }
approval-returned_by_comment = Returned by { $by }: { $comment }
approval-approved_by = Approved by { $by } at { $at }
approval-reopened =
    Changed after approval: { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } — waiting for review
# A comment given with a submission or an approval, quoted.
approval-quoted = “{ $comment }”
# Followed by a link to the timeline (changed_since_link), then changed_since_end.
approval-changed_since =
    { $count ->
        [one] { $count } change
       *[other] { $count } changes
    } since the approval by { $by } at { $at }:
approval-changed_since_link = marked in the timeline
approval-changed_since_end = .
approval-note_for_supervisor = Note for the supervisor (optional)
approval-comment = Comment (optional)
approval-submit = Submit for review
approval-approve = Approve
approval-return = Return to inspector…
approval-return_question = What should the inspector change? (required)
approval-return_missing = Say what to change: the inspector sees this first.
approval-section_comments = Comments on sections (optional, shown next to each section)
approval-return_confirm = Return to inspector
approval-cancel = Cancel
# Who commented on a section: the supervisor's name, or their role when the name is unknown.
approval-comment_by = { $name }:
approval-reason_region = Reason for changing this case
approval-reason_given = Changing because:
approval-reason_submitted = This case was submitted for review. To change it, say why:
approval-reason_reopened = This case was changed after its approval and is waiting for review. To change it, say why:
approval-reason_approved = This case was approved. To change it, say why:
approval-reason_placeholder = e.g. the seal number was misread
approval-reason_save = Save reason and edit
approval-reason_kept = The reason is kept with each change.
approval-reason_kept_approved = The reason is kept with each change, and the case goes back to review.
approval-go_submit = Submit for review from the case header
approval-acknowledged = { $count ->
    [one] { $by } acknowledged this flag on submitting:
   *[other] { $by } acknowledged these { $count } flags on submitting:
}
approval-approve_title = Approve { $number }?
approval-summary_changes = Changes this approval covers
approval-summary_flags = Open flags
approval-summary_acknowledged = Flags the inspector acknowledged
approval-summary_photos = Photos in the file
approval-close = Close case…
approval-close_title = Close { $number }?
approval-close_explain = The case is approved. Once closed it can no longer be changed, and it does not go back to review.
approval-close_note = Note (optional)
approval-close_confirm = Close case
approval-closed_by = Closed by { $by } at { $at }

## The supervisors' review queue.
queue-title = Review queue
queue-port = Port
queue-inspector = Inspector
queue-all = All
queue-empty = Nothing is waiting for review.
queue-empty_filtered = Nothing is waiting for review with these filters.
queue-case_number = Case number
queue-review = Review
queue-waiting_since = Waiting since
queue-submitted_by = Submitted by
queue-container = Container
queue-flags = Flags
queue-flag_count =
    { $count ->
        [one] { $count } flag
       *[other] { $count } flags
    }

## The statistics dashboard.
stats-title = Statistics
# $weight is a weight with its unit (stats-kilograms).
stats-total =
    { $count ->
        [one] { $count } case
       *[other] { $count } cases
    } · { $weight } seized
stats-export = Export for partner agencies
stats-export_hint = A workbook of these statistics without parties' personal data
stats-by_concealment = By concealment method
stats-by_material = By material
stats-by_outcome = By outcome
stats-by_detection = By detection method
# Under the breakdowns where one case can count in several rows.
stats-note_concealment = A case hidden in more than one way counts under each method. Its seized weight is split equally between its methods (a method is not tied to particular goods), so the weights add up to the total.
stats-note_material = A case with goods of more than one material counts under each. Each material shows the weight of its own goods, so the weights add up to the total.
stats-note_detection = A case found by more than one method counts under each. Its seized weight is split equally between its methods, so the weights add up to the total.
stats-by_flag = By flag
stats-note_flag = A case that raises more than one flag counts under each. Its seized weight is split equally between its flags, so the weights add up to the total.
stats-no_flag = No flag
stats-none_recorded = No cases recorded this.
stats-cases = Cases
stats-seized = Seized
stats-seized_kg = Seized (kg)
stats-over_time = Cases over time
stats-period = Period
stats-by_week = By week
stats-by_month = By month
stats-no_cases = No cases.
stats-cases_by_week = Cases by week
stats-cases_by_month = Cases by month
stats-week = Week
stats-month = Month
stats-routes = Routes
stats-no_routes = No routes recorded.
stats-map_title = Route map: { $legs } legs between { $countries } countries; the table below gives each route's figures.
stats-map_leg = { $from } to { $to }: { $cases } cases, { $kg } kg seized
stats-not_recorded = Not recorded
# $kg is already a number in the reader's language.
stats-kilograms = { $kg } kg
# An ISO 8601 week: $week is two digits ("07"), $year the year in the reader's calendar.
stats-week_label = { $year }-W{ $week }

## The evidence check: the log, the photos and the server's proofs.
# $what, $problem and $reason are the check's own words.
evidence_report-event_problem = Event { $event } (device { $device }, number { $seq }): { $what }
evidence_report-event_problem_case = Event { $event } (device { $device }, number { $seq }, case { $case }): { $what }
evidence_report-photo_problem = Photo { $file } of case { $case }: { $problem }
evidence_report-failed =
    { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problems
    } found in { $events ->
        [one] { $events } event
       *[other] { $events } events
    } and { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }
evidence_report-verified =
    Verified: { $events ->
        [one] { $events } event
       *[other] { $events } events
    } from { $devices ->
        [one] { $devices } device
       *[other] { $devices } devices
    }, { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }. Every signature, device chain and photo here is as recorded.
# As evidence_report-verified, with photos other devices attached that are not here yet.
evidence_report-verified_waiting =
    Verified: { $events ->
        [one] { $events } event
       *[other] { $events } events
    } from { $devices ->
        [one] { $devices } device
       *[other] { $devices } devices
    }, { $photos ->
        [one] { $photos } photo
       *[other] { $photos } photos
    }. Every signature, device chain and photo here is as recorded. { $waiting ->
        [one] { $waiting } photo from other devices not fetched yet: the next sync brings it.
       *[other] { $waiting } photos from other devices not fetched yet: the next sync brings them.
    }
evidence_report-not_synced = Not synced with a signing server yet: nothing shows a server received these records.
evidence_report-server_key = Server key { $key }…
evidence_report-checkpoint =
    Server log last checked at { $size ->
        [one] { $size } event
       *[other] { $size } events
    } on { $at }: it only ever grew.
evidence_report-checkpoint_alerts =
    Server log last checked at { $size ->
        [one] { $size } event
       *[other] { $size } events
    } on { $at }; see the alerts above.
evidence_report-all_proven = Every synced event is proven to be in the server's log.
evidence_report-unproven =
    { $count ->
        [one] { $count } event
       *[other] { $count } events
    } not yet proven in the server's log (proven at the next sync).
evidence_report-receipts =
    { $count ->
        [one] { $count } receipt
       *[other] { $count } receipts
    } from the server kept.
evidence_report-revoked = Device { $device } was revoked on { $at }: its events up to number { $seq } stay valid.
evidence_report-refused = Refused at sync { $at }: event { $event }: { $reason }
evidence_report-refused_unreadable = Refused at sync { $at }: event (unreadable): { $reason }
evidence_report-alert = { $at }: { $message }
evidence_report-close = Close
