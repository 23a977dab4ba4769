# Errors the API answers with (`error.*`) and notices it gives (`notice.*`). Each says what is wrong
# and what to do. `$detail` is the English detail of an unexpected failure, shown as it is.

## The call itself: a bug in the caller, not the person's doing.
error-no_such_command = ไม่มีคำสั่ง "{ $command }"
error-takes_no_file = { $command } ไม่รับไฟล์ มีเพียง attach_photo ที่รับ
error-bad_arguments = อาร์กิวเมนต์ของ { $command } ไม่ถูกต้อง: { $detail }
error-request_too_large = คำขอมีขนาด { $size } ไบต์ ขีดจำกัดคือ { $limit }
error-malformed_request = แอปส่งคำขอที่ Quayside อ่านไม่ได้ ({ $detail }): เริ่ม Quayside ใหม่ หากเกิดขึ้นอีกให้แจ้ง
error-data_dir_argument = --data-dir ต้องระบุโฟลเดอร์: --data-dir /path/to/folder
error-no_data_folder = ระบบนี้ไม่มีโฟลเดอร์ข้อมูลแอป ({ $detail }): เริ่ม Quayside ด้วย --data-dir
error-internal = เกิดข้อผิดพลาดภายใน Quayside: { $detail }

## Cases and their entries.
error-no_such_case = ไม่มีคดี { $id } ในอุปกรณ์นี้
error-no_such_entry = ไม่มีรายการ { $id } ในคดีนี้
error-entry_withdrawn = รายการนี้ถูกถอนแล้ว: แก้ไขไม่ได้อีก
error-case_withdrawn = คดีนี้ถูกถอนแล้ว: เปลี่ยนสถานะกลับเป็น "เปิดอยู่" ก่อนจึงจะแก้ไขได้
error-reason_empty = ระบุเหตุผล: เหตุผลจะถูกเก็บไว้ในสำนวนคดี
error-reason_too_long = เหตุผลยาวเกินไป: ไม่เกิน { $max } อักขระ
error-reason_required_submitted = คดีนี้ส่งตรวจทานแล้ว: ระบุเหตุผลที่แก้ไข เหตุผลจะถูกเก็บไว้กับการแก้ไขแต่ละครั้ง
error-reason_required_approved = คดีนี้ได้รับอนุมัติแล้ว: ระบุเหตุผลที่แก้ไข เหตุผลจะถูกเก็บไว้กับการแก้ไขแต่ละครั้ง และคดีจะกลับไปรอตรวจทาน
error-role_unknown = ไม่รู้จักบทบาทที่บันทึกไว้: ลงชื่อเข้าใช้เซิร์ฟเวอร์ซิงก์อีกครั้ง
error-field_needs_item = { $field } ต้องระบุรายการ
error-section_has_no_items = { $section } ไม่มีรายการ
error-not_a_list = { $section } ไม่ใช่รายการ
error-draft_too_long = ยาวเกินไป: ไม่เกิน { $max } อักขระ
error-refused = การแก้ไขถูกปฏิเสธ: { $detail }

## Evidence items and handovers. `$box` is the name of a box of the handover form, below.
error-no_such_goods = ไม่มีรายการของที่พบนี้ในคดี (ถูกถอนแล้ว หรือไม่เคยเพิ่ม)
error-no_such_evidence_item = ไม่มีของกลางนี้ในคดี (ถูกถอนแล้ว หรือไม่เคยเพิ่ม)
error-handover_required = ต้องกรอก "{ $box }" สำหรับการส่งมอบ
error-handover_too_long = "{ $box }" ยาว { $length } อักขระ แต่อนุญาตไม่เกิน { $max }: ตัดให้สั้นลง
handover-from = ผู้ส่งมอบ
handover-to = ผู้รับมอบ
handover-place = สถานที่
handover-condition = สภาพซีลและบรรจุภัณฑ์

