# The words of exported documents: the case-file PDF's headings, row labels and notes, and the
# review and custody lines it prints. Names, values and hashes are printed as recorded; dates keep
# one unambiguous form in every language. The manifest's own text is never translated (it is
# hashed and checked against the data): only the words around it are.

## The page frame and the title block.
pdf-running_title = แฟ้มคดี Quayside
pdf-page = หน้า { $page } จาก { $total }
pdf-footer = จัดทำเมื่อ { $at } โดย { $by }
pdf-metadata_title = แฟ้มคดี { $number }
pdf-summary = สรุป
pdf-title = แฟ้มคดีการยึดของกลาง
pdf-case_number = เลขที่คดี
pdf-port = ด่านศุลกากรที่ตรวจ
pdf-not_recorded = ไม่ได้บันทึก
pdf-opened_at = เปิดเมื่อ
pdf-opened_by = เปิดโดย
pdf-status = สถานะ
pdf-status_reason = { $status } ({ $reason })
pdf-last_change = แก้ไขล่าสุด
pdf-signed_events = เหตุการณ์ที่ลงลายมือชื่อแล้ว
pdf-photos = ภาพถ่าย
pdf-photos_excluded = { $count } (คัดออก { $excluded })
pdf-case_id = รหัสคดี
pdf-generated_at = จัดทำเมื่อ
pdf-generated_by = จัดทำโดย
pdf-summary_note = แฟ้มนี้จัดทำจากบันทึกเหตุการณ์ที่ลงลายมือชื่อแล้วของคดี บัญชีรายการในหน้าสุดท้ายแสดงเหตุการณ์ที่ลงลายมือชื่อแล้วทุกรายการและต้นฉบับภาพถ่ายทุกภาพพร้อม SHA-256 รวมทั้ง SHA-256 ของบัญชีรายการเอง เพื่อให้ตรวจสอบเอกสารนี้กับข้อมูลได้

## Discrepancy flags and conflicts.
pdf-summary_findings = สิ่งที่ตรวจพบ
pdf-material_not_recorded = ไม่ได้บันทึกวัสดุ
pdf-goods_line = { $count ->
   *[other] { $material }: { $count } รายการ พบ { $weight } กก.
}
pdf-flags = ข้อสังเกตความไม่ตรงกัน
pdf-no_flags = ไม่มีข้อสังเกตความไม่ตรงกัน
pdf-control_list = ธงตัดสินตามบัญชีควบคุมฉบับที่ { $version }
pdf-flag = { $flag }: { $details }
pdf-conflicts = ข้อขัดแย้งที่ยังไม่ได้แก้ไข
pdf-no_conflicts = ไม่มีข้อขัดแย้งที่ยังไม่ได้แก้ไข: ทุกช่องข้อมูลมีค่าเดียว
pdf-conflicts_note = ช่องข้อมูลเหล่านี้ถูกแก้ไขจากต่างเครื่องโดยที่การแก้ไขแต่ละครั้งไม่เห็นกัน เก็บไว้ทุกค่า คดีแสดงค่าล่าสุดจนกว่าจะมีผู้แก้ไขข้อขัดแย้ง
pdf-value = ค่าที่ { $number }
pdf-value_shown = ค่าที่ { $number } (ค่าที่แสดงอยู่)
pdf-cleared = (ลบค่าแล้ว)
pdf-value_by = โดย { $author } เมื่อ { $at }

## The sections of the case.
pdf-nothing_recorded = ไม่มีการบันทึก
pdf-no_details = ไม่มีรายละเอียดที่บันทึกไว้
pdf-in_conflict = มีข้อขัดแย้ง: ดูข้อขัดแย้งที่ยังไม่ได้แก้ไข
pdf-withdrawn = { $item } (ยกเลิกแล้ว: { $reason })
pdf-unknown_item = รายการ { $id }

## Photographs.
pdf-photographs = ภาพถ่าย
pdf-no_photos = ไม่มีภาพถ่ายแนบ
pdf-photo_title = ภาพถ่าย { $number } จาก { $total } · { $file }
pdf-photo_excluded = { $title } (คัดออกแล้ว)
pdf-thumbnail_unreadable = อ่านภาพย่อไม่ได้ ({ $reason }) ต้นฉบับระบุด้วย SHA-256 ด้านล่าง
pdf-no_thumbnail = ไม่มีภาพย่อสำหรับไฟล์ { $type } นี้ ต้นฉบับระบุด้วย SHA-256 ด้านล่าง
pdf-file_name = ชื่อไฟล์
pdf-caption = คำบรรยายภาพ
pdf-no_caption = ไม่มีคำบรรยายภาพ
pdf-annotations = คำอธิบายบนภาพ
pdf-annotation_line = { $number }. { $mark }: { $author }, { $at }
pdf-excluded = คัดออกแล้ว
pdf-media_type = ชนิดสื่อ
pdf-size = ขนาด
pdf-bytes = { $count ->
   *[other] { $bytes } ไบต์
}
pdf-taken_at = ถ่ายเมื่อ (นาฬิกากล้อง)
pdf-camera = กล้อง
pdf-position = ตำแหน่ง (กล้อง)
pdf-attached_at = แนบเมื่อ
pdf-attached_by = แนบโดย

