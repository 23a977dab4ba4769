# The review screens: a case's review panel and the reason a change needs, the supervisors'
# review queue, the statistics dashboard and the evidence check.

## A case's review: where it stands, and the step this person may take.
approval-region = การตรวจทาน
approval-waiting_since = รอตรวจทานตั้งแต่ { $since }
approval-waiting_since_by = รอตรวจทานตั้งแต่ { $since } (ส่งโดย { $by })
approval-waiting_by = รอตรวจทาน (ส่งโดย { $by })
approval-returned = ส่งคืนเจ้าหน้าที่ตรวจแล้ว
approval-returned_by = ส่งคืนโดย { $by }
approval-returned_by_comment = ส่งคืนโดย { $by }: { $comment }
approval-approved_by = อนุมัติโดย { $by } เมื่อ { $at }
approval-reopened = แก้ไขหลังอนุมัติ { $count } รายการ — รอตรวจทาน
# A comment given with a submission or an approval, quoted.
approval-quoted = “{ $comment }”
# Followed by a link to the timeline (changed_since_link), then changed_since_end.
approval-changed_since = แก้ไข { $count } รายการหลัง { $by } อนุมัติเมื่อ { $at }:
approval-changed_since_link = ทำเครื่องหมายไว้ในลำดับเหตุการณ์
# Thai ends a sentence without a full stop.
approval-changed_since_end = { "" }
approval-note_for_supervisor = หมายเหตุถึงหัวหน้างาน (ไม่บังคับ)
approval-comment = ความเห็น (ไม่บังคับ)
approval-submit = ส่งตรวจทาน
approval-approve = อนุมัติ
approval-return = ส่งคืนเจ้าหน้าที่ตรวจ…
approval-return_question = เจ้าหน้าที่ตรวจต้องแก้ไขอะไร (ต้องระบุ)
approval-return_missing = โปรดระบุสิ่งที่ต้องแก้ไข เจ้าหน้าที่ตรวจจะเห็นข้อความนี้เป็นอันดับแรก
approval-section_comments = ความเห็นรายส่วน (ไม่บังคับ แสดงข้างแต่ละส่วน)
approval-return_confirm = ส่งคืนเจ้าหน้าที่ตรวจ
approval-cancel = ยกเลิก
# Who commented on a section: the supervisor's name, or their role when the name is unknown.
approval-comment_by = { $name }:
approval-reason_region = เหตุผลที่แก้ไขคดีนี้
approval-reason_given = แก้ไขเนื่องจาก:
approval-reason_submitted = คดีนี้ส่งตรวจทานแล้ว หากจะแก้ไข โปรดระบุเหตุผล:
approval-reason_reopened = คดีนี้ถูกแก้ไขหลังอนุมัติและกำลังรอตรวจทาน หากจะแก้ไข โปรดระบุเหตุผล:
approval-reason_approved = คดีนี้อนุมัติแล้ว หากจะแก้ไข โปรดระบุเหตุผล:
approval-reason_placeholder = เช่น อ่านหมายเลขซีลผิด
approval-reason_save = บันทึกเหตุผลและแก้ไข
approval-reason_kept = เหตุผลจะถูกบันทึกไว้กับการแก้ไขทุกครั้ง
approval-reason_kept_approved = เหตุผลจะถูกบันทึกไว้กับการแก้ไขทุกครั้ง และคดีจะกลับไปรอตรวจทาน
approval-go_submit = ส่งตรวจทานจากส่วนหัวของคดี
approval-acknowledged = { $count ->
   *[other] { $by } รับทราบข้อบ่งชี้ { $count } รายการนี้เมื่อส่ง:
}
approval-approve_title = อนุมัติ { $number } หรือไม่?
approval-summary_changes = การแก้ไขที่การอนุมัตินี้ครอบคลุม
approval-summary_flags = ข้อบ่งชี้ที่ยังเปิดอยู่
approval-summary_acknowledged = ข้อบ่งชี้ที่เจ้าหน้าที่ตรวจรับทราบแล้ว
approval-summary_photos = ภาพถ่ายในแฟ้มคดี
approval-close = ปิดคดี…
approval-close_title = ปิดคดี { $number } หรือไม่?
approval-close_explain = คดีนี้ได้รับอนุมัติแล้ว เมื่อปิดแล้วจะแก้ไขไม่ได้อีก และจะไม่กลับไปรอตรวจทาน
approval-close_note = หมายเหตุ (ไม่บังคับ)
approval-close_confirm = ปิดคดี
approval-closed_by = ปิดโดย { $by } เมื่อ { $at }