## Review.
error-supervisor_only = เฉพาะหัวหน้างานเท่านั้นที่อนุมัติหรือส่งคืนคดีได้: ขอให้หัวหน้างานตรวจทาน
error-already_waiting = คดีนี้รอตรวจทานอยู่แล้ว
error-already_approved = คดีนี้ได้รับอนุมัติแล้ว: การแก้ไขใด ๆ จะทำให้คดีกลับไปรอตรวจทาน
error-changed_while_reading = คดีเปลี่ยนไประหว่างที่คุณกำลังอ่าน: ดูสิ่งที่เปลี่ยนไป แล้วจึงอนุมัติอีกครั้ง
error-four_eyes = คุณส่งหรือแก้ไขคดีนี้หลังการอนุมัติครั้งล่าสุด: หัวหน้างานคนอื่นต้องเป็นผู้อนุมัติ
error-return_comment = ระบุสิ่งที่เจ้าหน้าที่ตรวจควรแก้ไข (ไม่เกิน 1000 อักขระ)
error-too_many_comments = ความเห็นรายส่วนได้ไม่เกิน { $max } ข้อ
error-not_waiting = คดีนี้ไม่ได้รอตรวจทาน: เจ้าหน้าที่ตรวจต้องส่งก่อน

## Photos.
error-file_no_name = ไฟล์ไม่มีชื่อที่ใช้ได้
error-no_such_photo = ไม่มีภาพถ่ายนี้ในคดี
error-not_a_photo_hash = "{ $text }" ไม่ใช่ SHA-256 แบบเลขฐานสิบหก
error-photo_already_excluded = ภาพถ่ายนี้ถูกคัดออกแล้ว
error-photo_empty = { $file } เป็นไฟล์ว่าง (0 ไบต์) จึงไม่ใช่ภาพถ่าย ไม่ได้บันทึกสิ่งใด: ตรวจดูว่าคัดลอกจากกล้องหรือการ์ดเสร็จแล้ว
error-photo_not_an_image = { $file } ไม่ใช่ภาพถ่าย JPEG, PNG หรือ HEIC (เนื้อหาเป็นอย่างอื่น ไม่ว่าชื่อไฟล์จะเป็นอย่างไร) ไม่ได้บันทึกสิ่งใด: เลือกไฟล์ภาพถ่ายโดยตรง
error-photo_too_large = { $file } มีขนาด { $size } MB เกินขีดจำกัด { $limit } MB ต่อภาพ ไม่ได้บันทึกสิ่งใด: ตรวจดูว่าเป็นไฟล์ที่ถูกต้อง (ภาพจากกล้องเล็กกว่านี้มาก)
error-photo_too_many_pixels = { $file } ระบุขนาด { $width } x { $height } พิกเซล ({ $megapixels } ล้านพิกเซล) เกินขีดจำกัด { $limit } ล้านพิกเซล: ไฟล์เสียหายหรือถูกทำขึ้นเพื่อให้หน่วยความจำหมด ไม่ได้บันทึกสิ่งใด
error-photo_damaged = { $file } เป็นภาพ { $format } ที่เสียหายหรือไม่สมบูรณ์ ({ $detail }) ไม่ได้บันทึกสิ่งใด: คัดลอกภาพถ่ายจากกล้องหรือการ์ดอีกครั้ง
error-photo_unreadable = อ่าน { $file } ไม่ได้ ({ $detail }) ไม่ได้บันทึกสิ่งใด: ตรวจดูว่าไฟล์ยังอยู่และคุณมีสิทธิ์เปิด
error-photo_missing = ต้นฉบับของภาพถ่าย { $sha256 } หายไปจากคลังภาพ: กู้คืนคลังภาพจากข้อมูลสำรอง หรือแนบภาพถ่ายอีกครั้งจากต้นทาง
error-photo_altered = ต้นฉบับของภาพถ่าย { $sha256 } ถูกแก้ไข: ค่าแฮชของเนื้อหาตอนนี้คือ { $actual } แนบต้นฉบับอีกครั้งจากต้นทาง (สำเนาที่ถูกแก้ไขจะถูกเก็บแยกไว้เพื่อตรวจสอบ) หรือกู้คืนคลังภาพจากข้อมูลสำรอง
error-photo_seal_broken = ต้นฉบับของภาพถ่าย { $sha256 } ไม่ผ่านการตรวจสอบการผนึก: ถูกแก้ไข ถูกตัดทอน หรือถูกแทนที่ด้วยไฟล์ที่ผนึกจากที่อื่นหรือไม่ได้ผนึก แนบต้นฉบับอีกครั้งจากต้นทาง (สำเนาที่เสียหายจะถูกเก็บแยกไว้เพื่อตรวจสอบ) หรือกู้คืนคลังภาพจากข้อมูลสำรอง
error-vault_wrong_key = คลังภาพถูกผนึกด้วยกุญแจอื่น: ไม่ได้อ่านหรือเปลี่ยนแปลงสิ่งใด ปลดล็อกด้วยรหัสผ่านหรือกุญแจกู้คืนของอุปกรณ์นี้เอง
error-vault = คลังภาพทำสิ่งนี้ไม่ได้: { $detail }
notice-no_preview = รูปแบบนี้ไม่มีภาพตัวอย่าง: ต้นฉบับถูกเก็บและคำนวณแฮชไว้โดยไม่เปลี่ยนแปลง
notice-format_not_shown = รูปแบบนี้แสดงที่นี่ไม่ได้: ต้นฉบับถูกเก็บและคำนวณแฮชไว้โดยไม่เปลี่ยนแปลง
notice-photo_not_fetched = แนบจากอุปกรณ์อื่นและยังไม่ได้ดึงมา: การซิงก์ครั้งถัดไปจะดึงจากเซิร์ฟเวอร์
notice-photo_missing = ต้นฉบับหายไปจากคลังภาพ
notice-photo_unreadable = อ่านต้นฉบับไม่ได้: { $detail }
notice-photo_seal_broken = การผนึกของต้นฉบับเสียหาย: ถูกแก้ไข ถูกตัดทอน หรือถูกแทนที่ด้วยไฟล์อื่น
notice-photo_altered = ต้นฉบับถูกแก้ไข: ค่าแฮชตอนนี้คือ { $actual } ({ $size } ไบต์ ขณะแนบคือ { $attached_size })
notice-import_renamed = ชื่อไฟล์เป็น .{ $extension } แต่เป็นภาพ { $format }: เก็บเป็น { $format }
notice-import_heic = เก็บภาพ HEIC และคำนวณแฮชแล้ว แสดงโดยไม่มีภาพย่อ: แอปนี้ถอดรหัส HEIC ไม่ได้
notice-import_unsupported = เก็บและคำนวณแฮชแล้ว แสดงโดยไม่มีภาพย่อ: { $format } นี้ใช้คุณสมบัติที่ตัวถอดรหัสไม่รองรับ ({ $detail })
notice-import_too_large_to_preview = เก็บและคำนวณแฮชแล้ว แต่ใหญ่เกินกว่าจะแสดงตัวอย่างได้อย่างปลอดภัย (ภาพ { $format } ขนาด { $width } x { $height } พิกเซล): ไม่มีภาพย่อ
notice-import_altered_set_aside = คลังภาพมีสำเนาที่ถูกแก้ไขอยู่ภายใต้แฮชนี้: ได้ย้ายไปที่ { $path } เพื่อการตรวจพิสูจน์ และกู้คืนต้นฉบับจากไฟล์นี้แล้ว

## Exports and case-file bundles.
error-export_not_saved = บันทึกไฟล์ส่งออกใน { $folder } ไม่ได้: { $detail } ตรวจดูว่าโฟลเดอร์มีอยู่และเขียนได้
error-pdf_fonts = สร้าง PDF ไม่ได้: { $detail } ติดตั้ง Quayside ใหม่เพื่อกู้คืนแบบอักษร
error-zoom_range = เลือกการย่อขยายระหว่าง { $min }% ถึง { $max }% (ขอ { $asked }%)
error-export_search = ล้างคำค้นหาก่อนส่งออกให้หน่วยงานพันธมิตร: คำค้นหาอาจมีชื่อบุคคล ซึ่งไฟล์ส่งออกต้องไม่มี ให้ใช้ตัวกรองอื่นแทน
error-photo_not_here = ภาพถ่าย { $file } ของคดีนี้ไม่อยู่ในอุปกรณ์นี้ ({ $detail }) ซิงก์เพื่อดึงมา แล้วส่งออกชุดหลักฐานอีกครั้ง
error-bundle_failed = สร้างชุดหลักฐานไม่ได้: { $detail }

## The case database and the disk.
error-store_busy = ฐานข้อมูลคดีไม่ว่าง: หน้าต่างหรือโปรเซส Quayside อื่นกำลังเขียนอยู่ ปิดแล้วลองอีกครั้ง
error-store_unavailable = ใช้ฐานข้อมูลคดีที่ { $path } ไม่ได้: { $detail }
error-store_wrong_key = ฐานข้อมูลคดีที่ { $path } เปิดด้วยกุญแจนี้ไม่ได้: เป็นของกุญแจชุดอื่น หรือเสียหาย
error-store_unreadable = อ่านที่เก็บคดี { $path } ไม่ได้: { $detail }
error-device_key = กุญแจอุปกรณ์ที่ { $path } ใช้ไม่ได้: { $detail }
error-key_file = ใช้ไฟล์กุญแจ { $path } ไม่ได้: { $detail }
error-disk_full = ดิสก์เต็ม: ลบข้อมูลบางส่วนแล้วลองอีกครั้ง ไม่ได้บันทึกสิ่งใด
error-disk_read_only = ฐานข้อมูลคดีเป็นแบบอ่านอย่างเดียว: ตรวจดูว่าโฟลเดอร์ข้อมูลเขียนได้ ไม่ได้บันทึกสิ่งใด
error-disk_failed = ดิสก์แจ้งข้อผิดพลาดขณะบันทึก: ไม่ได้บันทึกสิ่งใด ตรวจสอบดิสก์แล้วลองอีกครั้ง
error-disk_cannot_open = เปิดฐานข้อมูลคดีไม่ได้: ตรวจดูว่าโฟลเดอร์ข้อมูลมีอยู่และเขียนได้
error-disk_damaged = ไฟล์นี้ไม่ใช่ฐานข้อมูลคดีหรือเสียหาย: กู้คืนโฟลเดอร์ข้อมูลจากข้อมูลสำรอง หรือย้ายไฟล์ออกไปเพื่อเริ่มฐานข้อมูลใหม่
error-database = ข้อผิดพลาดของฐานข้อมูล: { $detail }

## Locking, unlocking and the people of this device.
error-locked = Quayside ถูกล็อก: ปลดล็อกด้วยรหัสผ่านของคุณ
error-wrong_passphrase = รหัสผ่านนี้ปลดล็อกอุปกรณ์นี้ไม่ได้
error-passphrase_throttled = ใส่รหัสผ่านผิดหลายครั้งเกินไป: ลองอีกครั้งใน { $seconds } วินาที
error-wrong_recovery_key = กุญแจกู้คืนนี้ปลดล็อกอุปกรณ์นี้ไม่ได้
error-passphrase_too_short = ตั้งรหัสผ่านอย่างน้อย { $min } อักขระ (รหัสนี้มี { $length }): คำหลาย ๆ คำพิมพ์ง่ายกว่าสัญลักษณ์
error-passphrase_blank = รหัสผ่านที่มีแต่ช่องว่างใช้ไม่ได้
error-passphrase_in_use = ผู้ใช้อีกคนของอุปกรณ์นี้ใช้รหัสผ่านนี้อยู่แล้ว: เลือกรหัสอื่น
error-recovery_key_character = '{ $character }' ไม่มีในกุญแจกู้คืน: กุญแจกู้คืนมีเพียงตัวเลขและตัวอักษร A ถึง Z ยกเว้น I, L, O และ U
error-recovery_key_length = กุญแจกู้คืนมี { $expected } อักขระ แบ่งเป็นแปดกลุ่ม กลุ่มละห้าตัว ที่กรอกมามี { $length }
error-recovery_key_typo = กุญแจกู้คืนนี้พิมพ์ผิด: ตรวจทานทีละกลุ่มกับสำเนาที่จดไว้
error-person_exists = { $id } ปลดล็อกอุปกรณ์นี้ได้อยู่แล้ว
error-name_length = ระบุชื่อของคุณตามที่จะปรากฏในสำนวนคดี (1 ถึง { $max } อักขระ)
error-person_not_stored = ไม่พบผู้ที่ลงชื่อเข้าใช้ในที่เก็บข้อมูล
error-already_set_up = อุปกรณ์นี้ตั้งค่าแล้ว: ปลดล็อกด้วยรหัสผ่านของคุณ
error-not_set_up = อุปกรณ์นี้ยังไม่ได้ตั้งค่า
error-nobody_set_up = ยังไม่มีผู้ใช้ที่ตั้งค่าไว้ในอุปกรณ์นี้
error-idle_time = เลือกเวลาไม่ใช้งานตั้งแต่ 1 ถึง { $max } นาที
notice-locked_idle = Quayside ล็อกตัวเองหลังจากไม่มีการใช้งานระยะหนึ่ง
notice-wiped = อุปกรณ์นี้ถูกล้างข้อมูลแล้ว: อ่านข้อมูลไม่ได้อีก
notice-revoked_wiped = เซิร์ฟเวอร์เพิกถอนอุปกรณ์นี้ ข้อมูลในอุปกรณ์นี้จึงถูกทำลาย คดีที่ซิงก์แล้วยังปลอดภัยอยู่บนเซิร์ฟเวอร์: ขอให้ผู้ดูแลระบบลงทะเบียนอุปกรณ์อีกครั้ง
notice-unreadable_data = { $path } ไม่ใช่ฐานข้อมูลคดีที่อุปกรณ์นี้อ่านได้: ถูกเข้ารหัสและกุญแจหายไปแล้ว หรือเป็นไฟล์ชนิดอื่น

## Sync.
error-server_address_empty = กรอกที่อยู่เซิร์ฟเวอร์ซิงก์ เช่น https://sync.customs.example:8640
error-sign_in_empty = กรอกชื่อผู้ใช้และรหัสผ่านที่ผู้ดูแลระบบให้ไว้
error-not_signed_in = อุปกรณ์นี้ไม่ได้ลงชื่อเข้าใช้เซิร์ฟเวอร์ซิงก์ เปิดการตั้งค่า กรอกที่อยู่เซิร์ฟเวอร์ แล้วลงชื่อเข้าใช้
error-offline = ติดต่อเซิร์ฟเวอร์ที่ { $server } ไม่ได้ ({ $detail }) ทำงานต่อแบบออฟไลน์ได้ การซิงก์จะลองใหม่เอง
error-bad_credentials = ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง: ตรวจสอบทั้งสองอย่างแล้วลองอีกครั้ง
error-too_many_sign_ins = เซิร์ฟเวอร์ปฏิเสธการลงชื่อเข้าใช้เพิ่มเติมในขณะนี้: { $detail }
error-sign_in_again = เซิร์ฟเวอร์ไม่ยอมรับการลงชื่อเข้าใช้ของอุปกรณ์นี้อีก ({ $detail }): ลงชื่อเข้าใช้อีกครั้ง
error-server_refused = เซิร์ฟเวอร์ปฏิเสธคำขอ: { $detail }
error-sync_setup = ซิงก์ไม่ได้จนกว่าจะแก้ไขสิ่งนี้: { $detail }
error-sync_protocol = เซิร์ฟเวอร์ตอบกลับสิ่งที่เวอร์ชันนี้ไม่เข้าใจ ({ $detail }) การซิงก์จะลองใหม่ภายหลัง หากยังเป็นอยู่ ให้อัปเดตแอป
error-server_log_inconsistent = บันทึกของเซิร์ฟเวอร์ไม่ตรงกับที่เคยแสดงหรือลงนามไว้ ข้อมูลทั้งหมดในเครื่องนี้ยังอยู่ และการซิงก์หยุดแล้ว: แจ้งหัวหน้างานของคุณ { $detail }
error-server_key_changed = เซิร์ฟเวอร์ซิงก์ไม่ใช่เครื่องที่อุปกรณ์นี้ลงชื่อเข้าใช้ไว้ หรือกุญแจของเซิร์ฟเวอร์ถูกเปลี่ยน ไม่ได้ส่งหรือรับสิ่งใด { $detail }
error-device_revoked = อุปกรณ์นี้ถูกเพิกถอน: ไม่ซิงก์อีกต่อไป และกุญแจถูกทำลายในเครื่องนี้แล้ว { $detail }

## Evidence checks (`finding.*`): what failed about one event. The evidence screen words them in the reader's language; the command-line checks print them in English.
finding-unreadable = อ่านเหตุการณ์หนึ่ง (SHA-256 { $hash }) ไม่ได้: { $detail }
finding-no_key = ไม่ทราบกุญแจสาธารณะของอุปกรณ์ จึงตรวจสอบลายมือชื่อไม่ได้
finding-bad_signature = ลายมือชื่อตรวจสอบไม่ผ่าน: เหตุการณ์ถูกแก้ไขหลังลงนาม หรือถูกปลอมแปลง
finding-replay = เหตุการณ์ปรากฏซ้ำสองครั้ง: เป็นการส่งซ้ำ
finding-after_revocation = ลงนามหลังจากอุปกรณ์ถูกเพิกถอนเมื่อ { $at } (เหตุการณ์จนถึงลำดับที่ { $seq } ยังใช้ได้)
finding-fork = มีสองเหตุการณ์ที่ต่างกันอ้างลำดับที่ { $seq }: สายโซ่ของอุปกรณ์แตกแขนง (โฟลเดอร์ข้อมูลถูกคัดลอกหรือกู้คืน) อีกเหตุการณ์หนึ่งคือ { $other }
finding-chain_broken = สายโซ่ขาด: ไม่ได้ต่อจากลำดับที่ { $seq } (ถูกสลับลำดับ แก้ไข หรือแตกแขนง)
finding-gap_one = สายโซ่ของอุปกรณ์ขาดช่วง: ลำดับที่ { $seq } หายไป
finding-gap = สายโซ่ของอุปกรณ์ขาดช่วง: ลำดับที่ { $from } ถึง { $to } หายไป
finding-numbered_from_zero = เหตุการณ์ของอุปกรณ์ต้องเริ่มลำดับที่ 1 ไม่ใช่ 0
finding-first_names_previous = เหตุการณ์แรกของอุปกรณ์อ้างถึงเหตุการณ์ก่อนหน้า
finding-approves_missing = อนุมัติเหตุการณ์ { $event } ซึ่งหายไป
finding-depends_on_missing = ขึ้นกับเหตุการณ์ { $event } ซึ่งหายไป
finding-approves_other_case = อนุมัติเหตุการณ์ { $event } ซึ่งเป็นของคดีอื่น
finding-depends_on_other_case = ขึ้นกับเหตุการณ์ { $event } ซึ่งเป็นของคดีอื่น
finding-stored_hash_mismatch = ค่าแฮชที่เก็บไว้ไม่ตรงกับไบต์ของเหตุการณ์
finding-row_differs = รหัส คดี อุปกรณ์ ลำดับ นาฬิกา หรือชนิดในแถวไม่ตรงกับเนื้อความที่ลงนาม
finding-file_damaged = ไฟล์ฐานข้อมูลเสียหาย: { $detail }
finding-server_quarantined_fork = ถูกกักไว้เพราะแตกแขนง (#{ $quarantine } ส่งเมื่อ { $at } โดยอุปกรณ์ { $pusher }): อุปกรณ์ถูกโคลนหรือกู้คืนจากสำเนา; { $reason }
finding-server_body_hash = เนื้อความมีค่าแฮช { $actual } ไม่ใช่ { $stored } ที่เก็บไว้คู่กัน (ตำแหน่งในบันทึก { $position }): เนื้อความถูกแก้ไขหลังเซิร์ฟเวอร์รับไว้
finding-server_row_differs = แถวในบันทึก (เหตุการณ์ { $event } อุปกรณ์ { $device } ลำดับ { $seq } คดี { $case }) ไม่ตรงกับเนื้อความที่ลงนาม: คอลัมน์ถูกแก้ไขหลังเซิร์ฟเวอร์รับไว้
