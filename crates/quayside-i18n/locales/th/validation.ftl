# Why a value was refused (`invalid.*`), what a valid one was found to be (`valid.*`), and the
# details of discrepancy flags (`discrepancy.*`). Each says what is wrong and how to fix it.
# Variables hold what was typed or a code, shown as given; `$length`, `$count` and `$position`
# are numbers.

## Container numbers (ISO 6346).
invalid-container_empty = กรอกหมายเลขตู้คอนเทนเนอร์: ตัวอักษร 4 ตัวและตัวเลข 7 หลัก เช่น CSQU3054383
invalid-container_length = หมายเลขตู้คอนเทนเนอร์มี 11 อักขระ (ตัวอักษร 4 ตัว ตัวเลข 7 หลัก เช่น CSQU3054383) แต่ { $number } มี { $length } อักขระ: ตรวจดูว่าขาดหรือเกินไปหนึ่งตัวหรือไม่
invalid-container_not_plain = หมายเลขตู้คอนเทนเนอร์มี { $character } { $position ->
    [1] ที่ต้นหมายเลข
   *[other] ที่ตำแหน่ง { $position } ต่อจาก { $before }
} ซึ่งไม่ใช่ตัวอักษรหรือตัวเลขธรรมดา: หมายเลขตู้คอนเทนเนอร์มีตัวอักษร A-Z 4 ตัวและตัวเลข 7 หลัก เช่น CSQU3054383
invalid-container_look_alike = หมายเลขตู้คอนเทนเนอร์มี { $character } { $position ->
    [1] ที่ต้นหมายเลข
   *[other] ที่ตำแหน่ง { $position } ต่อจาก { $before }
}: ดูเหมือน { $plain } แต่เป็นตัวอักษรของอักษรอื่น ให้พิมพ์ { $plain } แทน
invalid-container_invisible = หมายเลขตู้คอนเทนเนอร์มีอักขระที่มองไม่เห็น { $character } { $position ->
    [1] ที่ต้นหมายเลข
   *[other] ที่ตำแหน่ง { $position } ต่อจาก { $before }
}: ลบออกแล้วตรวจสอบหมายเลข (อักขระนี้ติดมากับข้อความที่คัดลอกมา)
invalid-container_owner = รหัสเจ้าของ '{ $owner }' ของ { $number } ต้องเป็นตัวอักษรสามตัว: ตรวจดูว่าอ่านตัวอักษรเป็นตัวเลขหรือไม่ เช่น O เป็น 0
invalid-container_category = อักขระตัวที่สี่ของ { $number } คือ '{ $character }' แต่ต้องเป็น U, J หรือ Z (ประเภทอุปกรณ์): อ่านใหม่จากประตูตู้
invalid-container_serial = หมายเลขลำดับ '{ $serial }' ของ { $number } ต้องเป็นตัวเลขหกหลัก: ตรวจดูว่าอ่านตัวเลขเป็นตัวอักษรหรือไม่ เช่น 0 เป็น O
invalid-container_no_check_digit = { $number } ไม่มีเลขตรวจสอบ: เติมเลขตรวจสอบ ซึ่งควรเป็น { $expected } ({ $number }{ $expected }) แต่ควรคัดลอกจากประตูตู้เพื่อความแน่นอน
invalid-container_check_digit_letter = อักขระตัวสุดท้ายของ { $number } คือ '{ $character }' แต่ต้องเป็นตัวเลข (เลขตรวจสอบ ในที่นี้คือ { $expected }): อ่านหมายเลขใหม่จากประตูตู้
invalid-container_check_digit = เลขตรวจสอบคือ { $given } แต่สำหรับ { $number } ควรเป็น { $expected }: อ่านหมายเลขใหม่จากประตูตู้
valid-container_check_digit = เลขตรวจสอบ ISO 6346 { $digit } ถูกต้อง