## Review and chain of custody.
pdf-review = การตรวจทาน
pdf-no_review = ไม่มีบันทึกการตรวจทาน
pdf-decision = { $by } เมื่อ { $at }
pdf-decision_comment = { $by } เมื่อ { $at }: { $comment }
pdf-section_comment = ความเห็นต่อ{ $section }
pdf-changed_since_approval = แก้ไขหลังอนุมัติ
pdf-changed_events = { $count ->
   *[other] { $count } เหตุการณ์ (มีเครื่องหมายในประวัติการบันทึก)
}
pdf-bag_labels = ป้ายถุง
pdf-bag_labels_note = ตัดป้ายแต่ละใบแล้วติดกับถุงของมัน การสแกนรหัสหรือพิมพ์ข้อความใต้รหัสจะพบคดีนี้และรายการ สองตัวอักษรสุดท้ายใช้ตรวจสอบส่วนที่เหลือ
pdf-custody = ห่วงโซ่การครอบครอง
pdf-no_custody = ไม่มีบันทึกการครอบครองของกลาง
pdf-custody_item_number = { $item } ({ $number })
pdf-custody_item_withdrawn = { $item }, ยกเลิกแล้ว: { $reason }
pdf-custody_handover = { $at }: { $from } → { $to } ที่ { $place } สภาพ: { $condition } (บันทึกโดย { $recorder } เครื่อง { $device } เหตุการณ์ { $event })

## The timeline.
pdf-appendix = ภาคผนวก: การแก้ไขแยกตามบุคคลและช่วงการทำงาน
pdf-no_events = ไม่มีเหตุการณ์
pdf-appendix_note = { $count ->
   *[other] เหตุการณ์ที่ลงนามแล้ว { $count } รายการ จัดกลุ่มตามบุคคลและช่วงการทำงาน: การแก้ไขต่อเนื่องของบุคคลหนึ่งบนเครื่องเดียว โดยเว้นช่วงไม่เกิน { $minutes } นาที เวลาเป็นนาฬิกาของแต่ละเครื่อง การแก้ไขทุกรายการพร้อมค่าก่อนและหลังอยู่ในชุดพยานหลักฐานที่ส่งออกพร้อมแฟ้มคดีนี้ และรายการสรุปหน้าสุดท้ายระบุทุกเหตุการณ์
}
pdf-session_person = { $author } ({ $role }) · { $sessions ->
   *[other] { $sessions } ช่วงการทำงาน
}
## Between the names of a list in one line ("Vessel name, Voyage").
pdf-list_separator = {", "}
pdf-session_when = { $from } ถึง { $to }
pdf-session_line = { $count ->
   *[other] แก้ไข { $count } รายการบนเครื่อง { $device }: { $what }
}
pdf-session_refused = { $count ->
   *[other] { $count } เหตุการณ์ไม่ได้รวมเข้าแฟ้มคดี (เหตุผลอยู่ในชุดพยานหลักฐาน)
}

## Shipping documents: a table of type, number and file name, each with its file's SHA-256.
pdf-documents = เอกสารการขนส่ง
pdf-no_documents = ไม่มีเอกสารการขนส่งแนบ
pdf-document_type = ประเภท
pdf-document_number = เลขที่
pdf-no_document_number = ไม่ได้ระบุ
pdf-document_excluded = { $file } (คัดออก: { $reason })
pdf-documents_note = ใต้เอกสารแต่ละรายการคือ SHA-256 ของไบต์ในไฟล์: ตัวไฟล์อยู่ในชุดหลักฐานของคดีภายใต้ชื่อนั้น

## The manifest. Its lines ("case …", "event …", "photo …") are the hashed text itself, the same
## in every language: keep them in English.
pdf-manifest = บัญชีรายการ
pdf-manifest_note = เหตุการณ์ที่ลงลายมือชื่อแล้วทุกรายการของคดี (ตามลำดับประวัติการบันทึก) และต้นฉบับภาพถ่ายทุกภาพ แต่ละรายการพร้อม SHA-256 ของไบต์ที่ตรงกันทุกไบต์ ข้อความของบัญชีรายการคือ บรรทัด "case <case id> <case number>" ตามด้วยบรรทัด "event <event id> <device id>:<device seq> <sha256>" หนึ่งบรรทัดต่อเหตุการณ์ ตามด้วยบรรทัด "photo <sha256> <file name>" หนึ่งบรรทัดต่อภาพ ทุกบรรทัดลงท้ายด้วยอักขระขึ้นบรรทัดใหม่ (LF) SHA-256 ของบัญชีรายการพิมพ์ไว้ท้ายสุด
pdf-manifest_events = เหตุการณ์ที่ลงลายมือชื่อแล้ว ({ $count })
pdf-manifest_event = เหตุการณ์ { $event }  เครื่อง { $device }:{ $seq }
pdf-no_signed_events = ไม่ได้รับเหตุการณ์ที่ลงลายมือชื่อแล้ว
pdf-manifest_photos = ต้นฉบับภาพถ่าย ({ $count })
pdf-manifest_documents = เอกสารการขนส่ง ({ $count })
pdf-manifest_documents_note = ต่อจากบรรทัดภาพถ่าย มีหนึ่งบรรทัด "document <sha256> <file name>" ต่อเอกสารการขนส่งหนึ่งฉบับ ตามลำดับที่แนบ
pdf-manifest_sha256 = SHA-256 ของบัญชีรายการ:
