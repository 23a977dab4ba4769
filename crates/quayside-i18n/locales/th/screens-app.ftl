# The app's own screens: the shell and its top bar, the lock screen, the device settings, the sync
# badge and the sync settings. In code a key is written with dots (`lock.unlock`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Each language's name for itself, the same in every catalogue, so a person finds their own.
language-en = English
language-zh_CN = 简体中文
language-th = ไทย
language-es = Español

## The shell and its top bar.
app-fatal_title = Quayside เปิดคลังข้อมูลคดีไม่ได้
app-fatal_unchanged = ยังไม่มีการเปลี่ยนแปลงใด ๆ โปรดแก้ไขปัญหาข้างต้น แล้วเปิด Quayside อีกครั้ง
app-opening = กำลังเปิดคลังข้อมูลคดี…
app-opening_statistics = กำลังเปิดสถิติ…
app-brand = Quayside
app-screens = หน้าจอ
app-cases = คดี
app-statistics = สถิติ
app-review_queue = คิวตรวจทาน
app-review_queue_count = คิวตรวจทาน ({ $count })
# Who records next: the person's name, their role and this device's short id.
app-who = { $name } · { $role } · อุปกรณ์ { $device }
app-lock = ล็อก / สลับผู้ใช้
app-menu = เมนู
app-device = อุปกรณ์
app-close = ปิด

## The lock screen: setting the device up, the recovery key, unlocking, recovering.
lock-set_up_title = ตั้งค่า Quayside บนอุปกรณ์นี้
lock-encrypt_title = ปกป้องข้อมูลบนอุปกรณ์นี้
lock-encrypt_text = อุปกรณ์นี้มีแฟ้มคดีจาก Quayside รุ่นก่อนที่ยังไม่ได้เข้ารหัส โปรดตั้งวลีรหัสผ่าน ระบบจะเข้ารหัสแฟ้มเหล่านี้ก่อนดำเนินการอื่นใด
lock-unreadable_title = อ่านข้อมูลของอุปกรณ์นี้ไม่ได้
lock-unreadable_text = กุญแจของอุปกรณ์นี้ถูกทำลายแล้ว (อุปกรณ์ถูกล้างข้อมูล หรือไฟล์กุญแจสูญหาย) จึงไม่มีผู้ใดอ่านข้อมูลที่เก็บไว้ได้ โปรดตั้งค่าใหม่ แล้วลงชื่อเข้าใช้เซิร์ฟเวอร์ซิงค์เพื่อดึงคดีกลับมา ข้อมูลที่ยังไม่ได้ซิงค์สูญหายแล้ว
lock-language = ภาษา
lock-set_up_intro = วลีรหัสผ่านของคุณใช้ปลดล็อก Quayside และเข้ารหัสทุกอย่างที่เก็บไว้บนอุปกรณ์นี้
lock-name = ชื่อของคุณ ตามที่จะปรากฏในแฟ้มคดี
lock-new_passphrase = วลีรหัสผ่าน (อย่างน้อย 8 ตัวอักษร)
lock-passphrase_again = วลีรหัสผ่านเดิมอีกครั้ง
lock-passphrases_differ = วลีรหัสผ่านทั้งสองไม่ตรงกัน โปรดพิมพ์วลีรหัสผ่านเดียวกันสองครั้ง
lock-setting_up = กำลังตั้งค่า…
lock-set_up = ตั้งค่า
lock-recovery_title = จดกุญแจกู้คืนของคุณไว้
lock-recovery_text = เก็บไว้บนกระดาษ แยกจากอุปกรณ์นี้ กุญแจนี้แสดงเพียงครั้งนี้ครั้งเดียว หากลืมวลีรหัสผ่าน คุณใช้กุญแจนี้ตั้งวลีรหัสผ่านใหม่ได้ หากไม่มีกุญแจ การลืมวลีรหัสผ่านหมายถึงต้องลงทะเบียนอุปกรณ์นี้ใหม่และดึงคดีจากเซิร์ฟเวอร์ คดีที่ยังไม่ได้ซิงค์จะสูญหาย
lock-recovery_written = ฉันจดกุญแจกู้คืนไว้แล้ว
lock-continue = ดำเนินการต่อ
lock-locked_title = Quayside ถูกล็อกอยู่
lock-passphrase = วลีรหัสผ่าน
lock-passphrase_own = วลีรหัสผ่าน (แต่ละคนปลดล็อกด้วยวลีรหัสผ่านของตนเอง)
lock-wait = ใส่วลีรหัสผ่านผิดหลายครั้งเกินไป โปรดลองอีกครั้งใน { $seconds } วินาที
lock-unlocking = กำลังปลดล็อก…
lock-unlock = ปลดล็อก
lock-forgot = ลืมวลีรหัสผ่านใช่ไหม
lock-system_login = เปิดด้วยการเข้าสู่ระบบของฉัน
lock-recover_title = ตั้งวลีรหัสผ่านใหม่
lock-recover_text = พิมพ์กุญแจกู้คืนที่จดไว้เมื่อตั้งค่าอุปกรณ์นี้ กุญแจนี้ตั้งวลีรหัสผ่านใหม่ให้ผู้ที่ตั้งค่าอุปกรณ์ หากไม่มีกุญแจ โปรดขอให้ผู้ดูแลระบบลงทะเบียนอุปกรณ์นี้ใหม่ คดีของอุปกรณ์จะได้รับคืนจากเซิร์ฟเวอร์
lock-recovery_key = กุญแจกู้คืน
lock-recover_passphrase = วลีรหัสผ่านใหม่ (อย่างน้อย 8 ตัวอักษร)
lock-recover = ตั้งวลีรหัสผ่านและปลดล็อก
lock-back = ย้อนกลับ