## IMO ship numbers.
invalid-imo_empty = กรอกหมายเลข IMO: ตัวเลข 7 หลัก เช่น IMO 9074729
invalid-imo_characters = หมายเลข IMO เป็นตัวเลข 7 หลัก (อาจมี 'IMO' นำหน้า) แต่ '{ $text }' มีอักขระอื่น: คัดลอกตัวเลขจากใบสำคัญของเรือ เช่น IMO 9074729
invalid-imo_length = หมายเลข IMO มี 7 หลัก แต่ { $digits } มี { $length } หลัก: ตรวจดูว่าขาดหรือเกินไปหนึ่งหลักหรือไม่
invalid-imo_mmsi = หมายเลข IMO มี 7 หลัก แต่ { $digits } มี { $length } หลัก (ตัวเลข 9 หลักคือ MMSI ซึ่งเป็นรหัสวิทยุของเรือ ไม่ใช่หมายเลข IMO): ตรวจดูว่าขาดหรือเกินไปหนึ่งหลักหรือไม่
invalid-imo_check_digit = เลขตรวจสอบคือ { $given } แต่สำหรับ IMO { $first_six } ควรเป็น { $expected }: อ่านหมายเลข IMO ใหม่จากใบสำคัญหรือตัวเรือ
valid-imo_check_digit = เลขตรวจสอบ IMO ถูกต้อง

