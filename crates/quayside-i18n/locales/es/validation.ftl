# Why a value was refused (`invalid.*`), what a valid one was found to be (`valid.*`), and the
# details of discrepancy flags (`discrepancy.*`). Each says what is wrong and how to fix it.
# Variables hold what was typed or a code, shown as given; `$length`, `$count` and `$position`
# are numbers.

## Container numbers (ISO 6346).
invalid-container_empty = Escriba el número de contenedor: 4 letras y 7 dígitos, p. ej. CSQU3054383
invalid-container_length = Un número de contenedor tiene 11 caracteres (4 letras y 7 dígitos, p. ej. CSQU3054383), pero { $number } tiene { $length }: revise si falta o sobra un carácter
invalid-container_not_plain = El número de contenedor tiene { $character } { $position ->
    [1] al principio
   *[other] en la posición { $position }, después de { $before }
}, que no es una letra ni un dígito simple: un número de contenedor tiene 4 letras de la A a la Z y 7 dígitos, p. ej. CSQU3054383
invalid-container_look_alike = El número de contenedor tiene { $character } { $position ->
    [1] al principio
   *[other] en la posición { $position }, después de { $before }
}: se parece a { $plain }, pero es una letra de otro alfabeto; escriba { $plain } en su lugar
invalid-container_invisible = El número de contenedor tiene un carácter invisible, { $character }, { $position ->
    [1] al principio
   *[other] en la posición { $position }, después de { $before }
}: bórrelo y revise el número (vino con texto copiado de otro lugar)
invalid-container_owner = El código de propietario '{ $owner }' de { $number } debe ser de tres letras: revise si leyó un dígito en lugar de una letra, p. ej. 0 por O
invalid-container_category = El cuarto carácter de { $number } es '{ $character }', pero debe ser U, J o Z (la categoría del equipo): vuelva a leerlo en la puerta del contenedor
invalid-container_serial = El número de serie '{ $serial }' de { $number } debe ser de seis dígitos: revise si leyó una letra en lugar de un dígito, p. ej. O por 0
invalid-container_no_check_digit = { $number } no tiene dígito verificador: agréguelo; debería ser { $expected } ({ $number }{ $expected }), pero cópielo de la puerta del contenedor para asegurarse
invalid-container_check_digit_letter = El último carácter de { $number } es '{ $character }', pero debe ser un dígito (el dígito verificador, aquí { $expected }): vuelva a leer el número en la puerta del contenedor
invalid-container_check_digit = El dígito verificador es { $given }, pero para { $number } debería ser { $expected }: vuelva a leer el número en la puerta del contenedor
valid-container_check_digit = El dígito verificador ISO 6346 { $digit } es correcto

## IMO ship numbers.
invalid-imo_empty = Escriba el número IMO: 7 dígitos, p. ej. IMO 9074729
invalid-imo_characters = Un número IMO tiene 7 dígitos (opcionalmente después de 'IMO'), pero '{ $text }' contiene otros caracteres: copie los dígitos del certificado del buque, p. ej. IMO 9074729
invalid-imo_length = Un número IMO tiene 7 dígitos, pero { $digits } tiene { $length }: revise si falta o sobra un dígito
invalid-imo_mmsi = Un número IMO tiene 7 dígitos, pero { $digits } tiene { $length } (9 dígitos es un MMSI, la identidad de radio, no el número IMO): revise si falta o sobra un dígito
invalid-imo_check_digit = El dígito verificador es { $given }, pero para IMO { $first_six } debería ser { $expected }: vuelva a leer el número IMO en el certificado o en el casco del buque
valid-imo_check_digit = El dígito verificador IMO es correcto