## Device settings.
device-title = อุปกรณ์นี้
device-lock = การล็อก
device-idle_lock = ล็อก Quayside เมื่อไม่มีการใช้งานนานเท่านี้
device-minutes = { $minutes } นาที
device-lock_hint = ล็อกทันทีด้วย Ctrl+L หรือปุ่มล็อก เมื่อปลดล็อก ข้อความที่กำลังพิมพ์จะยังอยู่
device-language = ภาษา
device-language_choice = ภาษาที่ Quayside ใช้กับคุณ
device-language_hint = ผู้ที่ปลดล็อกอุปกรณ์นี้แต่ละคนมีภาษาของตนเอง หน้าจอล็อกจะแสดงภาษาที่เลือกล่าสุด
device-buddhist_era = นับปีเป็นพุทธศักราช (พิมพ์และแสดง { $year } แทน { $common })
device-account = บัญชีของท่านบนเซิร์ฟเวอร์
device-account_hint = อุปกรณ์นี้ลงชื่อเข้าใช้เซิร์ฟเวอร์ซิงค์อยู่ และท่านบันทึกบนอุปกรณ์นี้ในชื่อ { $name } ในฐานะเจ้าหน้าที่ตรวจ ลงชื่อเข้าใช้ด้วยบัญชีของท่านเองบนเซิร์ฟเวอร์ สิ่งที่ท่านบันทึกหลังจากนั้นจะเป็นของท่านบนเซิร์ฟเวอร์ ภายใต้ชื่อผู้ใช้และบทบาทของท่าน
device-account_username = ชื่อผู้ใช้ของท่านบนเซิร์ฟเวอร์
device-account_password = รหัสผ่านของท่านบนเซิร์ฟเวอร์
device-account_link = ลงชื่อเข้าใช้ด้วยบัญชีของฉัน
device-person = บุคคลอื่น
device-person_hint = เพื่อนร่วมงานที่ใช้อุปกรณ์นี้ร่วมกันปลดล็อกด้วยวลีรหัสผ่านของตนเอง และชื่อของผู้นั้นจะกำกับการเปลี่ยนแปลงที่ผู้นั้นทำ หากไม่มีเซิร์ฟเวอร์ซิงค์ ผู้นั้นจะบันทึกในฐานะเจ้าหน้าที่ตรวจ
device-person_name = ชื่อของผู้นั้น
device-person_passphrase = วลีรหัสผ่านของผู้นั้น (อย่างน้อย 8 ตัวอักษร)
device-person_hint_server = เพื่อนร่วมงานที่ใช้อุปกรณ์นี้ร่วมกันลงชื่อเข้าใช้หนึ่งครั้งด้วยบัญชีของตนเองบนเซิร์ฟเวอร์ซิงค์ ซึ่งกำหนดชื่อและบทบาท (หัวหน้าจะตรวจทานที่นี่ในฐานะหัวหน้า) จากนั้นปลดล็อกอุปกรณ์ด้วยวลีรหัสผ่านของตนเอง
device-person_username = ชื่อผู้ใช้ของผู้นั้นบนเซิร์ฟเวอร์
device-person_server_password = รหัสผ่านของผู้นั้นบนเซิร์ฟเวอร์
device-person_passphrase_here = วลีรหัสผ่านของผู้นั้นสำหรับอุปกรณ์นี้ (อย่างน้อย 8 ตัวอักษร)
device-person_added = { $name } ปลดล็อกอุปกรณ์นี้ด้วยวลีรหัสผ่านของตนเองได้แล้ว
device-recovery = คีย์กู้คืน
device-recovery_hint = คีย์กู้คืนใช้ตั้งวลีรหัสผ่านใหม่หากท่านลืม หากสำเนาที่จดไว้หายหรือท่านไม่เคยเห็น ให้สร้างคีย์ใหม่ คีย์เดิมจะใช้ไม่ได้ทันที
device-recovery_passphrase = วลีรหัสผ่านของท่าน
device-recovery_make = สร้างคีย์กู้คืนใหม่
device-recovery_made = คีย์กู้คืนใหม่ของท่าน จดลงกระดาษทันทีและเก็บแยกจากอุปกรณ์นี้ คีย์จะไม่แสดงอีก
device-system_login = เปิดด้วยการเข้าสู่ระบบ
device-system_login_hint = เก็บกุญแจของอุปกรณ์นี้ไว้ในพวงกุญแจของคอมพิวเตอร์เครื่องนี้ เพื่อให้ Quayside เปิดได้หลังจากท่านเข้าสู่ระบบคอมพิวเตอร์โดยไม่ต้องพิมพ์วลีรหัสผ่าน ผู้ใดที่ใช้การเข้าสู่ระบบของท่านบนคอมพิวเตอร์นี้ได้จะเปิด Quayside ในนามท่านได้ เลือกเฉพาะบนคอมพิวเตอร์ที่ท่านใช้คนเดียว เมื่อปลดล็อก Quayside แล้ว การล็อกยังคงต้องใช้วลีรหัสผ่าน
device-system_login_on = Quayside จะเปิดด้วยการเข้าสู่ระบบของท่านบนคอมพิวเตอร์นี้เมื่อเริ่มโปรแกรม
device-system_login_enable = เปิดด้วยการเข้าสู่ระบบของฉัน
device-system_login_disable = เลิกเปิดด้วยการเข้าสู่ระบบของฉัน
device-system_login_passphrase = วลีรหัสผ่านของท่าน
device-add_person = เพิ่มบุคคล
device-wipe = ล้างข้อมูลอุปกรณ์นี้
device-wipe_hint = ทำลายกุญแจของอุปกรณ์นี้ จะไม่มีผู้ใดอ่านข้อมูลที่เก็บไว้ได้อีก คดีที่ยังไม่ได้ซิงค์จะสูญหาย ใช้เมื่ออุปกรณ์จะพ้นจากความดูแลของคุณ
# The word a person types to confirm the wipe: short, in capitals where the language has them.
device-wipe_word = ล้างข้อมูล
device-wipe_confirm = พิมพ์ “{ $word }” เพื่อยืนยัน