## หน่วยบรรทุก: หมายเลขตามประเภท (ULD ของ IATA, S10 ของ UPU; ตู้คอนเทนเนอร์ตามข้างบน)
invalid-unit_kind_first = เลือกประเภทหน่วยก่อน (ตู้คอนเทนเนอร์ รถพ่วง ULD หรือสิ่งของทางไปรษณีย์): หมายเลขจะตรวจตามประเภท
invalid-unit_number_other_kind = { $number } ไม่ใช่หมายเลขที่ถูกต้องของ{ $kind }: แก้ไขหรือลบหมายเลขของหน่วยก่อน แล้วจึงเปลี่ยนประเภท
invalid-unit_number_not_plain = หมายเลขมี { $character } เป็นอักขระตัวที่ { $position } ซึ่งไม่ใช่ตัวอักษรหรือตัวเลขธรรมดา: พิมพ์ใหม่ด้วยตัวอักษร A-Z และตัวเลข 0-9
invalid-uld_length = หมายเลข ULD มี 9 หรือ 10 อักขระ (ตัวอักษร 3 ตัว ตัวเลข 4 หรือ 5 หลัก และรหัสสายการบิน 2 อักขระ เช่น AKE12345CX) แต่ { $number } มี { $length } อักขระ: ตรวจดูว่าขาดหรือเกินไปหนึ่งตัวหรือไม่
invalid-uld_type = รหัสประเภท '{ $type }' ของ { $number } ต้องเป็นตัวอักษรสามตัว เช่น AKE: ตรวจดูว่าอ่านตัวอักษรเป็นตัวเลขหรือไม่ เช่น O เป็น 0
invalid-uld_serial = หมายเลขลำดับ '{ $serial }' ของ { $number } ต้องเป็นตัวเลข 4 หรือ 5 หลัก: ตรวจดูว่าอ่านตัวเลขเป็นตัวอักษรหรือไม่ เช่น 0 เป็น O
invalid-uld_owner = รหัสสายการบิน '{ $owner }' ท้าย { $number } ต้องเป็นตัวอักษร 2 ตัว หรือตัวอักษรหนึ่งตัวกับตัวเลขหนึ่งหลัก เช่น CX: อ่านใหม่จากป้ายบนหน่วย
invalid-s10_length = หมายเลขสิ่งของทางไปรษณีย์มี 13 อักขระ (ตัวอักษร 2 ตัว ตัวเลข 8 หลัก เลขตรวจสอบ และรหัสประเทศ 2 ตัว เช่น RR123456785CN) แต่ { $number } มี { $length } อักขระ: ตรวจดูว่าขาดหรือเกินไปหนึ่งตัวหรือไม่
invalid-s10_service = รหัสบริการ '{ $service }' ต้นหมายเลข { $number } ต้องเป็นตัวอักษรสองตัว เช่น RR: ตรวจดูว่าอ่านตัวอักษรเป็นตัวเลขหรือไม่
invalid-s10_serial = หมายเลขลำดับ '{ $serial }' ของ { $number } ต้องเป็นตัวเลขแปดหลัก: ตรวจดูว่าอ่านตัวเลขเป็นตัวอักษรหรือไม่ เช่น 0 เป็น O
invalid-s10_country = รหัสประเทศ '{ $country }' ท้าย { $number } ไม่ใช่ประเทศตาม ISO 3166: อ่านตัวอักษรสองตัวสุดท้ายบนป้ายใหม่
invalid-s10_no_check_digit = { $number } ไม่มีเลขตรวจสอบ: เติมต่อจากตัวเลขแปดหลัก ซึ่งควรเป็น { $expected } ({ $corrected }) แต่ควรคัดลอกจากป้ายเพื่อความแน่นอน
invalid-s10_check_digit_letter = เลขตรวจสอบของ { $number } คือ '{ $character }' แต่ต้องเป็นตัวเลข (ในที่นี้คือ { $expected }): อ่านหมายเลขใหม่จากป้าย
invalid-s10_check_digit = เลขตรวจสอบคือ { $given } แต่สำหรับ { $number } ควรเป็น { $expected }: อ่านหมายเลขใหม่จากป้าย
valid-s10_check_digit = เลขตรวจสอบ S10 ของ UPU { $digit } ถูกต้อง
## UN/LOCODEs, countries and currencies.
invalid-locode_empty = กรอก UN/LOCODE: รหัสประเทศและอักขระสามตัว เช่น THLCH สำหรับแหลมฉบัง
invalid-locode_not_plain = อักขระตัวที่ { $position } ของ UN/LOCODE คือ { $character } ซึ่งไม่ใช่ตัวอักษร A-Z หรือตัวเลขธรรมดา: พิมพ์รหัสใหม่ (อาจวางตัวอักษรที่หน้าตาคล้ายกันจากอักษรอื่นหรืออักขระที่มองไม่เห็นเข้ามา)
invalid-locode_length = UN/LOCODE มี 5 อักขระ (รหัสประเทศ 2 ตัว สถานที่ 3 ตัว เช่น THLCH) แต่ { $code } มี { $length } อักขระ: ตรวจดูว่าขาดหรือเกินไปหนึ่งตัวหรือไม่
invalid-locode_country_letters = UN/LOCODE ขึ้นต้นด้วยรหัสประเทศตัวอักษรสองตัว แต่ { $code } ขึ้นต้นด้วย '{ $country }': เช่น TH ใน THLCH
invalid-locode_country_unassigned = { $code } ขึ้นต้นด้วย '{ $country }' ซึ่งไม่ใช่รหัสประเทศ ISO 3166 ที่กำหนดไว้: ตรวจสอบตัวอักษรสองตัวแรก
invalid-locode_country_uk = { $code } ขึ้นต้นด้วย '{ $country }' ซึ่งไม่ใช่รหัสประเทศ ISO 3166 ที่กำหนดไว้: ตรวจสอบตัวอักษรสองตัวแรก (สหราชอาณาจักรคือ GB)
invalid-locode_zero_one = UN/LOCODE ไม่ใช้ตัวเลข 0 หรือ 1 แต่ { $code } มี '{ $digit }': น่าจะเป็นตัวอักษร { $letter }
invalid-locode_place = อักขระสามตัวท้ายของ UN/LOCODE เป็นตัวอักษร A-Z หรือตัวเลข 2-9 แต่ { $code } มี '{ $character }': ตรวจสอบรหัส เช่น THLCH
invalid-country_empty = กรอกประเทศเป็นรหัส ISO ตัวอักษรสองตัว เช่น TH สำหรับประเทศไทย
invalid-country_shape = รหัสประเทศเป็นตัวอักษรสองตัว (ISO 3166) เช่น TH สำหรับประเทศไทย แต่ '{ $text }' ไม่ใช่: ใช้รหัส ไม่ใช่ชื่อประเทศ
invalid-country_unassigned = { $code } ไม่ใช่รหัสประเทศ ISO 3166 ที่กำหนดไว้: ตรวจสอบการสะกด
invalid-country_uk = { $code } ไม่ใช่รหัสประเทศ ISO 3166 ที่กำหนดไว้: ตรวจสอบการสะกด (สหราชอาณาจักรคือ GB)
invalid-birth_year_shape = ปีเกิดเป็นตัวเลขสี่หลัก เช่น { $example } แต่ '{ $text }' ไม่ใช่: พิมพ์เฉพาะปี
invalid-birth_year_range = { $text } ไม่ใช่ปีเกิดที่แอปรับได้: ระบุปีตั้งแต่ { $from } ถึง { $to }
invalid-currency_empty = กรอกสกุลเงินเป็นรหัสตัวอักษรสามตัว เช่น USD หรือ THB
invalid-currency_shape = สกุลเงินเป็นรหัสตัวอักษรสามตัว เช่น USD, EUR หรือ THB แต่ '{ $text }' ไม่ใช่: ใช้รหัส ไม่ใช่สัญลักษณ์หรือชื่อ

