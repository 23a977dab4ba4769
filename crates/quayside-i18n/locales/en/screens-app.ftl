# The app's own screens: the shell and its top bar, the lock screen, the device settings, the sync
# badge and the sync settings. In code a key is written with dots (`lock.unlock`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Each language's name for itself, the same in every catalogue, so a person finds their own.
language-en = English
language-zh_CN = 简体中文
language-th = ไทย
language-es = Español

## The shell and its top bar.
app-fatal_title = Quayside cannot open its case store
app-fatal_unchanged = Nothing has been changed. Fix the problem above and start Quayside again.
app-opening = Opening the case store…
app-opening_statistics = Opening statistics…
app-brand = Quayside
app-screens = Screens
app-cases = Cases
app-statistics = Statistics
app-review_queue = Review queue
app-review_queue_count = Review queue ({ $count })
# Who records next: the person's name, their role and this device's short id.
app-who = { $name } · { $role } · device { $device }
app-lock = Lock / switch person
app-menu = Menu
app-device = Device
app-close = Close

## The lock screen: setting the device up, the recovery key, unlocking, recovering.
lock-set_up_title = Set up Quayside on this device
lock-encrypt_title = Protect the data on this device
lock-encrypt_text = This device holds case files from an earlier version of Quayside that are not encrypted yet. Set a passphrase: they are encrypted before anything else happens.
lock-unreadable_title = This device's data cannot be read
lock-unreadable_text = Its keys were destroyed (the device was wiped, or its keys file was lost), so nobody can read what it held. Set it up again, then sign in to the sync server to get the cases back. What had not been synced is lost.
lock-language = Language
lock-set_up_intro = Your passphrase unlocks Quayside and encrypts everything it keeps on this device.
lock-name = Your name, as it should appear in case files
lock-new_passphrase = Passphrase (at least 8 characters)
lock-passphrase_again = The same passphrase again
lock-passphrases_differ = The two passphrases differ: type the same passphrase twice.
lock-setting_up = Setting up…
lock-set_up = Set up
lock-recovery_title = Write down your recovery key
lock-recovery_text = Keep it on paper, away from this device. It is shown only now. With it you can set a new passphrase if you forget yours; without it, a forgotten passphrase means enrolling this device again and pulling its cases from the server. Cases not yet synced would be lost.
lock-recovery_written = I have written the recovery key down
lock-continue = Continue
lock-locked_title = Quayside is locked
lock-passphrase = Passphrase
lock-passphrase_own = Passphrase (each person unlocks with their own)
lock-wait = Too many wrong passphrases: try again in { $seconds } s.
lock-unlocking = Unlocking…
lock-unlock = Unlock
lock-forgot = Forgot your passphrase?
lock-system_login = Open with my system login
lock-recover_title = Set a new passphrase
lock-recover_text = Type the recovery key written down when this device was set up. It sets a new passphrase for the person who set it up. Without the key, ask your administrator to enroll this device again; its cases come back from the server.
lock-recovery_key = Recovery key
lock-recover_passphrase = New passphrase (at least 8 characters)
lock-recover = Set passphrase and unlock
lock-back = Back

## Device settings.
device-title = This device
device-lock = Lock
device-idle_lock = Lock Quayside after this long without use
device-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
device-lock_hint = Lock it at once with Ctrl+L or the Lock button. Unlocking keeps what you were typing.
device-language = Language
device-language_choice = The language Quayside speaks to you
device-language_hint = Each person who unlocks this device has their own. The lock screen shows the last one chosen.
device-buddhist_era = Count years in the Buddhist era (type and read { $year } for { $common })
device-account = Your account on the server
device-account_hint = This device is signed in to a sync server, and you record on it as { $name }, an inspector. Sign in with your own account there: what you record from then on is yours on the server, under your user name and with your role.
device-account_username = Your user name on the server
device-account_password = Your password on the server
device-account_link = Sign in with my account
device-person = Another person
device-person_hint = A colleague who shares this device unlocks it with a passphrase of their own; their name goes with their changes. Without a sync server they record as an inspector.
device-person_name = Their name
device-person_passphrase = Their passphrase (at least 8 characters)
device-person_hint_server = A colleague who shares this device signs in once with their own account on the sync server, which gives their name and role (a supervisor reviews here as a supervisor), and then unlocks the device with a passphrase of their own.
device-person_username = Their user name on the server
device-person_server_password = Their password on the server
device-person_passphrase_here = Their passphrase for this device (at least 8 characters)
device-person_added = { $name } can now unlock this device with their own passphrase.
device-recovery = Recovery key
device-recovery_hint = The recovery key sets a new passphrase for you if you forget yours. If its written copy is lost, or you never saw it, make a new one: the old one stops working at once.
device-recovery_passphrase = Your passphrase
device-recovery_make = Make a new recovery key
device-recovery_made = Your new recovery key. Write it down now and keep it on paper, away from this device: it is not shown again.
device-system_login = Open with the system login
device-system_login_hint = Keep a key to this device in this computer's keyring, so Quayside opens after you log in to the computer without typing your passphrase. Anyone who can use your login on this computer can then open Quayside as you: choose it only on a computer you alone use. Once Quayside has been unlocked, a lock still asks for a passphrase.
device-system_login_on = Quayside opens with your login on this computer when it starts.
device-system_login_enable = Open with my system login
device-system_login_disable = Stop opening with my system login
device-system_login_passphrase = Your passphrase
device-add_person = Add person
device-wipe = Wipe this device
device-wipe_hint = Destroys this device's keys: nothing it holds can be read again, by anyone. Cases not yet synced are lost. Use it when the device leaves your hands.
# The word a person types to confirm the wipe: short, in capitals where the language has them.
device-wipe_word = WIPE
device-wipe_confirm = Type { $word } to confirm

