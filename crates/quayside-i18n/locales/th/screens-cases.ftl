# The case screens: the case list and its filters, a case's form, conflicts, timeline, chain of
# custody, photos and exports.

## The case list.
cases-title = คดี
cases-export_csv = ส่งออก CSV
cases-export_xlsx = ส่งออก XLSX
cases-export_partner = แผ่นงานสำหรับพันธมิตร (CSV)
cases-check_evidence = ตรวจสอบหลักฐาน
cases-checking = กำลังตรวจสอบ…
cases-new_case = คดีใหม่
cases-empty = ยังไม่มีคดี: กด “คดีใหม่” (Ctrl+N)
cases-empty_filtered = ไม่มีคดีที่ตรงกับตัวกรองนี้
cases-column-case_number = เลขที่คดี
cases-column-port = ท่า
cases-column-status = สถานะ
cases-column-container = ตู้คอนเทนเนอร์
cases-column-flags = ข้อสังเกต
cases-column-opened = เปิดเมื่อ
cases-column-last_change = แก้ไขล่าสุด
cases-pages = หน้า
cases-previous = ← ก่อนหน้า
cases-next = ถัดไป →
# The rows shown: "1–50 of 1,234".
cases-page_range = { $first }–{ $last } จาก { $total }
cases-page_none = ไม่มีคดี
# A page past the last one.
cases-page_beyond = ไม่มีคดีในหน้านี้ จากทั้งหมด { $total }
cases-port_placeholder = เช่น THLCH
cases-open_case = เปิดคดี
cases-cancel = ยกเลิก

## The filters, on the case list and the statistics.
filter-label = กรองคดี
filter-search = ค้นหาคดี
filter-search_placeholder = ค้นหาเลขที่ ซีล ผู้เกี่ยวข้อง หมายเหตุ…
filter-port = ท่า
filter-port_placeholder = THLCH
filter-port_hint = รหัส UN/LOCODE ตัวอักษร 5 ตัว เช่น THLCH
filter-opened_from = เปิดตั้งแต่
filter-opened_to = ถึง
# A day as it is typed in this language; $example is today written so.
filter-day_placeholder = วว/ดด/ปปปป
filter-day_hint = วันที่แบบ วว/ดด/ปปปป (พ.ศ.) เช่น { $example }
filter-status = สถานะ
filter-all = ทั้งหมด
filter-concealment = การซุกซ่อน
filter-material = สินค้าควบคุม
filter-detection = การตรวจพบ
filter-outcome = ผลการดำเนินการ
filter-country = ประเทศในเส้นทาง
filter-country_placeholder = CN
filter-country_hint = ตัวอักษร 2 ตัว (ISO 3166) เช่น CN
filter-flag = ข้อสังเกต
filter-flagged = เฉพาะที่มีข้อสังเกต
filter-clear = ล้างตัวกรอง