## HS codes.
invalid-hs_empty = กรอกพิกัดศุลกากร: อย่างน้อย 6 หลัก เช่น 2805.30
invalid-hs_character = พิกัดศุลกากรมีแต่ตัวเลข (ใส่จุดและเว้นวรรคได้) แต่ '{ $text }' มี '{ $character }': เช่น 2805.30
invalid-hs_chapter_00 = { $digits } ไม่ใช่พิกัดศุลกากรที่ถูกต้อง: ไม่มีตอนที่ 00 ให้ระบุพิกัดของสินค้า ตอนที่ 01 ถึง 97
invalid-hs_chapter_77 = { $digits } ไม่ใช่พิกัดศุลกากรที่ถูกต้อง: ตอนที่ 77 สงวนไว้ใช้ในอนาคตและไม่มีสินค้าใด ให้ระบุพิกัดของสินค้า ตอนที่ 01 ถึง 97
invalid-hs_chapter_national = { $digits } ไม่ใช่พิกัดศุลกากรที่ถูกต้อง: ตอนที่ 98 และ 99 ใช้ภายในแต่ละประเทศ ไม่ใช่ระบบฮาร์โมไนซ์สากล ให้ระบุพิกัดของสินค้า ตอนที่ 01 ถึง 97
invalid-hs_heading_alone = { $digits } เป็นเพียงประเภท (4 หลัก) ซึ่งไม่พอ: ระบุ 6 หลัก เช่น { $digits }.30
invalid-hs_too_short = พิกัดศุลกากรมีอย่างน้อย 6 หลัก แต่ { $digits } มี { $length } หลัก: ระบุ 6 หลัก เช่น 2805.30
invalid-hs_too_long = พิกัดศุลกากรมีไม่เกิน 10 หลัก แต่ { $digits } มี { $length } หลัก: ตรวจดูว่ามีตัวเลขเกินหรือไม่
valid-hs_watched = อยู่ในรายการเฝ้าระวังสินค้าควบคุม: { $material }