## The supervisors' review queue.
queue-title = คดีรอตรวจทาน
queue-port = ท่า
queue-inspector = เจ้าหน้าที่ตรวจ
queue-all = ทั้งหมด
queue-empty = ไม่มีคดีรอตรวจทาน
queue-empty_filtered = ไม่มีคดีรอตรวจทานตามตัวกรองนี้
queue-case_number = เลขที่คดี
queue-review = การตรวจทาน
queue-waiting_since = รอตั้งแต่
queue-submitted_by = ส่งโดย
queue-container = ตู้คอนเทนเนอร์
queue-flags = ข้อสังเกต
queue-flag_count = { $count } ข้อสังเกต

## The statistics dashboard.
stats-title = สถิติ
# $weight is a weight with its unit (stats-kilograms).
stats-total = { $count } คดี · ยึด { $weight }
stats-export = ส่งออกให้หน่วยงานพันธมิตร
stats-export_hint = สมุดงานสถิตินี้ ไม่มีข้อมูลส่วนบุคคลของผู้เกี่ยวข้อง
stats-by_concealment = ตามวิธีซุกซ่อน
stats-by_material = ตามสินค้าควบคุม
stats-by_outcome = ตามผลการดำเนินการ
stats-by_detection = ตามวิธีตรวจพบ
# Under the breakdowns where one case can count in several rows.
stats-note_concealment = คดีที่ซุกซ่อนหลายวิธีจะนับในทุกวิธี ปริมาณที่ยึดของคดีแบ่งเท่ากันระหว่างวิธีเหล่านั้น (วิธีซุกซ่อนไม่ได้ผูกกับสินค้ารายการใด) ผลรวมปริมาณที่ยึดจึงเท่ากับยอดรวม
stats-note_material = คดีที่มีสินค้าควบคุมหลายชนิดจะนับในทุกชนิด แต่ละชนิดแสดงเฉพาะน้ำหนักของสินค้าชนิดนั้น ผลรวมปริมาณที่ยึดจึงเท่ากับยอดรวม
stats-note_detection = คดีที่ตรวจพบด้วยหลายวิธีจะนับในทุกวิธี ปริมาณที่ยึดของคดีแบ่งเท่ากันระหว่างวิธีเหล่านั้น ผลรวมปริมาณที่ยึดจึงเท่ากับยอดรวม
stats-by_flag = ตามข้อสังเกต
stats-note_flag = คดีที่มีหลายข้อสังเกตจะนับในทุกข้อ ปริมาณที่ยึดของคดีแบ่งเท่ากันระหว่างข้อสังเกตเหล่านั้น ผลรวมปริมาณที่ยึดจึงเท่ากับยอดรวม
stats-no_flag = ไม่มีข้อสังเกต
stats-none_recorded = ไม่มีคดีที่บันทึกข้อมูลนี้
stats-cases = จำนวนคดี
stats-seized = ปริมาณที่ยึด
stats-seized_kg = ปริมาณที่ยึด (กก.)
stats-over_time = คดีตามช่วงเวลา
stats-period = ช่วงเวลา
stats-by_week = รายสัปดาห์
stats-by_month = รายเดือน
stats-no_cases = ไม่มีคดี
stats-cases_by_week = จำนวนคดีรายสัปดาห์
stats-cases_by_month = จำนวนคดีรายเดือน
stats-week = สัปดาห์
stats-month = เดือน
stats-routes = เส้นทาง
stats-no_routes = ไม่มีเส้นทางที่บันทึกไว้
stats-map_title = แผนที่เส้นทาง: { $legs } ช่วงระหว่าง { $countries } ประเทศ ตารางด้านล่างแสดงตัวเลขของแต่ละเส้นทาง
stats-map_leg = { $from } ถึง { $to }: { $cases } คดี ยึด { $kg } กก.
stats-not_recorded = ไม่ได้บันทึก
# $kg is already a number in the reader's language.
stats-kilograms = { $kg } กก.
# An ISO 8601 week: $week is two digits ("07"), $year the year in the reader's calendar.
stats-week_label = สัปดาห์ที่ { $week }/{ $year }