## One case.
case-loading = กำลังโหลด…
case-back = กลับ
case-opened = { $count ->
   *[other] เปิดเมื่อ { $date } โดย { $author } · บันทึกการเปลี่ยนแปลง { $count } ครั้ง
}
case-withdraw_case = ยกเลิกคดี…
case-reopen = เปิดคดีอีกครั้ง
case-withdrawn_because = ยกเลิกแล้ว: { $reason }
case-why_withdrawn = เหตุผลที่ยกเลิกคดี
case-confirm = ยืนยัน
case-export_pdf = ส่งออก PDF
case-export_bundle = ส่งออกชุดหลักฐาน
case-export_bundle_title = เหตุการณ์ที่ลงลายมือชื่อแล้วของคดี ภาพถ่าย และหลักฐานยืนยันจากเซิร์ฟเวอร์ รวมในไฟล์เดียวที่ผู้ใดก็ตรวจสอบแบบออฟไลน์ได้ด้วย quayside-check
case-flags = ข้อสังเกตความไม่ตรงกัน
case-no_flags = ไม่มีข้อสังเกตความไม่ตรงกัน
case-suggested_outcome = ธงบ่งชี้ว่า: { $outcome } ({ $flags }) เป็นเพียงข้อเสนอแนะ ผู้ตัดสินใจคือคุณ
case-use_suggested_outcome = บันทึกผลนี้
case-control_list = ตัดสินตามบัญชีควบคุมฉบับที่ { $version }
case-control_list_apply = ใช้บัญชีควบคุมฉบับที่ { $version }
case-sections = หมวด
case-timeline = ประวัติการบันทึก
# $item is one entry of the section, in lower case ("seal").
case-add_item = เพิ่ม{ $item }
# "Seal 2".
case-item_name = { $item } { $number }
case-item_withdrawn = ยกเลิก{ $name }แล้ว: { $reason }
case-move_up = เลื่อนขึ้น
case-move_down = เลื่อนลง
case-withdraw_start = ยกเลิกรายการ…
case-withdraw_reason = เหตุผล (เก็บไว้ในสำนวนคดี)
case-withdraw = ยกเลิก{ $name }
case-seal_as_evidence = ปิดผนึกเป็นของกลาง
case-conflicts = { $count ->
   *[other] { $count } ช่องถูกแก้ไขจากสองเครื่อง
}

## The case file's header, sections and entries, and the guide on a person's first cases.
# "Open · Not submitted": the case's status, then where it stands in review.
casefile-flags = { $count ->
    [0] ไม่มีข้อสังเกต
   *[other] ข้อสังเกต { $count } รายการ
}
# What a reviewer expects: how much of it is filled in.
casefile-filled = กรอกแล้ว { $done } จาก { $total }
casefile-go_missing = ไปยังหมวดแรกที่ยังขาดข้อมูล
casefile-export = ส่งออก
casefile-export_pdf_hint = สำนวนคดีสำหรับพิมพ์หรือส่งมอบ เป็นภาษาของคุณ
casefile-submit = ส่ง
casefile-submit_title = ส่ง { $number } ตรวจทาน
casefile-submit_complete = กรอกครบทุกรายการที่ผู้ตรวจทานต้องการแล้ว
casefile-submit_missing = { $count ->
   *[other] ผู้ตรวจทานจะพบว่ายังขาด { $count } รายการ:
}
casefile-and_more = และอีก { $count } รายการ
casefile-submit_anyway = ส่งตามที่เป็นอยู่
casefile-state_now = สถานะคดีตอนนี้: { $state }
casefile-submit_flags = ข้อบ่งชี้ที่ยังเปิดอยู่: ทำเครื่องหมายทีละรายการเพื่อยืนยันว่าได้อ่านแล้ว
casefile-submit_flags_left = { $count ->
   *[other] ต้องทำเครื่องหมายข้อบ่งชี้อีก { $count } รายการจึงจะส่งได้
}
casefile-missing_photo = ภาพถ่าย: ยังไม่มี
casefile-missing_entry = { $section }: ยังไม่มีบันทึก
casefile-missing_holder = { $item }: ยังไม่มีบันทึกผู้ครอบครอง
# "Goods found 2: Material".
casefile-missing_item_field = { $item }: { $field }
# "Quantity or Weight": either is enough.
casefile-either = { $first } หรือ { $second }
casefile-progress = กรอกแล้ว { $done } จาก { $total }
casefile-progress_short = { $done }/{ $total }
casefile-complete = ครบถ้วน
casefile-fold_all = ย่อทุกหมวด
casefile-unfold_all = ขยายทุกหมวด
# "Party 2: Shipper": an entry's name and what tells it apart.
casefile-item_title = { $name }: { $detail }
casefile-entry_actions = เลื่อนหรือยกเลิก{ $name }
casefile-no_entry = ยังไม่มีบันทึก
casefile-no_entry_expected = ยังไม่มีบันทึก: ผู้ตรวจทานต้องการอย่างน้อยหนึ่งรายการ
casefile-withdraw_question = ยกเลิก{ $name }หรือไม่ รายการนี้ยังคงอยู่ในสำนวนคดี โดยระบุว่ายกเลิกแล้วพร้อมเหตุผลของคุณ
casefile-entry_withdrawn = ยกเลิก{ $name }แล้ว
casefile-entry_moved_up = เลื่อน{ $name }ขึ้นแล้ว
casefile-entry_moved_down = เลื่อน{ $name }ลงแล้ว
casefile-entry_moved_back = ย้าย{ $name }กลับที่เดิมแล้ว
casefile-entry_restored = กู้คืน{ $name }แล้ว
casefile-undo = เลิกทำ
casefile-notice_close = ปิดข้อความนี้
casefile-restore = กู้คืน{ $name }
casefile-guide_title = สำนวนการตรวจยึดชุดแรกของคุณ
casefile-guide_count = เสร็จแล้ว { $done } จาก { $total }
casefile-guide_intro = สำนวนการตรวจยึดต้องมีรายการต่อไปนี้ แต่ละรายการจะถูกติ๊กเมื่อครบถ้วนสำหรับผู้ตรวจทาน กดเพื่อไปยังหมวดนั้น
casefile-guide_declaration = ใบขนสินค้า: เลขที่ ชนิดสินค้า พิกัดศุลกากร ปริมาณหรือน้ำหนัก ประเทศต้นกำเนิด
casefile-guide_goods_found = สินค้าที่ตรวจพบ: เป็นอะไร สินค้าควบคุมชนิดใด จำนวนเท่าใด
casefile-guide_concealments = ซุกซ่อนสินค้าอย่างไรและที่ใด
casefile-guide_photos = ภาพถ่ายสินค้า จุดซุกซ่อน และซีล
casefile-guide_parties = ผู้เกี่ยวข้อง: ผู้ส่ง ผู้รับ หรือผู้สำแดง พร้อมบทบาทและชื่อ
casefile-guide_outcome = ผลการดำเนินการ และแบ่งปันได้หรือไม่
casefile-guide_done = เสร็จแล้ว
casefile-guide_todo = ยังไม่เสร็จ
casefile-guide_hide = ซ่อนคำแนะนำนี้