## Device settings: display.
display-title = Display
display-hint = Each person who unlocks this device has their own. The lock screen is drawn as the last one chosen.
display-theme = Colours
display-theme_system = Follow the system
display-theme_light = Light
display-theme_contrast = High contrast, for bright sun
display-theme_dark = Dark, for night shifts
display-density = Size of buttons and fields
display-density_system = Follow the device (large on a touch screen)
display-density_compact = Compact, for a mouse
display-density_touch = Large, for touch and gloves
display-zoom = Zoom
display-zoom_level = { $percent }%
display-zoom_out = Smaller
display-zoom_in = Larger
display-zoom_reset = Actual size
display-zoom_hint = Ctrl with + or − zooms on any screen; Ctrl with 0 goes back to 100%.

## The sync line of the top bar, and the parts it is made of. Parts are joined with the separator.
sync-separator = {" · "}
sync-list_separator = {", "}
sync-checking = Checking sync…
sync-not_signed_in = Not syncing: sign in to a server
sync-syncing = Syncing…
sync-syncing_phase = Syncing… { $phase }
# How far a sync phase got: done of total, or only what came so far while the total is unknown.
sync-syncing_progress = Syncing… { $phase } { $done }/{ $total }
sync-syncing_so_far = Syncing… { $phase } { $done }
sync-phase_connecting = connecting
sync-phase_pushing = pushing
sync-phase_uploading_photos = uploading photos
sync-phase_pulling = pulling
sync-phase_downloading_photos = downloading photos
sync-offline = Offline
sync-synced = Synced { $time }
sync-not_synced = Not synced yet
# What waits to be sent: the events and photos, listed with the list separator.
sync-waiting = { $things } waiting
sync-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
sync-photos = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
sync-nothing_waiting = nothing waiting
sync-all_sent = all sent
sync-nothing_to_send = nothing to send
sync-to_fetch = { $count ->
    [one] { $count } photo to fetch
   *[other] { $count } photos to fetch
}
sync-refused = { $count ->
    [one] { $count } event refused
   *[other] { $count } events refused
}
sync-retrying_now = retrying now
sync-retry_seconds = retry in { $seconds }s
sync-retry_minutes = retry in { $minutes } min
sync-sign_in_again_because = Sign in again: { $error }
sync-failed = Sync failed: { $error }
sync-now_failed = Sync now failed: { $error }
sync-now = Sync now

## Sync settings.
sync-settings = Sync settings
sync-revocation_pending = Signed out here. The server could not be reached to cancel this device's access: it is told at the next connection, by itself.
sync-sign_in_title = Sign in to a sync server
sync-sign_in_text = Cases stay on this device either way. Signed in, they are sent to the server and shared cases come back, whenever it can be reached.
sync-sign_in_again = Sign in again
sync-sign_in_again_text = The server no longer accepts this device's sign-in. Nothing on this device is lost; it is sent once you are signed in.
sync-server_address = Server address
sync-user_name = User name
sync-password = Password
sync-device_name = Device name
sync-device_name_hint = (how this device shows in the server's device list)
# The name a device is offered when it first signs in.
sync-device_name_default = Quayside laptop
sync-signing_in = Signing in…
sync-sign_in = Sign in
sync-user = User
sync-role = Role
sync-ports = Ports
sync-no_ports = none
sync-server = Server
sync-sign_out = Sign out
sync-unsent = { $count ->
    [one] { $count } event not sent yet will wait here for the next sign-in.
   *[other] { $count } events not sent yet will wait here for the next sign-in.
}
sync-last_synced = Last synced
sync-never = never
sync-events_waiting = Events waiting
sync-photos_waiting = Photos waiting
sync-photos_to_fetch = Photos to fetch
sync-last_sync = Last sync
# The last sync's report, its parts joined with the separator.
sync-report_sent = { $count ->
    [one] sent { $count } event
   *[other] sent { $count } events
}
sync-report_received = { $count ->
    [one] received { $count } event
   *[other] received { $count } events
}
sync-report_photos = photos { $up } up, { $down } down
sync-report_refused = { $count } refused
sync-report_summaries = { $count ->
    [one] { $count } case summary from other ports
   *[other] { $count } case summaries from other ports
}
sync-refused_title = Refused by the server ({ $count })
sync-refused_text = The server set these changes from this device aside and does not pass them on. They stay in this device's record; show the reasons to your administrator.
sync-refused_change = Change { $seq }
sync-refused_at = refused { $time }

## Keyboard shortcuts, and the help that lists them (opened with ? or the top bar's ? button).
shortcut-title = Keyboard shortcuts
shortcut-while_typing = While the cursor is in a field, only the shortcuts with Ctrl, and F1, work: other keys type into the field.
shortcut-column_action = Action
shortcut-column_keys = Keys
shortcut-or = or
shortcut-new_case = New case
shortcut-search = Search the cases
shortcut-next_section = Next section of the case file
shortcut-previous_section = Previous section of the case file
shortcut-submit = Go to Submit for review (or Approve)
shortcut-help = Show these shortcuts
shortcut-lock = Lock, or switch person
shortcut-close = Close a dialog; in a case file, back to the list
shortcut-photo_step = Previous or next photo, in the photo viewer
# Said when "Go to Submit" finds no review step this person can take in the case now.
shortcut-nothing_to_submit = Nothing to submit or approve in this case now
# The names of keys, as printed on the keyboard.
keys-ctrl = Ctrl
keys-cmd = ⌘
keys-shift = Shift
keys-alt = Alt
keys-enter = Enter
keys-escape = Esc

## Said to a screen reader user when it happens, without moving the cursor.
announce-saved = Saved