## Device settings: display.
display-title = การแสดงผล
display-hint = ผู้ที่ปลดล็อกอุปกรณ์นี้แต่ละคนมีการแสดงผลของตนเอง หน้าจอล็อกจะแสดงตามที่เลือกล่าสุด
display-theme = สี
display-theme_system = ตามระบบ
display-theme_light = สว่าง
display-theme_contrast = คอนทราสต์สูง สำหรับกลางแดดจ้า
display-theme_dark = มืด สำหรับเวรกลางคืน
display-density = ขนาดของปุ่มและช่องกรอก
display-density_system = ตามอุปกรณ์ (ขนาดใหญ่บนจอสัมผัส)
display-density_compact = กะทัดรัด สำหรับเมาส์
display-density_touch = ขนาดใหญ่ สำหรับการสัมผัสและสวมถุงมือ
display-zoom = ย่อ/ขยาย
display-zoom_level = { $percent }%
display-zoom_out = ย่อ
display-zoom_in = ขยาย
display-zoom_reset = ขนาดจริง
display-zoom_hint = กด Ctrl พร้อม + หรือ − เพื่อย่อหรือขยายได้ทุกหน้าจอ กด Ctrl พร้อม 0 เพื่อกลับเป็น 100%

## The sync line of the top bar, and the parts it is made of. Parts are joined with the separator.
sync-separator = {" · "}
sync-list_separator = {" และ "}
sync-checking = กำลังตรวจสอบการซิงค์…
sync-not_signed_in = ไม่ได้ซิงค์: โปรดลงชื่อเข้าใช้เซิร์ฟเวอร์
sync-syncing = กำลังซิงค์…
sync-syncing_phase = กำลังซิงค์… { $phase }
# How far a sync phase got: done of total, or only what came so far while the total is unknown.
sync-syncing_progress = กำลังซิงค์… { $phase } { $done }/{ $total }
sync-syncing_so_far = กำลังซิงค์… { $phase } { $done }
sync-phase_connecting = เชื่อมต่อ
sync-phase_pushing = ส่งข้อมูล
sync-phase_uploading_photos = อัปโหลดภาพถ่าย
sync-phase_pulling = รับข้อมูล
sync-phase_downloading_photos = ดาวน์โหลดภาพถ่าย
sync-offline = ออฟไลน์
sync-synced = ซิงค์แล้วเมื่อ { $time }
sync-not_synced = ยังไม่เคยซิงค์
# What waits to be sent: the events and photos, listed with the list separator.
sync-waiting = { $things } รอส่ง
sync-events = { $count } เหตุการณ์
sync-photos = { $count } ภาพ
sync-nothing_waiting = ไม่มีรายการรอส่ง
sync-all_sent = ส่งครบแล้ว
sync-nothing_to_send = ไม่มีรายการที่ต้องส่ง
sync-to_fetch = รอรับ { $count } ภาพ
sync-refused = { $count } เหตุการณ์ถูกปฏิเสธ
sync-retrying_now = กำลังลองใหม่
sync-retry_seconds = ลองใหม่ใน { $seconds } วินาที
sync-retry_minutes = ลองใหม่ใน { $minutes } นาที
sync-sign_in_again_because = โปรดลงชื่อเข้าใช้อีกครั้ง: { $error }
sync-failed = ซิงค์ไม่สำเร็จ: { $error }
sync-now_failed = ซิงค์ทันทีไม่สำเร็จ: { $error }
sync-now = ซิงค์ทันที

