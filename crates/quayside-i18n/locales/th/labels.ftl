# Labels of the case model: sections, fields, event kinds, flags, roles, statuses, code lists,
# and the words of exports. In code a key is written with dots (`section.route`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Section headings.
section-case = คดี
section-declaration = ใบขนสินค้า
section-transport = การขนส่ง
section-units = หน่วยบรรทุก
section-seals = ซีล
section-route = ช่วงเส้นทางขนส่ง
section-declared_lines = รายการที่สำแดง
section-goods_found = สินค้าที่ตรวจพบ
section-samples = ตัวอย่าง
section-readings = ผลการวัดด้วยเครื่องวิเคราะห์
section-concealments = การซุกซ่อน
section-detection = การตรวจพบ
section-parties = ผู้เกี่ยวข้อง
section-outcome = ผลการดำเนินการ
section-evidence = ของกลาง

## One item of a list section, followed by its number ("Seal 2").
item-units = หน่วย
item-seals = ซีล
item-route = ช่วงเส้นทาง
item-declared_lines = รายการที่สำแดง
item-goods_found = สินค้าที่ตรวจพบ
item-samples = ตัวอย่าง
item-readings = ผลการวัด
item-concealments = การซุกซ่อน
item-parties = ผู้เกี่ยวข้อง
item-evidence = ของกลาง

## Fields.
field-port = ท่าที่ตรวจ (UN/LOCODE)
field-location_type = ประเภทสถานที่
field-customs_procedure = พิธีการศุลกากร
field-legal_basis = ฐานอำนาจตามกฎหมาย
field-case_notes = หมายเหตุ
field-declaration_number = เลขที่ใบขนสินค้า
field-transport_document = ใบตราส่งสินค้า / ใบตราส่งทางอากาศ
field-declared_description = ชนิดสินค้าที่สำแดง
field-declared_hs_code = พิกัดศุลกากรที่สำแดง
field-declared_quantity = ปริมาณที่สำแดง
field-declared_weight = น้ำหนักที่สำแดง
field-declared_value = มูลค่าที่สำแดง
field-declared_origin = ประเทศต้นกำเนิดที่สำแดง
field-risk_lane = ช่องทางตรวจปล่อย
field-transport_mode = รูปแบบการขนส่ง
field-vessel_name = ชื่อเรือ
field-imo_number = หมายเลข IMO
field-voyage = เที่ยวเรือ
field-container_number = หมายเลขตู้คอนเทนเนอร์ (ISO 6346)
field-size_type = รหัสขนาด/ประเภทตู้
field-unit_kind = ประเภทหน่วย
field-unit_number = หมายเลขหน่วย
field-seal_number = หมายเลขซีล
field-seal_state = สภาพ
field-seal_unit = อยู่บนหน่วย
field-leg_locode = สถานที่ (UN/LOCODE)
field-leg_role = บทบาทในเส้นทาง
field-leg_basis = สำแดงหรือตรวจพบ
field-line_description = รายละเอียด
field-line_hs_code = พิกัดศุลกากร
field-line_quantity = ปริมาณ
field-line_weight = น้ำหนัก
field-goods_description = รายละเอียด
field-goods_declared_line = พบปะปนในหรือแทนรายการที่สำแดง
field-goods_unit = พบในหน่วย
field-goods_hs_code = พิกัดศุลกากรที่ตรวจพบ
field-goods_material = สินค้าควบคุม
field-goods_form = ลักษณะ
field-goods_quantity = ปริมาณ
field-goods_weight = น้ำหนัก
field-goods_identified_by = ระบุชนิดโดย
field-goods_discrepancy = ข้อแตกต่างจากใบขนสินค้า
field-sample_seal = หมายเลขซีลตัวอย่าง
field-sample_method = วิธีการ
field-sample_taken_at = วันเวลาที่เก็บตัวอย่าง
field-sample_result = ผลการวิเคราะห์
field-reading_sample = ตัวอย่าง
field-reading_instrument_make = ยี่ห้อเครื่องวิเคราะห์
field-reading_instrument_model = รุ่นเครื่องวิเคราะห์
field-reading_instrument_serial = หมายเลขประจำเครื่องวิเคราะห์
field-reading_id = หมายเลขการวัด
field-reading_taken_at = เวลาที่วัด
field-reading_element = ธาตุ
field-reading_mass_percent = ร้อยละโดยมวล
field-reading_uncertainty = ความไม่แน่นอน (±, ร้อยละโดยมวล)
field-concealment_method = วิธีการ
field-concealment_description = ลักษณะการซุกซ่อน
field-concealment_location = ตำแหน่งในตู้หรือพาหนะ
field-concealment_unit = อยู่ในหน่วย
field-detection_methods = วิธีการตรวจพบ
field-detection_notes = บันทึกการตรวจพบ
field-party_role = บทบาท
field-party_kind = บุคคลธรรมดาหรือนิติบุคคล
field-party_name = ชื่อ
field-party_identifier = เลขประจำตัวหรือเลขทะเบียน
field-party_country = ประเทศ
field-party_nationality = สัญชาติ
field-party_birth_year = ปีเกิด
field-party_gender = เพศ
field-party_address = ที่อยู่
field-outcome_code = ผลการดำเนินการ
field-shareable = แบ่งปันกับหน่วยงานพันธมิตรได้
field-outcome_notes = หมายเหตุผลการดำเนินการ
field-evidence_number = หมายเลขถุงหรือซีล
field-evidence_description = รายละเอียด
field-evidence_quantity = ปริมาณ

## Event kinds, as the timeline heads each event.
event-case_opened = เปิดคดี
event-field_set = แก้ไขข้อมูล
event-item_added = เพิ่มรายการ
event-item_moved = ย้ายรายการ
event-item_withdrawn = ยกเลิกรายการ
event-item_restored = กู้คืนรายการ
event-photo_attached = แนบภาพถ่าย
event-photo_caption_set = ใส่คำบรรยายภาพ
event-photo_excluded = คัดภาพถ่ายออก
event-status_set = เปลี่ยนสถานะ
event-custody_transferred = ส่งมอบการครอบครองของกลาง
event-review_submitted = ส่งตรวจทาน
event-review_approved = อนุมัติผลการตรวจทาน
event-review_returned = ส่งคืนเจ้าหน้าที่ตรวจ
event-case_closed = ปิดคดีแล้ว
event-unknown = เหตุการณ์จากเวอร์ชันที่ใหม่กว่า
event-undecodable = เหตุการณ์ที่อ่านไม่ได้

## Discrepancy flags.
flag-controlled_undeclared = ไม่สำแดงสินค้าควบคุม
flag-hs_heading_mismatch = ประเภทพิกัดไม่ตรงกัน
flag-weight_discrepancy = น้ำหนักไม่ตรงกัน
flag-quantity_discrepancy = จำนวนไม่ตรง
flag-commingling = วัสดุควบคุมปะปนในสินค้าอื่น
flag-analyser_controlled = เครื่องวิเคราะห์พบธาตุควบคุม
flag-origin_not_on_route = ประเทศต้นกำเนิดไม่อยู่ในเส้นทาง
flag-origin_relabelled = เปลี่ยนประเทศต้นกำเนิด
flag-undeclared_transshipment = ถ่ายลำโดยไม่สำแดง
flag-custody_break = ห่วงโซ่การครอบครองขาดตอน

## The role an author signs with.
role-inspector = เจ้าหน้าที่ตรวจ
role-supervisor = หัวหน้างาน
role-admin = ผู้ดูแลระบบ
role-other = บทบาทอื่น

## Case status.
status-open = เปิดอยู่
status-closed = ปิดแล้ว
status-withdrawn = ยกเลิกแล้ว

## Review state, as the case list and queue show it.
review-not_submitted = ยังไม่ส่ง
review-submitted = รอตรวจทาน
review-returned = ส่งคืนแล้ว
review-approved = อนุมัติแล้ว
review-reopened = แก้ไขหลังอนุมัติ

## Where a case stands: its status and review in one state, shown in the header, list, queue and exports.
state-draft = ร่าง
state-submitted = รอตรวจทาน
state-returned = ส่งคืนแล้ว
state-approved = อนุมัติแล้ว
state-reopened = แก้ไขหลังอนุมัติ
state-closed = ปิดแล้ว
state-withdrawn = ยกเลิกแล้ว

## The words of timeline lines other than sections and fields.
change-case_number = เลขที่คดี
change-status = สถานะ
change-review = การตรวจทาน
change-reason = เหตุผลที่แก้ไข
change-photo = ภาพถ่าย
change-caption = คำบรรยายภาพ
change-custody = การครอบครองของกลาง
change-conflict = ข้อขัดแย้ง: มีการแก้ไขจากที่อื่นในเวลาเดียวกัน เก็บไว้ทั้งสองค่า
change-conflict_settled = แก้ไขข้อขัดแย้งแล้ว
change-acknowledged = รับทราบข้อบ่งชี้แล้ว
change-added = เพิ่มแล้ว
change-position = ลำดับที่ { $position }
change-entry = { $item } { $number }
change-withdrawn = ถอนแล้ว: { $reason }
change-restored = กู้คืนแล้ว
change-photo_attached = แนบแล้ว (SHA-256 { $sha256 })
change-photo_excluded = คัดออกแล้ว: { $reason }
change-status_reason = { $status } ({ $reason })
change-custody_to = ส่งมอบให้ { $to } ที่ { $place } เมื่อ { $at } (สภาพ: { $condition })
change-review_submitted = ส่งตรวจทานแล้ว
change-review_submitted_comment = ส่งตรวจทานแล้ว ({ $comment })
change-review_returned = ส่งกลับแล้ว: { $comment }
change-review_approved = { $count ->
   *[other] อนุมัติแล้ว ครอบคลุม { $count } เหตุการณ์
}
change-review_approved_comment = { $count ->
   *[other] อนุมัติแล้ว ครอบคลุม { $count } เหตุการณ์ ({ $comment })
}
change-review_uncovered = { $count ->
   *[other] มีการแก้ไข { $count } รายการที่ยังไม่ได้ครอบคลุม จึงต้องตรวจทานใหม่
}

## Code lists.
concealment-C1 = สำแดงเท็จ
concealment-C2 = ปะปนกับสินค้าอื่น
concealment-C3 = ซุกซ่อนในสิ่งของหรือของเหลว
concealment-C4 = ซุกซ่อนในโครงสร้าง
concealment-C5 = อำพรางทางเอกสาร
concealment-C6 = แบ่งส่งเป็นพัสดุย่อย
detection-D1 = วิเคราะห์ความเสี่ยง (ช่องทางแดง)
detection-D2 = ข้อมูลการข่าวหรือการแจ้งเตือนจากหน่วยงานพันธมิตร
detection-D3 = สุ่มตรวจ
detection-D4 = เอกสารไม่สอดคล้องกัน
detection-D5 = เอกซเรย์หรือสแกนรังสีแกมมา
detection-D6 = เปิดตรวจสินค้า
detection-D7 = เครื่องวิเคราะห์แบบพกพา
detection-D8 = ประตูตรวจวัดรังสี
detection-D9 = ตรวจสอบหลังการตรวจปล่อย
detection-D10 = ปฏิบัติการร่วม
outcome-O1 = ตรวจปล่อย ไม่พบความผิด
outcome-O2 = ตรวจปล่อยหลังแก้ไขหรือชำระอากร
outcome-O3 = อายัดไว้รอผลวิเคราะห์หรือใบอนุญาต
outcome-O4 = ยึด
outcome-O5 = ริบ
outcome-O6 = โทษปรับทางปกครอง
outcome-O7 = ส่งดำเนินคดีอาญา
outcome-O8 = ส่งกลับออกไป
outcome-O9 = ทำลาย
outcome-O10 = การส่งมอบภายใต้การควบคุม
material-rare_earth = โลหะธาตุหายากและสารประกอบ
material-gallium_germanium = แกลเลียม, เจอร์เมเนียม
material-antimony = พลวง
material-tungsten = ทังสเตน
material-none = ไม่ใช่สินค้าควบคุม
## What each entry of the controlled-materials watchlist covers, by HS subheading: `watch.<hs prefix>`.
watch-280530 = โลหะธาตุหายาก
watch-284610 = สารประกอบของซีเรียม
watch-284690 = สารประกอบธาตุหายากอื่น ๆ
watch-811292 = แกลเลียม, เจอร์เมเนียม: ยังไม่ได้แปรรูป ผง เศษ
watch-811299 = แกลเลียม, เจอร์เมเนียม: แปรรูปแล้ว
watch-282560 = ออกไซด์ของเจอร์เมเนียม
watch-811010 = พลวง: ยังไม่ได้แปรรูป ผง
watch-811020 = เศษพลวง
watch-811090 = พลวง อื่น ๆ
watch-282580 = ออกไซด์ของพลวง
watch-261710 = สินแร่พลวง
watch-810110 = ผงทังสเตน
watch-810194 = ทังสเตนที่ยังไม่ได้แปรรูป
watch-810196 = ลวดทังสเตน
watch-810197 = เศษทังสเตน
watch-810199 = ทังสเตน อื่น ๆ
watch-261100 = สินแร่ทังสเตน
watch-284180 = ทังสเตต
## Declared goods of known composition, by HS heading or subheading: `composition.<hs prefix>`.
composition-381010 = ครีมบัดกรี
composition-8001 = ดีบุกที่ยังไม่ได้แปรรูป
composition-8003 = ดีบุกชนิดแท่ง เส้น และลวด
composition-8007 = ของทำด้วยดีบุกอื่น ๆ
composition-7403 = ทองแดงบริสุทธิ์และโลหะผสมทองแดง
composition-7901 = สังกะสีที่ยังไม่ได้แปรรูป
composition-7601 = อะลูมิเนียมที่ยังไม่ได้แปรรูป
composition-7502 = นิกเกิลที่ยังไม่ได้แปรรูป
composition-720221 = เฟอร์โรซิลิคอน
composition-720229 = เฟอร์โรซิลิคอนอื่น ๆ
composition-6907 = กระเบื้องเซรามิก
composition-2603 = สินแร่ทองแดงและหัวแร่
form-ingot = แท่งโลหะ (อินกอต)
form-powder = ผง
form-oxide = ออกไซด์
form-alloy = โลหะผสม
form-blend = ของผสม
form-ore = สินแร่หรือหัวแร่
form-scrap = เศษหรือของที่ใช้ไม่ได้
form-wire = ลวดหรือผลิตภัณฑ์ขึ้นรูป
form-other = อื่น ๆ
transport_mode-sea = ทางทะเล
transport_mode-air = ทางอากาศ
transport_mode-road = ทางถนน
transport_mode-rail = ทางราง
transport_mode-postal = ไปรษณีย์หรือขนส่งเร่งด่วน
route_role-origin = ต้นทาง
route_role-loading = บรรทุกขึ้น
route_role-transshipment = ถ่ายลำ
route_role-transit = ผ่านแดน
route_role-discharge = ขนถ่ายลง
route_role-destination = ปลายทาง
route_basis-declared = สำแดง
route_basis-established = ตรวจพบ
unit_kind-container = ตู้คอนเทนเนอร์
unit_kind-trailer = รถพ่วงหรือรถบรรทุก
unit_kind-uld = อุปกรณ์บรรทุกสินค้าทางอากาศ (ULD)
unit_kind-postal = สิ่งของทางไปรษณีย์
seal_state-intact = สมบูรณ์
seal_state-broken = ชำรุด
sample_method-xrf = XRF แบบพกพา
sample_method-libs = LIBS แบบพกพา
sample_method-density = ทดสอบความหนาแน่น
sample_method-icp_ms = ICP-MS ในห้องปฏิบัติการ
sample_method-other = วิธีอื่นในห้องปฏิบัติการ
party_role-shipper = ผู้ส่งของ
party_role-consignee = ผู้รับตราส่ง
party_role-declarant = ผู้ยื่นใบขนสินค้า
party_role-carrier = ผู้ขนส่ง
party_role-driver = ผู้ขับขี่
party_role-other = อื่น ๆ
party_kind-company = นิติบุคคล
party_kind-person = บุคคลธรรมดา
risk_lane-red = แดง
risk_lane-yellow = เหลือง
risk_lane-green = เขียว
risk_lane-blue = น้ำเงิน
identified_by-visual = ตรวจด้วยสายตา
identified_by-analyser = เครื่องวิเคราะห์แบบพกพา
identified_by-lab = ห้องปฏิบัติการ
identified_by-documents = เอกสาร
yes_no-yes = ใช่
yes_no-no = ไม่ใช่
customs_procedure-export = ส่งออก
customs_procedure-import = นำเข้า
customs_procedure-transit = ผ่านแดน
location_type-seaport = ท่าเรือ
location_type-airport = ท่าอากาศยาน
location_type-land_border = ด่านชายแดนทางบก
location_type-postal_centre = ศูนย์ไปรษณีย์หรือพัสดุด่วน
gender-female = หญิง
gender-male = ชาย
gender-unknown = ไม่ทราบ

## Spreadsheet exports: sheet names, and column headings that are no field, code or kind.
sheet-cases = คดี
sheet-totals = ยอดรวม
sheet-by_concealment = ตามวิธีซุกซ่อน
sheet-by_material = ตามสินค้าควบคุม
sheet-by_outcome = ตามผลการดำเนินการ
sheet-by_detection = ตามวิธีตรวจพบ
sheet-by_month = รายเดือน
sheet-by_week = รายสัปดาห์
sheet-routes = เส้นทาง
column-opened_at = เปิดเมื่อ
column-opened_by = เปิดโดย
column-updated_at = แก้ไขล่าสุดเมื่อ
column-flags = ข้อสังเกต
column-events = เหตุการณ์
column-cases = จำนวนคดี
column-seized_kg = ปริมาณที่ยึด (กก.)
column-month = เดือน
column-iso_week = สัปดาห์ ISO
column-declared_kg = น้ำหนักที่สำแดง (กก.)
column-found_kg = น้ำหนักที่ตรวจพบ (กก.)
column-code = { $column } (รหัส)
sheet-by_flag = ตามข้อสังเกต
cell-no_flag = ไม่มีข้อสังเกต
sheet-partner = สำหรับหน่วยงานพันธมิตร
column-offenders = ผู้กระทำผิด (บทบาท: สัญชาติ ปีเกิด เพศ)
cell-not_recorded = (ไม่ได้บันทึก)

## Notes shown with a result.
export-personal_data = ไฟล์นี้มีข้อมูลส่วนบุคคล โปรดเก็บไว้ในไดรฟ์ที่เข้ารหัส แบ่งปันเฉพาะแก่ผู้มีสิทธิ์ และลบทิ้งเมื่อไม่จำเป็นต้องใช้อีกต่อไป
export-partner = เฉพาะคดีที่ระบุว่า "แบ่งปันกับหน่วยงานพันธมิตรได้" และหัวหน้าอนุมัติแล้ว ไม่มีชื่อ เลขประจำตัว ที่อยู่ เจ้าหน้าที่ หรือข้อความอิสระ ผู้กระทำผิดแสดงเป็นบทบาท สัญชาติ ปีเกิด และเพศ

## Hints shown beside a code list's entries.
hint-concealment-C1 = สำแดงชนิดสินค้าเท็จ, พิกัดศุลกากรเท็จ, สำแดงปริมาณต่ำกว่าจริง, สำแดงราคาต่ำกว่าจริง
hint-concealment-C2 = ผสมในกระเบื้องเซรามิก เศษโลหะ หัวแร่; ทำเป็นโลหะผสมหรือเคลือบผิว
hint-concealment-C3 = หุ่นพลาสติก, น้ำดื่มบรรจุขวด, เครื่องจักร, บรรจุภัณฑ์ก้นปลอม
hint-concealment-C4 = ผนัง พื้น หรือโครงของตู้คอนเทนเนอร์หรือยานพาหนะ
hint-concealment-C5 = เปลี่ยนฉลากหรือบรรจุหีบห่อใหม่, หนังสือรับรองถิ่นกำเนิดสินค้าปลอม, ถ่ายลำ, บริษัทบังหน้า
hint-concealment-C6 = ของที่ส่งทางไปรษณีย์ เร่งด่วน (Express) หรือบริการรับส่งพัสดุ
hint-detection-D7 = XRF, LIBS, ความหนาแน่น
hint-material-rare_earth = HS 2805.30, 2846.10, 2846.90
hint-material-gallium_germanium = HS 8112.92, 8112.99, 2825.60
hint-material-antimony = HS 8110.10, 8110.20, 8110.90, 2825.80, 2617.10
hint-material-tungsten = HS 8101.10-8101.99, 2611.00, 2841.80
hint-route_basis-established = พบจากการตรวจ
hint-unit_kind-uld = รหัส ULD ของ IATA เช่น AKE12345CX
hint-unit_kind-postal = หมายเลข S10 ของ UPU เช่น RR123456785CN
hint-risk_lane-red = เปิดตรวจสินค้า
hint-risk_lane-yellow = ตรวจเอกสาร
hint-risk_lane-green = ไม่ตรวจ
hint-risk_lane-blue = ตรวจสอบหลังการตรวจปล่อย

## What to type, shown in an empty box.
input_hint-container = เช่น CSQU 305438 3
input_hint-imo = ตัวเลข 7 หลัก เช่น 9074729
input_hint-locode = เช่น THLCH
input_hint-country = อักษร 2 ตัว เช่น TH
input_hint-hs_code = เช่น 8101.94
input_hint-weight = เช่น 1250 kg
input_hint-quantity = เช่น 40 กล่อง
input_hint-money = เช่น 12000 USD
input_hint-date_time = วว/ดด/ปปปป ชช:นน เช่น 6/12/2026 14:05
input_hint-mass_percent = เช่น 38.25
input_hint-birth_year = ตัวเลขสี่หลัก เช่น 2518 หรือ 1975
## Elements an analyser reads, by symbol: `element.<symbol>`.
element-Ga = แกลเลียม
element-Ge = เจอร์เมเนียม
element-Sb = พลวง
element-W = ทังสเตน
element-Sc = สแกนเดียม
element-Y = อิตเทรียม
element-La = แลนทานัม
element-Ce = ซีเรียม
element-Pr = เพรซีโอดิเมียม
element-Nd = นีโอดิเมียม
element-Pm = โพรมีเทียม
element-Sm = ซาแมเรียม
element-Eu = ยูโรเพียม
element-Gd = แกโดลิเนียม
element-Tb = เทอร์เบียม
element-Dy = ดิสโพรเซียม
element-Ho = โฮลเมียม
element-Er = เออร์เบียม
element-Tm = ทูเลียม
element-Yb = อิตเทอร์เบียม
element-Lu = ลูทีเชียม
element-Sn = ดีบุก
element-Pb = ตะกั่ว
element-Cu = ทองแดง
element-Zn = สังกะสี
element-Fe = เหล็ก
element-Ni = นิกเกิล
element-Co = โคบอลต์
element-Ag = เงิน
element-Bi = บิสมัท
element-In = อินเดียม
element-Si = ซิลิคอน
element-Al = อะลูมิเนียม