## Unidades de transporte: números según el tipo (ULD de IATA, S10 de la UPU; contenedores como arriba).
invalid-unit_kind_first = Elija primero el tipo de unidad (contenedor, remolque, ULD o envío postal): su número se verifica según el tipo
invalid-unit_number_other_kind = { $number } no es un número válido para el tipo elegido ({ $kind }): corrija o borre primero el número de la unidad y luego cambie el tipo
invalid-unit_number_not_plain = El número tiene { $character } como carácter { $position }, que no es una letra ni un dígito simple: vuelva a escribirlo con letras A-Z y dígitos 0-9
invalid-uld_length = Un número ULD tiene 9 o 10 caracteres (3 letras, 4 o 5 dígitos y el código de aerolínea de 2 caracteres, p. ej. AKE12345CX), pero { $number } tiene { $length }: revise si falta o sobra un carácter
invalid-uld_type = El código de tipo '{ $type }' de { $number } debe ser de tres letras, p. ej. AKE: revise si leyó un dígito en lugar de una letra, p. ej. 0 por O
invalid-uld_serial = El número de serie '{ $serial }' de { $number } debe ser de 4 o 5 dígitos: revise si leyó una letra en lugar de un dígito, p. ej. O por 0
invalid-uld_owner = El código de aerolínea '{ $owner }' al final de { $number } debe ser de 2 letras, o una letra y un dígito, p. ej. CX: vuelva a leer la placa de la unidad
invalid-s10_length = Un número de envío postal tiene 13 caracteres (2 letras, 8 dígitos, un dígito verificador y el código de país de 2 letras, p. ej. RR123456785CN), pero { $number } tiene { $length }: revise si falta o sobra un carácter
invalid-s10_service = El código de servicio '{ $service }' al inicio de { $number } debe ser de dos letras, p. ej. RR: revise si leyó un dígito en lugar de una letra
invalid-s10_serial = El número de serie '{ $serial }' de { $number } debe ser de ocho dígitos: revise si leyó una letra en lugar de un dígito, p. ej. O por 0
invalid-s10_country = El código de país '{ $country }' al final de { $number } no es un país de ISO 3166: vuelva a leer las dos últimas letras en la etiqueta
invalid-s10_no_check_digit = { $number } no tiene dígito verificador: agréguelo después de los ocho dígitos; debería ser { $expected } ({ $corrected }), pero cópielo de la etiqueta para asegurarse
invalid-s10_check_digit_letter = El dígito verificador de { $number } es '{ $character }', pero debe ser un dígito (aquí { $expected }): vuelva a leer el número en la etiqueta
invalid-s10_check_digit = El dígito verificador es { $given }, pero para { $number } debería ser { $expected }: vuelva a leer el número en la etiqueta
valid-s10_check_digit = El dígito verificador S10 de la UPU { $digit } es correcto
## UN/LOCODEs, countries and currencies.
invalid-locode_empty = Escriba el UN/LOCODE: el código del país y tres caracteres, p. ej. MXZLO para Manzanillo
invalid-locode_not_plain = El carácter { $position } del UN/LOCODE es { $character }, que no es una letra de la A a la Z ni un dígito simple: vuelva a escribir el código (puede haberse pegado una letra parecida de otro alfabeto o un carácter invisible)
invalid-locode_length = Un UN/LOCODE tiene 5 caracteres (2 del país y 3 del lugar, p. ej. MXZLO), pero { $code } tiene { $length }: revise si falta o sobra un carácter
invalid-locode_country_letters = Un UN/LOCODE empieza con un código de país de dos letras, pero { $code } empieza con '{ $country }': p. ej. MX en MXZLO
invalid-locode_country_unassigned = { $code } empieza con '{ $country }', que no es un código de país ISO 3166 asignado: revise las dos primeras letras
invalid-locode_country_uk = { $code } empieza con '{ $country }', que no es un código de país ISO 3166 asignado: revise las dos primeras letras (el Reino Unido es GB)
invalid-locode_zero_one = Los UN/LOCODE nunca usan los dígitos 0 ni 1, pero { $code } tiene '{ $digit }': probablemente es la letra { $letter }
invalid-locode_place = Los tres últimos caracteres de un UN/LOCODE son letras de la A a la Z o dígitos del 2 al 9, pero { $code } tiene '{ $character }': revise el código, p. ej. MXZLO
invalid-country_empty = Escriba el país con su código ISO de dos letras, p. ej. MX para México
invalid-country_shape = Un código de país tiene dos letras (ISO 3166), p. ej. MX para México, pero '{ $text }' no lo es: use el código, no el nombre
invalid-country_unassigned = { $code } no es un código de país ISO 3166 asignado: revise cómo está escrito
invalid-country_uk = { $code } no es un código de país ISO 3166 asignado: revise cómo está escrito (el Reino Unido es GB)
invalid-birth_year_shape = Un año de nacimiento tiene cuatro dígitos, p. ej. { $example }, pero '{ $text }' no: escriba solo el año
invalid-birth_year_range = { $text } no es un año de nacimiento que la aplicación acepte: indique un año de { $from } a { $to }
invalid-currency_empty = Escriba la moneda con su código de tres letras, p. ej. MXN o USD
invalid-currency_shape = Una moneda es un código de tres letras, p. ej. MXN, USD o EUR, pero '{ $text }' no lo es: use el código, no un símbolo ni un nombre