## The evidence check: the log, the photos and the server's proofs.
# $what, $problem and $reason are the check's own words.
evidence_report-event_problem = เหตุการณ์ { $event } (อุปกรณ์ { $device } ลำดับที่ { $seq }): { $what }
evidence_report-event_problem_case = เหตุการณ์ { $event } (อุปกรณ์ { $device } ลำดับที่ { $seq } คดี { $case }): { $what }
evidence_report-photo_problem = ภาพถ่าย { $file } ของคดี { $case }: { $problem }
evidence_report-failed = พบปัญหา { $problems } รายการ ใน { $events } เหตุการณ์และภาพถ่าย { $photos } ภาพ
evidence_report-verified = ตรวจสอบแล้ว: { $events } เหตุการณ์จาก { $devices } อุปกรณ์ ภาพถ่าย { $photos } ภาพ ลายมือชื่ออิเล็กทรอนิกส์ ห่วงโซ่ของอุปกรณ์ และภาพถ่ายทั้งหมดในเครื่องนี้ตรงตามที่บันทึกไว้
# As evidence_report-verified, with photos other devices attached that are not here yet.
evidence_report-verified_waiting = ตรวจสอบแล้ว: { $events } เหตุการณ์จาก { $devices } อุปกรณ์ ภาพถ่าย { $photos } ภาพ ลายมือชื่ออิเล็กทรอนิกส์ ห่วงโซ่ของอุปกรณ์ และภาพถ่ายทั้งหมดในเครื่องนี้ตรงตามที่บันทึกไว้ ภาพถ่ายจากอุปกรณ์อื่นอีก { $waiting } ภาพยังไม่ได้ดึงมา จะได้รับเมื่อซิงค์ครั้งถัดไป
evidence_report-not_synced = ยังไม่ได้ซิงค์กับเซิร์ฟเวอร์ที่ลงนาม จึงยังไม่มีสิ่งใดแสดงว่าเซิร์ฟเวอร์ได้รับบันทึกเหล่านี้
evidence_report-server_key = กุญแจของเซิร์ฟเวอร์ { $key }…
evidence_report-checkpoint = ตรวจบันทึกของเซิร์ฟเวอร์ครั้งล่าสุดที่ { $size } เหตุการณ์ เมื่อ { $at }: บันทึกมีแต่เพิ่มขึ้น
evidence_report-checkpoint_alerts = ตรวจบันทึกของเซิร์ฟเวอร์ครั้งล่าสุดที่ { $size } เหตุการณ์ เมื่อ { $at } โปรดดูการแจ้งเตือนด้านบน
evidence_report-all_proven = ทุกเหตุการณ์ที่ซิงค์แล้วพิสูจน์ได้ว่าอยู่ในบันทึกของเซิร์ฟเวอร์
evidence_report-unproven = { $count } เหตุการณ์ยังไม่ได้พิสูจน์ว่าอยู่ในบันทึกของเซิร์ฟเวอร์ (จะพิสูจน์เมื่อซิงค์ครั้งถัดไป)
evidence_report-receipts = เก็บใบรับจากเซิร์ฟเวอร์ไว้ { $count } ฉบับ
evidence_report-revoked = อุปกรณ์ { $device } ถูกเพิกถอนเมื่อ { $at } เหตุการณ์ของอุปกรณ์นี้จนถึงลำดับที่ { $seq } ยังคงใช้ได้
evidence_report-refused = ปฏิเสธเมื่อซิงค์ { $at }: เหตุการณ์ { $event }: { $reason }
evidence_report-refused_unreadable = ปฏิเสธเมื่อซิงค์ { $at }: เหตุการณ์ (อ่านไม่ได้): { $reason }
evidence_report-alert = { $at }: { $message }
evidence_report-close = ปิด