## Weights, quantities and amounts. `$number` is the number as typed; `$example` an example as
## the person writes numbers.
invalid-weight_empty = กรอกน้ำหนักพร้อมหน่วย เช่น 1250 kg
invalid-weight_no_unit = ระบุหน่วย: kg, g, t หรือ lb เช่น 1250 kg
invalid-weight_no_number = ระบุตัวเลขก่อนหน่วย เช่น 1250 kg
invalid-weight_unit = '{ $unit }' ไม่ใช่หน่วยน้ำหนัก: ใช้ kg, g, t หรือ lb เช่น 1250 kg
invalid-weight_negative = น้ำหนักติดลบไม่ได้: กรอกน้ำหนักโดยไม่มีเครื่องหมายลบ
invalid-weight_implausible = { $weight } เกินหนึ่งล้านตัน ซึ่งเป็นไปไม่ได้สำหรับสินค้าหนึ่งรายการ: ตรวจสอบตัวเลขและหน่วย
invalid-quantity_empty = กรอกปริมาณพร้อมหน่วย เช่น 1200 pcs หรือ 40 กล่อง
invalid-quantity_no_unit = ระบุหน่วยหลังตัวเลข เช่น 1200 pcs หรือ 40 กล่อง
invalid-quantity_no_number = ระบุตัวเลขก่อนหน่วย เช่น 1200 pcs หรือ 40 กล่อง
invalid-quantity_unit = หน่วยต้องเป็นคำเดียว ไม่เกิน 20 ตัวอักษร เช่น pcs หรือ กล่อง แต่ '{ $unit }' ไม่ใช่: ใส่รายละเอียดอื่นไว้ในคำอธิบาย
invalid-quantity_negative = ปริมาณติดลบไม่ได้: กรอกจำนวนโดยไม่มีเครื่องหมายลบ
invalid-mass_percent_negative = สัดส่วนโดยมวลติดลบไม่ได้: กรอกร้อยละที่เครื่องวิเคราะห์แสดง ตั้งแต่ 0 ถึง 100
invalid-mass_percent_over = '{ $number }' มากกว่า 100 %: กรอกสัดส่วนของธาตุในตัวอย่างเป็นร้อยละ ตั้งแต่ 0 ถึง 100
invalid-mass_percent_decimals = '{ $number }' มีทศนิยมเกิน 4 ตำแหน่ง: ปัดเป็น 4 ตำแหน่ง เช่น { $example }
invalid-mass_percent_not_detected = '{ $text }' หมายถึงตรวจไม่พบธาตุนี้: เว้นช่องร้อยละโดยมวลว่างไว้ หรือถอนผลการวัดนี้
invalid-money_empty = กรอกจำนวนเงินพร้อมรหัสสกุลเงิน เช่น 12000 USD
invalid-money_symbol = ระบุสกุลเงินเป็นรหัสตัวอักษรสามตัว ไม่ใช่สัญลักษณ์ เช่น 12000 USD
invalid-money_no_currency = ระบุสกุลเงินเป็นรหัสตัวอักษรสามตัว เช่น 12000 USD
invalid-money_no_amount = ระบุจำนวนเงินด้วย เช่น 12000 USD
invalid-money_negative = จำนวนเงินติดลบไม่ได้: กรอกโดยไม่มีเครื่องหมายลบ
invalid-money_cents = { $amount } มีทศนิยมเกินสองตำแหน่ง: ปัดเป็นสตางค์ เช่น { $example }
invalid-number_point = '{ $number }' ไม่ใช่ตัวเลข: ใช้ตัวเลขและจุดทศนิยมไม่เกินหนึ่งจุด เช่น { $example }
invalid-number_comma = '{ $number }' ไม่ใช่ตัวเลข: ใช้ตัวเลขและจุลภาคทศนิยมไม่เกินหนึ่งตัว เช่น { $example }
invalid-number_decimal_comma = '{ $number }' ไม่ใช่ตัวเลข: ที่นี่จุดเป็นจุดทศนิยมและจุลภาคใช้คั่นหลักพัน ดังนั้นสำหรับ { $plain } ให้เขียน { $plain }
invalid-number_decimal_comma_grouped = '{ $number }' ไม่ใช่ตัวเลข: ที่นี่จุดเป็นจุดทศนิยมและจุลภาคใช้คั่นหลักพัน ดังนั้นสำหรับ { $plain } ให้เขียน { $plain } หรือ { $grouped }
invalid-number_two_ways = '{ $number }' อาจเป็น { $thousands } หรือ { $decimal }: เขียน { $thousands } โดยไม่มีเครื่องหมายคั่นหลักพัน หรือ { $decimal } โดยใช้จุลภาคทศนิยม

