# Why a value was refused (`invalid.*`), what a valid one was found to be (`valid.*`), and the
# details of discrepancy flags (`discrepancy.*`). Each says what is wrong and how to fix it.
# Variables hold what was typed or a code, shown as given; `$length`, `$count` and `$position`
# are numbers.

## Container numbers (ISO 6346).
invalid-container_empty = Enter the container number: 4 letters and 7 digits, e.g. CSQU3054383
invalid-container_length = A container number has 11 characters (4 letters, 7 digits, e.g. CSQU3054383) but { $number } has { $length }: check for a missing or extra character
invalid-container_not_plain = The container number has { $character } { $position ->
    [1] at the start
   *[other] at position { $position }, after { $before }
}, which is not a plain letter or digit: a container number has 4 letters A-Z and 7 digits, e.g. CSQU3054383
invalid-container_look_alike = The container number has { $character } { $position ->
    [1] at the start
   *[other] at position { $position }, after { $before }
}: it looks like { $plain } but is a letter of another alphabet; type { $plain } in its place
invalid-container_invisible = The container number has an invisible character, { $character }, { $position ->
    [1] at the start
   *[other] at position { $position }, after { $before }
}: delete it and check the number (it came with text copied from elsewhere)
invalid-container_owner = The owner code '{ $owner }' of { $number } must be three letters: check for a digit read in place of a letter, e.g. 0 for O
invalid-container_category = The fourth character of { $number } is '{ $character }' but must be U, J or Z (the equipment category): re-read it on the container door
invalid-container_serial = The serial number '{ $serial }' of { $number } must be six digits: check for a letter read in place of a digit, e.g. O for 0
invalid-container_no_check_digit = { $number } has no check digit: add the check digit: it should be { $expected } ({ $number }{ $expected }), but copy it from the container door to be sure
invalid-container_check_digit_letter = The last character of { $number } is '{ $character }' but must be a digit (the check digit, here { $expected }): re-read the number on the container door
invalid-container_check_digit = Check digit is { $given } but should be { $expected } for { $number }: re-read the number on the container door
valid-container_check_digit = ISO 6346 check digit { $digit } is correct

## IMO ship numbers.
invalid-imo_empty = Enter the IMO number: 7 digits, e.g. IMO 9074729
invalid-imo_characters = An IMO number is 7 digits (optionally after 'IMO'), but '{ $text }' contains other characters: copy the digits from the ship's certificate, e.g. IMO 9074729
invalid-imo_length = An IMO number has 7 digits but { $digits } has { $length }: check for a missing or extra digit
invalid-imo_mmsi = An IMO number has 7 digits but { $digits } has { $length } (9 digits is an MMSI, the radio identity, not the IMO number): check for a missing or extra digit
invalid-imo_check_digit = Check digit is { $given } but should be { $expected } for IMO { $first_six }: re-read the IMO number on the ship's certificate or hull
valid-imo_check_digit = IMO check digit is correct