## HS codes.
invalid-hs_empty = Escriba la fracción arancelaria: al menos 6 dígitos, p. ej. 2805.30
invalid-hs_character = Una fracción arancelaria solo tiene dígitos (puntos y espacios se admiten), pero '{ $text }' contiene '{ $character }': p. ej. 2805.30
invalid-hs_chapter_00 = { $digits } no es una fracción arancelaria válida: el capítulo 00 no existe. Escriba la fracción de la mercancía, capítulos 01 a 97
invalid-hs_chapter_77 = { $digits } no es una fracción arancelaria válida: el capítulo 77 está reservado para uso futuro y no contiene mercancías. Escriba la fracción de la mercancía, capítulos 01 a 97
invalid-hs_chapter_national = { $digits } no es una fracción arancelaria válida: los capítulos 98 y 99 son de uso nacional, no del Sistema Armonizado internacional. Escriba la fracción de la mercancía, capítulos 01 a 97
invalid-hs_heading_alone = { $digits } es solo una partida, lo que no basta: escriba 6 dígitos, p. ej. { $digits }.30
invalid-hs_too_short = Una fracción arancelaria tiene al menos 6 dígitos, pero { $digits } tiene { $length }: escriba 6 dígitos, p. ej. 2805.30
invalid-hs_too_long = Una fracción arancelaria tiene como máximo 10 dígitos, pero { $digits } tiene { $length }: revise si sobran dígitos
valid-hs_watched = En la lista de vigilancia de materiales controlados: { $material }

## Weights, quantities and amounts. `$number` is the number as typed; `$example` an example as
## the person writes numbers.
invalid-weight_empty = Escriba el peso con su unidad, p. ej. 1250 kg
invalid-weight_no_unit = Indique una unidad: kg, g, t o lb, p. ej. 1250 kg
invalid-weight_no_number = Escriba el número antes de la unidad, p. ej. 1250 kg
invalid-weight_unit = '{ $unit }' no es una unidad de peso: use kg, g, t o lb, p. ej. 1250 kg
invalid-weight_negative = El peso no puede ser negativo: escríbalo sin signo de menos
invalid-weight_implausible = { $weight } es más de un millón de toneladas, lo que no es creíble para un solo embarque: revise el número y la unidad
invalid-quantity_empty = Escriba la cantidad con su unidad, p. ej. 1200 pzas o 40 cajas
invalid-quantity_no_unit = Indique una unidad después del número, p. ej. 1200 pzas o 40 cajas
invalid-quantity_no_number = Escriba el número antes de la unidad, p. ej. 1200 pzas o 40 cajas
invalid-quantity_unit = La unidad debe ser una sola palabra de hasta 20 letras, p. ej. pzas o cajas, pero '{ $unit }' no lo es: ponga los demás detalles en la descripción
invalid-quantity_negative = Una cantidad no puede ser negativa: escríbala sin signo de menos
invalid-mass_percent_negative = Una proporción en masa no puede ser negativa: escriba el porcentaje que muestra el analizador, de 0 a 100
invalid-mass_percent_over = '{ $number }' es más de 100 %: escriba la proporción del elemento en la muestra en por ciento, de 0 a 100
invalid-mass_percent_decimals = '{ $number }' tiene más de 4 decimales: redondee a 4, p. ej. { $example }
invalid-mass_percent_not_detected = '{ $text }' significa que el elemento no se detectó: deje vacío el % en masa o retire esta lectura
invalid-money_empty = Escriba el importe con el código de su moneda, p. ej. 12000 MXN
invalid-money_symbol = Indique la moneda con su código de tres letras, no con un símbolo, p. ej. 12000 MXN
invalid-money_no_currency = Indique la moneda con su código de tres letras, p. ej. 12000 MXN
invalid-money_no_amount = Escriba también el importe, p. ej. 12000 MXN
invalid-money_negative = El importe no puede ser negativo: escríbalo sin signo de menos
invalid-money_cents = { $amount } tiene más de dos decimales: redondee a centavos, p. ej. { $example }
invalid-number_point = '{ $number }' no es un número: escriba dígitos con un punto decimal como máximo, p. ej. { $example }
invalid-number_comma = '{ $number }' no es un número: escriba dígitos con una coma decimal como máximo, p. ej. { $example }
invalid-number_decimal_comma = '{ $number }' no es un número: aquí el separador decimal es el punto y la coma separa los miles, así que para { $plain } escriba { $plain }
invalid-number_decimal_comma_grouped = '{ $number }' no es un número: aquí el separador decimal es el punto y la coma separa los miles, así que para { $plain } escriba { $plain } o { $grouped }
invalid-number_two_ways = '{ $number }' puede ser { $thousands } o { $decimal }: escriba { $thousands } sin separador de miles, o { $decimal } con coma decimal