## A field of the case form.
form-personal = ข้อมูลส่วนบุคคล
form-personal_title = ข้อมูลส่วนบุคคล: ไม่นับรวมในสถิติที่แบ่งปัน
form-saving = กำลังบันทึก…
form-draft = ฉบับร่าง ยังไม่บันทึก
form-editing = กำลังแก้ไข
form-draft_restored = กู้คืนฉบับร่างที่ยังไม่บันทึกแล้ว
form-draft_restored_invalid = กู้คืนฉบับร่างที่ยังไม่บันทึกแล้ว: { $reason }
form-draft_restored_not_valid = กู้คืนฉบับร่างที่ยังไม่บันทึกแล้ว: ข้อมูลไม่ถูกต้อง
form-not_valid = ข้อมูลไม่ถูกต้อง
form-needs_reason = ยังไม่บันทึก: ระบุเหตุผลที่แก้ไขคดีนี้ด้านบน แล้วระบบจะบันทึกให้
form-not_saved = ยังไม่บันทึก: { $reason }
form-expected = ควรกรอก
form-not_filled = ยังไม่ได้กรอก
form-entry_gone = รายการที่ถูกถอนไปแล้ว

## A field edited on several devices at once.
conflict-label = ค่าที่ขัดแย้งกัน
conflict-title = ถูกแก้ไขจาก { $count } เครื่องในเวลาเดียวกัน
conflict-empty = (ว่าง)
conflict-empty_value = ว่าง
conflict-shown = ค่าที่แสดงอยู่
conflict-keep = ใช้ค่านี้
conflict-keep_value = ใช้ค่านี้: { $value } ({ $author })