## Transport units: numbers by kind (IATA ULD, UPU S10; containers as above).
invalid-unit_kind_first = Choose the kind of unit first (container, trailer, ULD or postal item): its number is checked by its kind
invalid-unit_number_other_kind = { $number } is not a valid number for the kind chosen ({ $kind }): correct or clear the unit's number first, then change its kind
invalid-unit_number_not_plain = The number has { $character } as character { $position }, which is not a plain letter or digit: retype it with letters A-Z and digits 0-9
invalid-uld_length = A ULD number has 9 or 10 characters (3 letters, 4 or 5 digits and the 2-character airline code, e.g. AKE12345CX) but { $number } has { $length }: check for a missing or extra character
invalid-uld_type = The type code '{ $type }' of { $number } must be three letters, e.g. AKE: check for a digit read in place of a letter, e.g. 0 for O
invalid-uld_serial = The serial number '{ $serial }' of { $number } must be 4 or 5 digits: check for a letter read in place of a digit, e.g. O for 0
invalid-uld_owner = The airline code '{ $owner }' at the end of { $number } must be 2 letters, or a letter and a digit, e.g. CX: re-read the plate on the unit
invalid-s10_length = A postal item number has 13 characters (2 letters, 8 digits, a check digit and a 2-letter country code, e.g. RR123456785CN) but { $number } has { $length }: check for a missing or extra character
invalid-s10_service = The service code '{ $service }' at the start of { $number } must be two letters, e.g. RR: check for a digit read in place of a letter
invalid-s10_serial = The serial number '{ $serial }' of { $number } must be eight digits: check for a letter read in place of a digit, e.g. O for 0
invalid-s10_country = The country code '{ $country }' at the end of { $number } is not an ISO 3166 country: re-read the last two letters on the label
invalid-s10_no_check_digit = { $number } has no check digit: add it after the eight digits: it should be { $expected } ({ $corrected }), but copy it from the label to be sure
invalid-s10_check_digit_letter = The check digit of { $number } is '{ $character }' but must be a digit (here { $expected }): re-read the number on the label
invalid-s10_check_digit = Check digit is { $given } but should be { $expected } for { $number }: re-read the number on the label
valid-s10_check_digit = UPU S10 check digit { $digit } is correct
## UN/LOCODEs, countries and currencies.
invalid-locode_empty = Enter the UN/LOCODE: country code and three characters, e.g. NLRTM for Rotterdam
invalid-locode_not_plain = Character { $position } of the UN/LOCODE is { $character }, which is not a plain letter A-Z or digit: type the code again (a look-alike letter from another alphabet or an invisible character may have been pasted in)
invalid-locode_length = A UN/LOCODE has 5 characters (2-letter country, 3 for the place, e.g. NLRTM) but { $code } has { $length }: check for a missing or extra character
invalid-locode_country_letters = A UN/LOCODE starts with a two-letter country code, but { $code } starts with '{ $country }': e.g. NL in NLRTM
invalid-locode_country_unassigned = { $code } starts with '{ $country }', which is not an assigned ISO 3166 country code: check the first two letters
invalid-locode_country_uk = { $code } starts with '{ $country }', which is not an assigned ISO 3166 country code: check the first two letters (the United Kingdom is GB)
invalid-locode_zero_one = UN/LOCODEs never use the digits 0 or 1, but { $code } has '{ $digit }': it is probably the letter { $letter }
invalid-locode_place = The last three characters of a UN/LOCODE are letters A-Z or digits 2-9, but { $code } has '{ $character }': check the code, e.g. NLRTM
invalid-country_empty = Enter the country as its two-letter ISO code, e.g. TH for Thailand
invalid-country_shape = A country code is two letters (ISO 3166), e.g. TH for Thailand, but '{ $text }' is not: use the code, not the name
invalid-country_unassigned = { $code } is not an assigned ISO 3166 country code: check the spelling
invalid-country_uk = { $code } is not an assigned ISO 3166 country code: check the spelling (the United Kingdom is GB)
invalid-birth_year_shape = A year of birth is four digits, e.g. { $example }, but '{ $text }' is not: type the year alone
invalid-birth_year_range = { $text } is not a year of birth this app takes: give a year from { $from } to { $to }
invalid-currency_empty = Enter the currency as its three-letter code, e.g. USD or EUR
invalid-currency_shape = A currency is a three-letter code, e.g. USD, EUR or THB, but '{ $text }' is not: use the code, not a symbol or name

## HS codes.
invalid-hs_empty = Enter the HS code: at least 6 digits, e.g. 2805.30
invalid-hs_character = An HS code has digits only (dots and spaces are fine), but '{ $text }' contains '{ $character }': e.g. 2805.30
invalid-hs_chapter_00 = { $digits } is not a valid HS code: chapter 00 does not exist. Give the code of the goods, chapters 01 to 97
invalid-hs_chapter_77 = { $digits } is not a valid HS code: chapter 77 is reserved for future use and holds no goods. Give the code of the goods, chapters 01 to 97
invalid-hs_chapter_national = { $digits } is not a valid HS code: chapters 98 and 99 are for national use, not the international HS. Give the code of the goods, chapters 01 to 97
invalid-hs_heading_alone = { $digits } is a heading alone, which is not enough: give 6 digits, e.g. { $digits }.30
invalid-hs_too_short = An HS code has at least 6 digits but { $digits } has { $length }: give 6 digits, e.g. 2805.30
invalid-hs_too_long = An HS code has at most 10 digits but { $digits } has { $length }: check for extra digits
valid-hs_watched = On the controlled-materials watchlist: { $material }

## Weights, quantities and amounts. `$number` is the number as typed; `$example` an example as
## the person writes numbers.
invalid-weight_empty = Enter the weight with its unit, e.g. 1250 kg
invalid-weight_no_unit = Give a unit: kg, g, t or lb, e.g. 1250 kg
invalid-weight_no_number = Give the number before the unit, e.g. 1250 kg
invalid-weight_unit = '{ $unit }' is not a weight unit: use kg, g, t or lb, e.g. 1250 kg
invalid-weight_negative = Weight cannot be negative: give the weight without a minus sign
invalid-weight_implausible = { $weight } is more than a million tonnes, which is implausible for one consignment: check the number and the unit
invalid-quantity_empty = Enter the quantity with its unit, e.g. 1200 pcs or 40 cartons
invalid-quantity_no_unit = Give a unit after the number, e.g. 1200 pcs or 40 cartons
invalid-quantity_no_number = Give the number before the unit, e.g. 1200 pcs or 40 cartons
invalid-quantity_unit = The unit must be one word of up to 20 letters, e.g. pcs or cartons, but '{ $unit }' is not: put other details in the description
invalid-quantity_negative = A quantity cannot be negative: give the count without a minus sign
invalid-mass_percent_negative = A mass share cannot be negative: give the percentage the analyser shows, from 0 to 100
invalid-mass_percent_over = '{ $number }' is more than 100 %: give the element's share of the sample in per cent, from 0 to 100
invalid-mass_percent_decimals = '{ $number }' has more than 4 decimals: round it to 4, e.g. { $example }
invalid-mass_percent_not_detected = '{ $text }' means the element was not detected: leave the mass % empty, or withdraw this reading
invalid-money_empty = Enter the amount with its currency code, e.g. 12000 USD
invalid-money_symbol = Give the currency as a three-letter code, not a symbol, e.g. 12000 USD
invalid-money_no_currency = Give the currency as a three-letter code, e.g. 12000 USD
invalid-money_no_amount = Give the amount as well, e.g. 12000 USD
invalid-money_negative = The amount cannot be negative: give it without a minus sign
invalid-money_cents = { $amount } has more than two decimals: round it to cents, e.g. { $example }
invalid-number_point = '{ $number }' is not a number: write digits with at most one decimal point, e.g. { $example }
invalid-number_comma = '{ $number }' is not a number: write digits with at most one decimal comma, e.g. { $example }
invalid-number_decimal_comma = '{ $number }' is not a number: here the decimal mark is a point and a comma groups thousands, so for { $plain } write { $plain }
invalid-number_decimal_comma_grouped = '{ $number }' is not a number: here the decimal mark is a point and a comma groups thousands, so for { $plain } write { $plain } or { $grouped }
invalid-number_two_ways = '{ $number }' could be { $thousands } or { $decimal }: write { $thousands } without a thousands mark, or { $decimal } with a decimal comma

## Dates and times. `$text` is what was typed; years are shown as typed, in the person's era.
invalid-date_empty = Enter the date as YYYY-MM-DD, e.g. { $year }-11-28
invalid-date_empty_day_first = Enter the date as DD/MM/YYYY, e.g. 28/11/{ $year }
invalid-date_form = '{ $text }' is not in the form YYYY-MM-DD, with HH:MM after it for a time: e.g. { $year }-11-28 or { $year }-11-28 14:05
invalid-date_form_day_first = '{ $text }' is not in the form DD/MM/YYYY or YYYY-MM-DD, with HH:MM after it for a time: e.g. 28/11/{ $year } or 28/11/{ $year } 14:05
invalid-date_form_ideographic = '{ $text }' is not in the form YYYY-MM-DD or YYYY年MM月DD日, with HH:MM after it for a time: e.g. { $year }-11-28 or { $year }年11月28日 14:05
invalid-date_order = '{ $text }' does not start with the year: write dates year first, as YYYY-MM-DD, so the day and the month cannot be mixed up: e.g. { $example }
invalid-date_order_both = '{ $text }' does not start with the year: write dates year first, as YYYY-MM-DD, so the day and the month cannot be mixed up: e.g. { $day_first } for { $day_first_day } { $day_first_month }, or { $month_first } for { $month_first_month } { $month_first_day }
invalid-date_two_digit_year = '{ $text }' has a two-digit year: write all four digits, e.g. { $example }
invalid-date_buddhist_era = { $year } looks like a Buddhist-era year ({ $year } BE is { $common_era }), but years are read here as years of the Common Era: write { $common_era }, e.g. { $example }
invalid-date_month = Month { $month } does not exist: months go from 01 to 12 ({ $pattern })
invalid-date_day = { $date } is not a date: { $month } { $year } has { $days } days
invalid-date_too_early = { $date } is before 1990, which is implausible here: check the year
invalid-date_future = { $date } is in the future: check the date and time
invalid-date_not_a_day = '{ $text }' has more than a day: give the day alone, e.g. { $day }
invalid-date_year_range = The year { $year } is not a likely date here: give a year from { $from } to { $to }
invalid-time_hour = Hour { $hour } does not exist: hours go from 00 to 23 (HH:MM)
invalid-time_minute = Minute { $minute } does not exist: minutes go from 00 to 59 (HH:MM)
invalid-time_second = Second { $second } does not exist: seconds go from 00 to 59
month-january = January
month-february = February
month-march = March
month-april = April
month-may = May
month-june = June
month-july = July
month-august = August
month-september = September
month-october = October
month-november = November
month-december = December