## Dates and times. `$text` is what was typed; years are shown as typed, in the person's era.
invalid-date_empty = กรอกวันที่เป็น YYYY-MM-DD เช่น { $year }-11-28
invalid-date_empty_day_first = กรอกวันที่เป็น DD/MM/YYYY เช่น 28/11/{ $year }
invalid-date_form = '{ $text }' ไม่อยู่ในรูปแบบ YYYY-MM-DD (ตามด้วย HH:MM หากมีเวลา): เช่น { $year }-11-28 หรือ { $year }-11-28 14:05
invalid-date_form_day_first = '{ $text }' ไม่อยู่ในรูปแบบ DD/MM/YYYY หรือ YYYY-MM-DD (ตามด้วย HH:MM หากมีเวลา): เช่น 28/11/{ $year } หรือ 28/11/{ $year } 14:05
invalid-date_form_ideographic = '{ $text }' ไม่อยู่ในรูปแบบ YYYY-MM-DD หรือ YYYY年MM月DD日 (ตามด้วย HH:MM หากมีเวลา): เช่น { $year }-11-28 หรือ { $year }年11月28日 14:05
invalid-date_order = '{ $text }' ไม่ได้ขึ้นต้นด้วยปี: เขียนวันที่โดยให้ปีขึ้นก่อน เป็น YYYY-MM-DD เพื่อไม่ให้สับสนระหว่างวันกับเดือน: เช่น { $example }
invalid-date_order_both = '{ $text }' ไม่ได้ขึ้นต้นด้วยปี: เขียนวันที่โดยให้ปีขึ้นก่อน เป็น YYYY-MM-DD เพื่อไม่ให้สับสนระหว่างวันกับเดือน: เช่น { $day_first } สำหรับวันที่ { $day_first_day } { $day_first_month } หรือ { $month_first } สำหรับวันที่ { $month_first_day } { $month_first_month }
invalid-date_two_digit_year = '{ $text }' มีปีแค่สองหลัก: เขียนให้ครบสี่หลัก เช่น { $example }
invalid-date_buddhist_era = { $year } ดูเหมือนเป็นปีพุทธศักราช (พ.ศ. { $year } คือ ค.ศ. { $common_era }) แต่ที่นี่อ่านปีเป็นคริสต์ศักราช: เขียน { $common_era } เช่น { $example }
invalid-date_month = ไม่มีเดือนที่ { $month }: เดือนมีตั้งแต่ 01 ถึง 12 ({ $pattern })
invalid-date_day = { $date } ไม่ใช่วันที่ที่มีอยู่จริง: { $month } { $year } มี { $days } วัน
invalid-date_too_early = { $date } ก่อนปี 1990 ซึ่งเป็นไปไม่ได้ในที่นี้: ตรวจสอบปี
invalid-date_future = { $date } เป็นเวลาในอนาคต: ตรวจสอบวันที่และเวลา
invalid-date_not_a_day = '{ $text }' มีมากกว่าวันที่: ระบุเฉพาะวันที่ เช่น { $day }
invalid-date_year_range = ปี { $year } ไม่น่าจะถูกต้อง: ระบุปีตั้งแต่ { $from } ถึง { $to }
invalid-time_hour = ไม่มีชั่วโมงที่ { $hour }: ชั่วโมงมีตั้งแต่ 00 ถึง 23 (HH:MM)
invalid-time_minute = ไม่มีนาทีที่ { $minute }: นาทีมีตั้งแต่ 00 ถึง 59 (HH:MM)
invalid-time_second = ไม่มีวินาทีที่ { $second }: วินาทีมีตั้งแต่ 00 ถึง 59
month-january = มกราคม
month-february = กุมภาพันธ์
month-march = มีนาคม
month-april = เมษายน
month-may = พฤษภาคม
month-june = มิถุนายน
month-july = กรกฎาคม
month-august = สิงหาคม
month-september = กันยายน
month-october = ตุลาคม
month-november = พฤศจิกายน
month-december = ธันวาคม

## Free text.
invalid-text_control = ข้อความมีอักขระควบคุมที่มองไม่เห็น ({ $code }) ที่ตำแหน่ง { $position }: ลบออก เช่น พิมพ์ส่วนนั้นใหม่ (อนุญาตเฉพาะการขึ้นบรรทัดใหม่และแท็บ)
invalid-text_too_long = ข้อความยาว { $length } อักขระ แต่อนุญาตไม่เกิน { $max }: ตัดให้สั้นลง { $over } อักขระ

## Fields and code lists.
invalid-required = ต้องกรอก{ $field }
invalid-not_in_list = "{ $text }" ไม่อยู่ในรายการ: เลือกหนึ่งใน { $codes }
invalid-item_choice = เลือก{ $item }จากรายการ: ค่าที่ให้มาไม่ใช่รายการใดในนั้น
invalid-item_not_in_case = { $item }นั้นไม่อยู่ในคดีนี้หรือถูกถอนแล้ว: เลือกจากรายการ

## Filters of the case list.
invalid-filter_opened_from = เปิดตั้งแต่: '{ $text }' ไม่ใช่วันที่: ใช้ YYYY-MM-DD เช่น 2026-02-01
invalid-filter_opened_to = เปิดถึง: '{ $text }' ไม่ใช่วันที่: ใช้ YYYY-MM-DD เช่น 2026-02-01
invalid-filter_dates_swapped = วันเริ่ม ({ $from }) อยู่หลังวันสิ้นสุด ({ $to }): สลับกัน
invalid-filter_concealment = '{ $text }' ไม่ใช่วิธีการซุกซ่อน: เลือกหนึ่งใน { $codes }
invalid-filter_material = '{ $text }' ไม่ใช่ประเภทสินค้าควบคุม: เลือกหนึ่งใน { $codes }
invalid-filter_detection = '{ $text }' ไม่ใช่วิธีการตรวจพบ: เลือกหนึ่งใน { $codes }
invalid-filter_outcome = '{ $text }' ไม่ใช่ผลการดำเนินการ: เลือกหนึ่งใน { $codes }
invalid-filter_flag = '{ $text }' ไม่ใช่ข้อสังเกต: เลือกหนึ่งใน { $codes }