## The timeline.
timeline-author = { $author } ({ $role })
timeline-since_approval = แก้ไขหลังอนุมัติ
timeline-refused = ไม่มีผล: { $reason }
# A field's change: "Vessel name: MSC ANNA → MSC ANNA II".
timeline-change = { $label }: { $from } → { $to }
timeline-change_set = { $label }: { $to }
timeline-change_cleared = { $label }: { $from } → (ลบค่าแล้ว)

## The chain of custody of an evidence item or a sample.
custody-title = ห่วงโซ่การครอบครอง
custody-row = { $at } — { $from } → { $to }, { $place }, { $condition } (บันทึกโดย { $recorder })
custody-held_by = ผู้ครอบครอง: { $holder }
custody-nobody = ยังไม่มีบันทึกผู้ครอบครองสิ่งนี้
custody-form_title = บันทึกการส่งมอบ
custody-form_label = บันทึกการส่งมอบ{ $name }
custody-from = ผู้ส่งมอบ
custody-to = ผู้รับมอบ
custody-place = สถานที่
custody-at = วันที่และเวลา
# The year is typed in the common era (ค.ศ.), as the box starts.
custody-at_placeholder = ปปปป-ดด-วว ชช:นน (ค.ศ.)
custody-condition = สภาพซีลและบรรจุภัณฑ์
custody-condition_placeholder = เช่น ซีลอยู่ในสภาพเรียบร้อย
custody-save = บันทึกการส่งมอบ
custody-required = กรอกช่องนี้เพื่อบันทึกการส่งมอบ
custody-future = เวลานี้ยังมาไม่ถึง: บันทึกการส่งมอบหลังจากส่งมอบแล้ว

## Photos.
photos-title = ภาพถ่าย
photos-add = เพิ่มภาพถ่าย
photos-drop = หรือลากไฟล์มาวางที่นี่
photos-pick_title = เลือกภาพถ่ายที่จะเพิ่มในคดี
photos-pick_filter = ภาพถ่ายและภาพเอกซเรย์ (JPEG, PNG, HEIC, TIFF, WebP)
photos-progress = { $done } จาก { $total }
photos-imported = นำเข้าแล้ว { $imported } จาก { $total } ไฟล์
photos-imported_some = นำเข้าแล้ว { $imported } จาก { $total } ไฟล์ ไม่ได้นำเข้า { $failed } ไฟล์
photos-attached = แนบแล้ว
photos-already_attached = มีอยู่ในคดีนี้แล้ว
photos-with_note = { $outcome }; { $note }
photos-busy = ไม่ได้นำเข้า: กำลังนำเข้าไฟล์ชุดอื่นอยู่ โปรดเพิ่มอีกครั้งเมื่อเสร็จ
# Sizes in megabytes.
photos-too_big = { $size } MB เกินขีดจำกัด { $limit } MB: ไม่ได้นำเข้า
photos-unreadable = อ่านไฟล์ { $file } ไม่ได้ ({ $reason }): ตรวจสอบว่าเป็นไฟล์ที่คุณมีสิทธิ์เปิด ไม่มีการบันทึกสิ่งใด
photos-excluded = คัดออกแล้ว: { $name }
photos-annotated = คำอธิบาย { $count } รายการ