## Free text.
invalid-text_control = The text has an invisible control character ({ $code }) at position { $position }: remove it, e.g. by retyping that part (only line breaks and tabs are allowed)
invalid-text_too_long = The text is { $length } characters long but at most { $max } are allowed: shorten it by { $over }

## Fields and code lists.
invalid-required = { $field } is required
invalid-not_in_list = "{ $text }" is not in the list: choose one of { $codes }
invalid-item_choice = Choose the { $item } from the list: the value given is not one of its entries
invalid-item_not_in_case = That { $item } is not in this case or has been withdrawn: choose one from the list

## Filters of the case list.
invalid-filter_opened_from = Opened from: '{ $text }' is not a date: use YYYY-MM-DD, e.g. 2026-02-01
invalid-filter_opened_to = Opened to: '{ $text }' is not a date: use YYYY-MM-DD, e.g. 2026-02-01
invalid-filter_dates_swapped = Opened from ({ $from }) is after opened to ({ $to }): swap them
invalid-filter_concealment = '{ $text }' is not a concealment method: choose one of { $codes }
invalid-filter_material = '{ $text }' is not a material: choose one of { $codes }
invalid-filter_detection = '{ $text }' is not a detection method: choose one of { $codes }
invalid-filter_outcome = '{ $text }' is not an outcome: choose one of { $codes }
invalid-filter_flag = '{ $text }' is not a flag: choose one of { $codes }

## Discrepancy flags: what the goods found, the route and the chain of custody say against the
## declaration. Weights are in kilograms, `$percent` and `$tolerance` in per cent.
discrepancy-controlled_undeclared = Controlled material found ({ $material }) but nothing declared is on the watchlist
discrepancy-no_licence = { $name } (entry { $entry } of control list { $version }) is declared with no export licence recorded: record the licence, or hold the goods until one is shown
discrepancy-licence_expired = Export licence { $licence } was valid until { $until }, before the inspection on { $inspected }
discrepancy-hs_heading_mismatch = HS heading found ({ $found }) differs from the declared heading ({ $declared })
discrepancy-weight = Weight found { $found } kg differs from declared { $declared } kg by { $percent }% (tolerance { $tolerance }%)
discrepancy-weight_none_declared = Weight found { $found } kg, but the declared weight is 0 kg
discrepancy-line_weight = Weight found { $found } kg against { $declared } kg declared on line { $line } ({ $description }): { $percent }% off (tolerance { $tolerance }%)
discrepancy-quantity = { $found } { $unit } found against { $declared } declared
discrepancy-line_quantity = { $found } { $unit } found against { $declared } declared on line { $line } ({ $description })
discrepancy-value = Value assessed { $found } { $currency } against { $declared } { $currency } declared: { $percent }% off (tolerance { $tolerance }%)
discrepancy-line_value = Value assessed { $found } { $currency } against { $declared } { $currency } declared on line { $line } ({ $description }): { $percent }% off (tolerance { $tolerance }%)
discrepancy-commingling = { $found } kg of { $material } found within declared line { $line } ({ $description }, { $declared } kg)
discrepancy-commingling_found = { $found } kg of { $material } found within declared line { $line } ({ $description })
discrepancy-commingling_unweighed = { $material } found within declared line { $line } ({ $description })
discrepancy-analyser_controlled = The analyser read { $percent } % { $symbol } in sample { $sample }; the declaration ({ $hs } { $goods }) contains no { $element }
discrepancy-analyser_controlled_reading = The analyser read { $percent } % { $symbol } in reading { $reading } (no sample named); the declaration ({ $hs } { $goods }) contains no { $element }
discrepancy-line_undescribed = not described
discrepancy-origin_not_on_route = Declared origin { $origin } is on no leg of the route ({ $route })
discrepancy-origin_relabelled = Declared origin { $declared }; route establishes { $established } ({ $place })
discrepancy-undeclared_transshipment = Goods were transshipped at { $place } ({ $country }): a country that is neither the declared origin nor the destination, and no declared leg of the route passes through it
discrepancy-custody_unheld = { $item } { $name }: nobody is recorded as holding it
discrepancy-custody_handover = { $item } { $name }: { $holder } held it from { $held_at }, but { $from } handed it to { $to } at { $at }