## Dates and times. `$text` is what was typed; years are shown as typed, in the person's era.
invalid-date_empty = Escriba la fecha como AAAA-MM-DD, p. ej. { $year }-11-28
invalid-date_empty_day_first = Escriba la fecha como DD/MM/AAAA, p. ej. 28/11/{ $year }
invalid-date_form = '{ $text }' no tiene la forma AAAA-MM-DD, con HH:MM después para la hora: p. ej. { $year }-11-28 o { $year }-11-28 14:05
invalid-date_form_day_first = '{ $text }' no tiene la forma DD/MM/AAAA ni AAAA-MM-DD, con HH:MM después para la hora: p. ej. 28/11/{ $year } o 28/11/{ $year } 14:05
invalid-date_form_ideographic = '{ $text }' no tiene la forma AAAA-MM-DD ni YYYY年MM月DD日, con HH:MM después para la hora: p. ej. { $year }-11-28 o { $year }年11月28日 14:05
invalid-date_order = '{ $text }' no empieza con el año: escriba las fechas con el año primero, como AAAA-MM-DD, para que el día y el mes no se confundan: p. ej. { $example }
invalid-date_order_both = '{ $text }' no empieza con el año: escriba las fechas con el año primero, como AAAA-MM-DD, para que el día y el mes no se confundan: p. ej. { $day_first } para el { $day_first_day } de { $day_first_month }, o { $month_first } para el { $month_first_day } de { $month_first_month }
invalid-date_two_digit_year = '{ $text }' tiene el año con dos dígitos: escriba los cuatro, p. ej. { $example }
invalid-date_buddhist_era = { $year } parece un año de la era budista ({ $year } EB es { $common_era }), pero aquí los años se leen de la era común: escriba { $common_era }, p. ej. { $example }
invalid-date_month = El mes { $month } no existe: los meses van del 01 al 12 ({ $pattern })
invalid-date_day = { $date } no es una fecha: { $month } de { $year } tiene { $days } días
invalid-date_too_early = { $date } es anterior a 1990, lo que no es creíble aquí: revise el año
invalid-date_future = { $date } está en el futuro: revise la fecha y la hora
invalid-date_not_a_day = '{ $text }' es más que un día: escriba solo el día, p. ej. { $day }
invalid-date_year_range = El año { $year } no es una fecha probable aquí: indique un año entre { $from } y { $to }
invalid-time_hour = La hora { $hour } no existe: las horas van de 00 a 23 (HH:MM)
invalid-time_minute = El minuto { $minute } no existe: los minutos van de 00 a 59 (HH:MM)
invalid-time_second = El segundo { $second } no existe: los segundos van de 00 a 59
month-january = enero
month-february = febrero
month-march = marzo
month-april = abril
month-may = mayo
month-june = junio
month-july = julio
month-august = agosto
month-september = septiembre
month-october = octubre
month-november = noviembre
month-december = diciembre

## Free text.
invalid-text_control = El texto tiene un carácter de control invisible ({ $code }) en la posición { $position }: quítelo, p. ej. volviendo a escribir esa parte (solo se admiten saltos de línea y tabuladores)
invalid-text_too_long = El texto tiene { $length } caracteres, pero se admiten { $max } como máximo: acórtelo en { $over }

## Fields and code lists.
invalid-required = { $field } es obligatorio
invalid-not_in_list = "{ $text }" no está en la lista: elija uno de { $codes }
invalid-item_choice = Elija la { $item } de la lista: el valor dado no es ninguna de sus entradas
invalid-item_not_in_case = Esa { $item } no está en este caso o fue retirada: elija una de la lista