## Shipping documents: the list, and the form that attaches a PDF or scan with its type and number.
documents-title = เอกสารการขนส่ง
documents-none = ยังไม่มีเอกสารการขนส่งแนบ
documents-type = ประเภทเอกสาร
documents-number = เลขที่
documents-number_optional = เลขที่บนเอกสาร (ไม่บังคับ)
documents-file = ไฟล์
documents-size = ขนาด
documents-actions = การดำเนินการ
documents-size_kb = { $size } KB
documents-size_mb = { $size } MB
documents-no_number = ไม่มี
documents-add = แนบเอกสาร
documents-drop = หรือวาง PDF หรือไฟล์สแกนที่นี่ (JPEG, PNG, TIFF; ไม่เกิน 25 MB)
documents-pick_title = เลือกเอกสารการขนส่งที่จะแนบกับคดี
documents-pick_filter = เอกสาร (PDF, JPEG, PNG, TIFF)
documents-attached = แนบแล้ว
documents-already_attached = มีอยู่ในคดีนี้แล้ว
documents-too_big = { $size } MB เกินขีดจำกัด { $limit } MB ต่อเอกสาร: ไม่ได้แนบ สแกนด้วยความละเอียดต่ำลงหรือแบ่งไฟล์
documents-excluded = คัดออกแล้ว: { $reason }
documents-exclude = คัดออก
documents-exclude_reason = เหตุผลที่คัดเอกสารนี้ออก
documents-cancel = ยกเลิก
scan-label = สแกนหมายเลข{ $item } (เครื่องสแกนหรือแป้นพิมพ์ แล้วกด Enter)
scan-hint = สแกนแต่ละครั้งจะเพิ่มรายการพร้อมหมายเลข ช่องนี้พร้อมสำหรับการสแกนครั้งต่อไป
scan-camera = อ่านด้วยกล้อง
scan-added = เพิ่ม{ $item } { $value } แล้ว
camera-open = กล้อง
camera-title = กล้อง: ถ่ายภาพเข้าคดีนี้
camera-choose = กล้องที่ใช้
camera-take = ถ่ายภาพ
camera-taken = ถ่ายแล้ว { $count } ภาพ
camera-code_title = กล้อง: อ่านรหัส
camera-code_hint = ถือบาร์โค้ดหรือคิวอาร์โค้ดให้นิ่ง ให้กินพื้นที่ราวหนึ่งในสามของภาพ แล้วกดอ่าน
camera-read = อ่านรหัส
camera-no_code = ไม่พบรหัสในภาพนั้น: ถือให้นิ่งขึ้นหรือใกล้ขึ้นแล้วอ่านอีกครั้ง
camera-done = เสร็จ
camera-starting = กำลังเปิดกล้อง…
camera-unavailable = เปิดกล้องไม่ได้ ({ $detail }) ปิดหน้าต่างนี้แล้วนำเข้าภาพจากไฟล์แทน
camera-shot_saved = บันทึกภาพที่ { $number } เข้าคดีแล้ว
camera-shot_failed = ภาพที่ { $number } ไม่ได้บันทึก: { $reason }
camera-hint = ภาพแต่ละภาพเข้าคดีทันทีที่ถ่าย ด้วยความละเอียดเต็มของกล้อง และบันทึกว่าถ่ายที่เครื่องนี้ ถ่ายประตู ซีล สินค้า และสิ่งที่พบต่อกันไป
viewer-label = ภาพถ่าย { $name }
viewer-close = ปิด
viewer-excluded = คัดออกแล้ว: { $reason }
viewer-sha256 = SHA-256
viewer-size = ขนาด
viewer-size_value = { $bytes } ไบต์ · { $type }
viewer-taken = ถ่ายเมื่อ
viewer-camera = กล้อง
viewer-position = ตำแหน่ง
viewer-window = ระดับสีเทา
viewer-window_hint = ปรับช่วงระดับให้แคบลงเพื่อมองเข้าไปในสินค้าที่หนาแน่น ต้นฉบับยังเก็บทุกระดับไว้
viewer-window_low = ดำที่ระดับ { $level }
viewer-window_high = ขาวที่ระดับ { $level }
viewer-window_auto = ระดับอัตโนมัติ
viewer-source = ที่มา
viewer-source_camera = ถ่ายด้วยกล้องใน Quayside บนอุปกรณ์ { $device }
viewer-source_file = นำเข้าจากไฟล์
viewer-attached = แนบเมื่อ
viewer-attached_value = { $date } โดย { $author }
viewer-not_in_file = ไม่มีในไฟล์
viewer-caption = คำบรรยายภาพ
viewer-exclude_start = คัดออกจากคดี…
viewer-exclude_reason = เหตุผลที่คัดออก
viewer-exclude = คัดออก
viewer-fit = พอดีหน้าต่าง
viewer-full_size = แสดงภาพต้นฉบับขนาดเต็ม
viewer-annotations = คำอธิบายบนภาพ
viewer-annotations_shown = แสดงคำอธิบายบนภาพ
viewer-annotation_tools = วาดบนภาพถ่าย
viewer-annotation_text = ข้อความที่จะวาง
viewer-annotation_hint = ลากบนภาพจากจุดเริ่มไปยังจุดสิ้นสุด หรือแตะจุดเริ่มแล้วแตะจุดสิ้นสุด
viewer-annotation_hint_freehand = วาดบนภาพด้วยนิ้ว ปากกา หรือเมาส์
viewer-annotation_hint_text = พิมพ์ข้อความ แล้วแตะภาพตรงที่จะวาง
viewer-annotation_area = พื้นที่วาด: ปุ่มลูกศรเลื่อนจุด Enter วางจุด
viewer-annotation_keys = ใช้แป้นพิมพ์: กด Tab ไปที่ภาพ เลื่อนจุดด้วยปุ่มลูกศร (Shift: ไกลขึ้น) แล้วกด Enter เพื่อวาง
viewer-annotation_started = กำหนดจุดเริ่มแล้ว: แตะจุดสิ้นสุด
viewer-annotations_none = ยังไม่มีสิ่งที่วาดบนภาพนี้ การวาดบนภาพไม่เปลี่ยนต้นฉบับ
viewer-annotation_by = { $author }, { $date }
viewer-annotation_remove = ลบ{ $shape }