## Discrepancy flags: what the goods found, the route and the chain of custody say against the
## declaration. Weights are in kilograms, `$percent` and `$tolerance` in per cent.
discrepancy-controlled_undeclared = พบสินค้าควบคุม ({ $material }) แต่ไม่มีรายการที่สำแดงอยู่ในรายการเฝ้าระวัง
discrepancy-no_licence = { $name } (รายการ { $entry } ของบัญชีควบคุมฉบับที่ { $version }) สำแดงโดยไม่มีการบันทึกใบอนุญาตส่งออก: บันทึกใบอนุญาต หรือกักสินค้าไว้จนกว่าจะแสดงใบอนุญาต
discrepancy-licence_expired = ใบอนุญาตส่งออก { $licence } ใช้ได้ถึง { $until } ก่อนการตรวจเมื่อ { $inspected }
discrepancy-hs_heading_mismatch = ประเภทพิกัดที่พบ ({ $found }) ต่างจากประเภทพิกัดที่สำแดง ({ $declared })
discrepancy-weight = น้ำหนักที่พบ { $found } kg ต่างจากที่สำแดง { $declared } kg อยู่ { $percent }% (เกณฑ์ยอมรับ { $tolerance }%)
discrepancy-weight_none_declared = น้ำหนักที่พบ { $found } kg แต่น้ำหนักที่สำแดงคือ 0 kg
discrepancy-line_weight = น้ำหนักที่พบ { $found } กก. เทียบกับที่สำแดง { $declared } กก. ในรายการที่ { $line } ({ $description }): ต่างกัน { $percent }% (เกณฑ์ { $tolerance }%)
discrepancy-quantity = พบ { $found } { $unit } เทียบกับที่สำแดง { $declared }
discrepancy-line_quantity = พบ { $found } { $unit } เทียบกับที่สำแดง { $declared } ในรายการที่ { $line } ({ $description })
discrepancy-value = มูลค่าที่ประเมิน { $found } { $currency } เทียบกับที่สำแดง { $declared } { $currency }: ต่างกัน { $percent }% (เกณฑ์ { $tolerance }%)
discrepancy-line_value = มูลค่าที่ประเมิน { $found } { $currency } เทียบกับที่สำแดง { $declared } { $currency } ในรายการที่ { $line } ({ $description }): ต่างกัน { $percent }% (เกณฑ์ { $tolerance }%)
discrepancy-commingling = พบ{ $material } { $found } กก. ปะปนในรายการที่สำแดงที่ { $line } ({ $description }, { $declared } กก.)
discrepancy-commingling_found = พบ{ $material } { $found } กก. ปะปนในรายการที่สำแดงที่ { $line } ({ $description })
discrepancy-commingling_unweighed = พบ{ $material }ปะปนในรายการที่สำแดงที่ { $line } ({ $description })
discrepancy-analyser_controlled = เครื่องวิเคราะห์วัด { $symbol } ได้ { $percent } % ในตัวอย่างที่ { $sample } แต่สินค้าที่สำแดง ({ $hs } { $goods }) ไม่มี{ $element }
discrepancy-analyser_controlled_reading = เครื่องวิเคราะห์วัด { $symbol } ได้ { $percent } % ในผลการวัดที่ { $reading } (ไม่ได้ระบุตัวอย่าง) แต่สินค้าที่สำแดง ({ $hs } { $goods }) ไม่มี{ $element }
discrepancy-line_undescribed = ไม่มีรายละเอียด
discrepancy-origin_not_on_route = ประเทศต้นกำเนิดที่สำแดง { $origin } ไม่อยู่ในช่วงใดของเส้นทาง ({ $route })
discrepancy-origin_relabelled = ประเทศต้นกำเนิดที่สำแดงคือ { $declared } แต่เส้นทางพิสูจน์ได้ว่าคือ { $established } ({ $place })
discrepancy-undeclared_transshipment = สินค้าถูกถ่ายลำที่ { $place } ({ $country }) ซึ่งไม่ใช่ประเทศต้นกำเนิดที่สำแดงหรือประเทศปลายทาง และไม่มีช่วงใดของเส้นทางที่สำแดงผ่านประเทศนี้
discrepancy-custody_unheld = { $item } { $name }: ไม่มีบันทึกว่าผู้ใดครอบครอง
discrepancy-custody_handover = { $item } { $name }: { $holder } ครอบครองตั้งแต่ { $held_at } แต่ { $from } ส่งมอบให้ { $to } เมื่อ { $at }