## Filters of the case list.
invalid-filter_opened_from = Abierto desde: '{ $text }' no es una fecha: use AAAA-MM-DD, p. ej. 2026-02-01
invalid-filter_opened_to = Abierto hasta: '{ $text }' no es una fecha: use AAAA-MM-DD, p. ej. 2026-02-01
invalid-filter_dates_swapped = Abierto desde ({ $from }) es posterior a abierto hasta ({ $to }): inviértalas
invalid-filter_concealment = '{ $text }' no es un método de ocultamiento: elija uno de { $codes }
invalid-filter_material = '{ $text }' no es un material: elija uno de { $codes }
invalid-filter_detection = '{ $text }' no es un método de detección: elija uno de { $codes }
invalid-filter_outcome = '{ $text }' no es un resultado: elija uno de { $codes }
invalid-filter_flag = '{ $text }' no es una alerta: elija una de { $codes }

## Discrepancy flags: what the goods found, the route and the chain of custody say against the
## declaration. Weights are in kilograms, `$percent` and `$tolerance` in per cent.
discrepancy-controlled_undeclared = Se encontró material controlado ({ $material }), pero nada de lo declarado está en la lista de vigilancia
discrepancy-no_licence = { $name } (entrada { $entry } de la lista de control { $version }) se declaró sin licencia de exportación registrada: registre la licencia o retenga la mercancía hasta que se presente
discrepancy-licence_expired = La licencia de exportación { $licence } era válida hasta el { $until }, antes de la inspección del { $inspected }
discrepancy-hs_heading_mismatch = La partida encontrada ({ $found }) difiere de la partida declarada ({ $declared })
discrepancy-weight = El peso encontrado, { $found } kg, difiere del declarado, { $declared } kg, en { $percent } % (tolerancia { $tolerance } %)
discrepancy-weight_none_declared = Se encontraron { $found } kg, pero el peso declarado es 0 kg
discrepancy-line_weight = Peso encontrado { $found } kg frente a { $declared } kg declarados en la partida { $line } ({ $description }): { $percent } % de diferencia (tolerancia { $tolerance } %)
discrepancy-quantity = { $found } { $unit } encontrados frente a { $declared } declarados
discrepancy-line_quantity = { $found } { $unit } encontrados frente a { $declared } declarados en la partida { $line } ({ $description })
discrepancy-value = Valor estimado { $found } { $currency } frente a { $declared } { $currency } declarados: { $percent }% de diferencia (tolerancia { $tolerance }%)
discrepancy-line_value = Valor estimado { $found } { $currency } frente a { $declared } { $currency } declarados en la línea { $line } ({ $description }): { $percent }% de diferencia (tolerancia { $tolerance }%)
discrepancy-commingling = { $found } kg de { $material } encontrados dentro de la partida declarada { $line } ({ $description }, { $declared } kg)
discrepancy-commingling_found = { $found } kg de { $material } encontrados dentro de la partida declarada { $line } ({ $description })
discrepancy-commingling_unweighed = { $material } encontrado dentro de la partida declarada { $line } ({ $description })
discrepancy-analyser_controlled = El analizador leyó { $percent } % de { $symbol } en la muestra { $sample }; la declaración ({ $hs } { $goods }) no contiene { $element }
discrepancy-analyser_controlled_reading = El analizador leyó { $percent } % de { $symbol } en la lectura { $reading } (sin muestra indicada); la declaración ({ $hs } { $goods }) no contiene { $element }
discrepancy-line_undescribed = sin descripción
discrepancy-origin_not_on_route = El origen declarado, { $origin }, no está en ningún tramo de la ruta ({ $route })
discrepancy-origin_relabelled = Origen declarado { $declared }; la ruta establece { $established } ({ $place })
discrepancy-undeclared_transshipment = La mercancía se transbordó en { $place } ({ $country }): un país que no es el origen declarado ni el destino, y ningún tramo declarado de la ruta pasa por él
discrepancy-custody_unheld = { $item } { $name }: no consta que nadie lo tenga
discrepancy-custody_handover = { $item } { $name }: { $holder } lo tenía desde { $held_at }, pero { $from } lo entregó a { $to } el { $at }