## An export's result.
export_result-busy = กำลังส่งออก…
export_result-failed = ส่งออกไม่สำเร็จ: { $reason }
# Followed by the file's path, then its size.
export_result-saved_to = บันทึกไว้ที่
export_result-bytes = ({ $bytes } ไบต์)
export_result-sha256 = SHA-256
export_result-close = ปิด
export_result-show_in_folder = แสดงในโฟลเดอร์
export_result-cancelled = ไม่ได้บันทึก: ปิดหน้าต่างบันทึกโดยไม่ได้เลือกไฟล์

## A call the app did not answer.
ipc-no_answer = แอปไม่ตอบสนอง: { $reason }
## การนำเข้าไฟล์ส่งออกของเครื่องวิเคราะห์ (CSV) เป็นผลการวัด
import_readings-title = นำเข้าไฟล์ส่งออกของเครื่องวิเคราะห์ (CSV)
import_readings-choose = เลือกไฟล์ CSV ที่เครื่องวิเคราะห์ส่งออก
import_readings-found = { $file }: { $count } ผลการวัด ตรวจสอบว่าแต่ละคอลัมน์เก็บอะไร แล้วจึงนำเข้า
import_readings-column = คอลัมน์
import_readings-holds = เก็บ
import_readings-first_rows = แถวแรก ๆ
import_readings-not_read = ไม่อ่าน
import_readings-role_reading_id = หมายเลขการวัด
import_readings-role_time = วันที่หรือเวลา
import_readings-role_instrument_serial = หมายเลขประจำเครื่อง
import_readings-role_instrument_make = ยี่ห้อเครื่อง
import_readings-role_instrument_model = รุ่นเครื่อง
import_readings-concentration = หน่วยความเข้มข้นในไฟล์
import_readings-unit_percent = % โดยมวล (โหมดโลหะผสม)
import_readings-unit_ppm = ppm ส่วนในล้านส่วน (บันทึกเป็น % โดยมวล)
import_readings-role_element = { $label } (ร้อยละโดยมวล)
import_readings-role_uncertainty = { $label } ความไม่แน่นอน (±)
import_readings-sample = ตัวอย่างที่วัด
import_readings-no_sample = เพิ่มตัวอย่างก่อน: ผลการวัดทุกรายการเป็นของตัวอย่าง
import_readings-element_twice = เลือก { $label } ไว้สองคอลัมน์: เลือกเพียงคอลัมน์เดียว
import_readings-no_element = เลือกธาตุอย่างน้อยหนึ่งคอลัมน์
import_readings-import = นำเข้าผลการวัด
import_readings-cancel = ยกเลิก
import_readings-done = เพิ่มผลการวัด { $count } รายการจาก { $total } แถว
import_readings-not_detected = { $count } ค่าตรวจไม่พบ (<LOD, ND) จึงไม่ได้เพิ่ม
import_readings-bad_rows = อ่านแถวเหล่านี้ไม่ได้ จึงไม่ได้นำเข้าสิ่งใด แก้ไขไฟล์ หรือนำเข้าแถวอื่นโดยเว้นแถวเหล่านี้:
import_readings-skip_bad = นำเข้าแถวอื่นและเว้นแถวเหล่านี้