## Sync settings.
sync-settings = การตั้งค่าซิงค์
sync-revocation_pending = ลงชื่อออกที่อุปกรณ์นี้แล้ว แต่ติดต่อเซิร์ฟเวอร์เพื่อยกเลิกสิทธิ์เข้าถึงของอุปกรณ์นี้ไม่ได้ ระบบจะแจ้งเซิร์ฟเวอร์เองเมื่อเชื่อมต่อครั้งถัดไป
sync-sign_in_title = ลงชื่อเข้าใช้เซิร์ฟเวอร์ซิงค์
sync-sign_in_text = คดีจะอยู่บนอุปกรณ์นี้ไม่ว่าจะลงชื่อเข้าใช้หรือไม่ เมื่อลงชื่อเข้าใช้แล้ว คดีจะถูกส่งไปยังเซิร์ฟเวอร์ และคดีที่แบ่งปันจะส่งกลับมา ทุกครั้งที่ติดต่อเซิร์ฟเวอร์ได้
sync-sign_in_again = ลงชื่อเข้าใช้อีกครั้ง
sync-sign_in_again_text = เซิร์ฟเวอร์ไม่ยอมรับการลงชื่อเข้าใช้ของอุปกรณ์นี้อีกต่อไป ข้อมูลบนอุปกรณ์นี้ไม่สูญหาย และจะถูกส่งเมื่อคุณลงชื่อเข้าใช้แล้ว
sync-server_address = ที่อยู่เซิร์ฟเวอร์
sync-user_name = ชื่อผู้ใช้
sync-password = รหัสผ่าน
sync-device_name = ชื่ออุปกรณ์
sync-device_name_hint = (ชื่อที่แสดงในรายการอุปกรณ์ของเซิร์ฟเวอร์)
# The name a device is offered when it first signs in.
sync-device_name_default = แล็ปท็อป Quayside
sync-signing_in = กำลังลงชื่อเข้าใช้…
sync-sign_in = ลงชื่อเข้าใช้
sync-user = ผู้ใช้
sync-role = บทบาท
sync-ports = ด่านศุลกากร
sync-no_ports = ไม่มี
sync-server = เซิร์ฟเวอร์
sync-sign_out = ลงชื่อออก
sync-unsent = { $count } เหตุการณ์ที่ยังไม่ได้ส่งจะรออยู่ที่นี่จนกว่าจะลงชื่อเข้าใช้ครั้งถัดไป
sync-last_synced = ซิงค์ล่าสุดเมื่อ
sync-never = ไม่เคย
sync-events_waiting = เหตุการณ์รอส่ง
sync-photos_waiting = ภาพถ่ายรอส่ง
sync-photos_to_fetch = ภาพถ่ายรอรับ
sync-last_sync = ผลการซิงค์ล่าสุด
# The last sync's report, its parts joined with the separator.
sync-report_sent = ส่ง { $count } เหตุการณ์
sync-report_received = รับ { $count } เหตุการณ์
sync-report_photos = ภาพถ่าย อัปโหลด { $up } ดาวน์โหลด { $down }
sync-report_refused = ถูกปฏิเสธ { $count }
sync-report_summaries = สรุปคดีจากท่าอื่น { $count } รายการ
sync-refused_title = ถูกเซิร์ฟเวอร์ปฏิเสธ ({ $count })
sync-refused_text = เซิร์ฟเวอร์กันการเปลี่ยนแปลงเหล่านี้จากอุปกรณ์นี้ไว้ต่างหากและไม่ส่งต่อ การเปลี่ยนแปลงยังคงอยู่ในบันทึกของอุปกรณ์นี้ โปรดแสดงเหตุผลให้ผู้ดูแลระบบดู
sync-refused_change = การเปลี่ยนแปลง { $seq }
sync-refused_at = ถูกปฏิเสธเมื่อ { $time }