## พบในคดีอื่น: สิ่งที่คดีนี้ระบุและคดีอื่นระบุด้วย
related-title = พบในคดีอื่น
related-none = ไม่มีสิ่งที่คดีนี้ระบุปรากฏในคดีอื่นบนเครื่องนี้
related-seen_in = { $count ->
    [0] ไม่พบในคดีอื่น
   *[other] พบในคดีอื่นอีก { $count } คดี
}
related-newest_of = แสดง { $shown } คดีล่าสุดจาก { $count } คดี
related-through_link = เชื่อมโยงโดยเจ้าหน้าที่
related-summary_only = สรุปจากท่าอื่น: ไม่มีในเครื่องนี้
related-elsewhere = และอีก { $count } คดีที่ท่าอื่น (เฉพาะจำนวน: ท่านั้นเก็บคดีไว้)
related-elsewhere_offline = ยังไม่ได้สอบถามท่าอื่น: ขณะนี้ติดต่อเซิร์ฟเวอร์ไม่ได้
related-seized_warning = { $kind } { $name } เคยอยู่ในคดียึดของกลางที่ปิดแล้ว
related-show_cases = ดูคดี
related-badge = { $kind }: พบในคดีอื่นอีก { $count } คดี
related-maybe_same = อาจเป็นรายเดียวกับ { $name } ({ $count } คดี)
related-same = รายเดียวกัน
related-not_same = ไม่ใช่รายเดียวกัน
related-same_label = { $name } เป็นรายเดียวกับ { $other }
related-not_same_label = { $name } ไม่ใช่ { $other }

## เครือข่ายของคดี: คดีที่ห่างไม่เกินสองสิ่งที่ระบุร่วมกัน และความเชื่อมโยงระหว่างสองคดี
related-show_network = ดูเครือข่ายของคดีนี้
network-title = เครือข่ายของ { $case }
network-back = กลับไปที่คดี
network-opened_from = เปิดคดีตั้งแต่
network-opened_to = เปิดคดีถึง
network-port = ท่า
network-summary = คดี: { $cases } · สิ่งที่ระบุร่วมกัน: { $entities } สี่เหลี่ยมคือคดี วงกลมคือสิ่งที่ระบุ เส้นประคือการเชื่อมโยงโดยเจ้าหน้าที่ กรอบเส้นประคือคดีของท่าอื่นที่รู้จากสรุป
network-truncated = มีคดีที่ระบุสิ่งเหล่านี้มากกว่า { $max } คดีที่แสดง: จำกัดช่วงวันที่หรือท่าให้แคบลง
network-cases = คดีในเครือข่ายนี้
network-none = ไม่มีคดีอื่นที่ห่างจากคดีนี้ไม่เกินสองสิ่งที่ระบุร่วมกัน ในช่วงวันที่และท่านี้
network-depth = ห่าง { $depth } ขั้น
network-path_title = { $from } เชื่อมโยงกับ { $to } อย่างไร
network-step = { $from } และ { $to } ต่างระบุ { $name } ({ $kind })
network-step_linked = { $from } ระบุ { $name } ({ $kind }) ซึ่งเจ้าหน้าที่เชื่อมโยงกับ { $other } ที่ { $to } ระบุ
network-no_path = { $from } และ { $to } ไม่มีสิ่งใดร่วมกันภายในสี่ขั้น
network-open_case = เปิด { $case }