## Keyboard shortcuts, and the help that lists them (opened with ? or the top bar's ? button).
shortcut-title = แป้นพิมพ์ลัด
shortcut-while_typing = ขณะที่เคอร์เซอร์อยู่ในช่องกรอก ใช้ได้เฉพาะแป้นพิมพ์ลัดที่มี Ctrl และ F1 แป้นอื่นจะพิมพ์ลงในช่อง
shortcut-column_action = การทำงาน
shortcut-column_keys = แป้น
shortcut-or = หรือ
shortcut-new_case = คดีใหม่
shortcut-search = ค้นหาคดี
shortcut-next_section = หมวดถัดไปของสำนวนคดี
shortcut-previous_section = หมวดก่อนหน้าของสำนวนคดี
shortcut-submit = ไปที่ปุ่มส่งตรวจทาน (หรืออนุมัติ)
shortcut-help = แสดงแป้นพิมพ์ลัดเหล่านี้
shortcut-lock = ล็อก หรือสลับผู้ใช้
shortcut-close = ปิดหน้าต่างโต้ตอบ เมื่ออยู่ในคดีจะกลับไปที่รายการคดี
shortcut-photo_step = ภาพถ่ายก่อนหน้าหรือถัดไป ในหน้าดูภาพถ่าย
# Said when "Go to Submit" finds no review step this person can take in the case now.
shortcut-nothing_to_submit = ขณะนี้คดีนี้ไม่มีสิ่งที่ส่งตรวจทานหรืออนุมัติได้
# The names of keys, as printed on the keyboard.
keys-ctrl = Ctrl
keys-cmd = ⌘
keys-shift = Shift
keys-alt = Alt
keys-enter = Enter
keys-escape = Esc

## Said to a screen reader user when it happens, without moving the cursor.
announce-saved = บันทึกแล้ว
