# The case screens: the case list and its filters, a case's form, conflicts, timeline, chain of
# custody, photos and exports.

## The case list.
cases-title = Casos
cases-export_csv = Exportar CSV
cases-export_xlsx = Exportar XLSX
cases-export_partner = Hoja para asociados (CSV)
cases-check_evidence = Verificar integridad
cases-checking = Verificando…
cases-new_case = Nuevo caso
cases-empty = Aún no hay casos: presione Nuevo caso (Ctrl+N).
cases-empty_filtered = Ningún caso coincide con estos filtros.
cases-column-case_number = Número de caso
cases-column-port = Puerto
cases-column-status = Estado
cases-column-container = Contenedor
cases-column-flags = Alertas
cases-column-opened = Apertura
cases-column-last_change = Último cambio
cases-pages = Páginas
cases-previous = ← Anterior
cases-next = Siguiente →
# The rows shown: "1–50 of 1,234".
cases-page_range = { $first }–{ $last } de { $total }
cases-page_none = Sin casos
# A page past the last one.
cases-page_beyond = Ninguno de { $total }
cases-port_placeholder = p. ej. MXZLO
cases-open_case = Abrir caso
cases-cancel = Cancelar

## The filters, on the case list and the statistics.
filter-label = Filtrar casos
filter-search = Buscar casos
filter-search_placeholder = Buscar números, candados, partes, notas…
filter-port = Puerto
filter-port_placeholder = MXZLO
filter-port_hint = Un UN/LOCODE: cinco letras, como MXZLO
filter-opened_from = Abierto desde
filter-opened_to = hasta
# A day as it is typed in this language; $example is today written so.
filter-day_placeholder = dd/mm/aaaa
filter-day_hint = Una fecha como dd/mm/aaaa, p. ej. { $example }
filter-status = Estado
filter-all = Todos
filter-concealment = Ocultamiento
filter-material = Material
filter-detection = Detección
filter-outcome = Resultado
filter-country = País en la ruta
filter-country_placeholder = CN
filter-country_hint = Dos letras (ISO 3166), como CN
filter-flag = Alerta
filter-flagged = Solo con alertas
filter-clear = Quitar filtros

## One case.
case-loading = Cargando…
case-back = Volver
case-opened = { $count ->
    [one] Abierto el { $date } por { $author } · { $count } cambio registrado
   *[other] Abierto el { $date } por { $author } · { $count } cambios registrados
}
case-withdraw_case = Retirar el caso…
case-reopen = Reabrir el caso
case-withdrawn_because = Retirado: { $reason }
case-why_withdrawn = ¿Por qué se retira el caso?
case-confirm = Confirmar
case-export_pdf = Exportar PDF
case-export_bundle = Exportar paquete de evidencias
case-export_bundle_title = Los eventos firmados del caso, sus fotos y las pruebas del servidor en un solo archivo que cualquiera puede verificar sin conexión con quayside-check
case-flags = Alertas de discrepancia
case-no_flags = Sin alertas de discrepancia
case-suggested_outcome = Los indicadores apuntan a: { $outcome } ({ $flags }). Es una sugerencia: la decisión es suya.
case-use_suggested_outcome = Registrar este resultado
case-control_list = Evaluado con la lista de control { $version }
case-control_list_apply = Usar la lista de control { $version }
case-sections = Secciones
case-timeline = Historial
# $item is one entry of the section, in lower case ("seal").
case-add_item = Agregar { $item }
# "Seal 2".
case-item_name = { $item } { $number }
case-item_withdrawn = Retiro de { $name }: { $reason }
case-move_up = Subir
case-move_down = Bajar
case-withdraw_start = Retirar…
case-withdraw_reason = Motivo (se conserva en el expediente)
case-withdraw = Retirar { $name }
case-seal_as_evidence = Sellar como indicio
case-conflicts = { $count ->
    [one] { $count } campo editado en dos dispositivos
   *[other] { $count } campos editados en dos dispositivos
}

## The case file's header, sections and entries, and the guide on a person's first cases.
# "Open · Not submitted": the case's status, then where it stands in review.
casefile-flags = { $count ->
    [0] Sin alertas
    [one] { $count } alerta
   *[other] { $count } alertas
}
# What a reviewer expects: how much of it is filled in.
casefile-filled = { $done } de { $total } llenos
casefile-go_missing = Ir a la primera sección a la que le falta algo
casefile-export = Exportar
casefile-export_pdf_hint = El expediente para imprimir o entregar, en su idioma
casefile-submit = Enviar
casefile-submit_title = Enviar { $number } a revisión
casefile-submit_complete = Todo lo que la revisión espera está lleno.
casefile-submit_missing = { $count ->
    [one] La revisión encontrará { $count } faltante:
   *[other] La revisión encontrará { $count } faltantes:
}
casefile-and_more = y { $count } más
casefile-submit_anyway = Enviar así
casefile-state_now = El caso ahora está: { $state }
casefile-submit_flags = Alertas abiertas: marque cada una para confirmar que la ha leído
casefile-submit_flags_left = { $count ->
    [one] Marque la alerta abierta para enviar
   *[other] Marque las { $count } alertas abiertas para enviar
}
casefile-missing_photo = Fotos: ninguna aún
casefile-missing_entry = { $section }: nada registrado aún
casefile-missing_holder = { $item }: no consta quién lo tiene
# "Goods found 2: Material".
casefile-missing_item_field = { $item }: { $field }
# "Quantity or Weight": either is enough.
casefile-either = { $first } o { $second }
casefile-progress = { $done } de { $total } llenos
casefile-progress_short = { $done }/{ $total }
casefile-complete = Completo
casefile-fold_all = Plegar todas las secciones
casefile-unfold_all = Desplegar todas las secciones
# "Party 2: Shipper": an entry's name and what tells it apart.
casefile-item_title = { $name }: { $detail }
casefile-entry_actions = Mover o retirar { $name }
casefile-no_entry = Nada registrado.
casefile-no_entry_expected = Nada registrado aún: la revisión espera al menos uno.
casefile-withdraw_question = ¿Retirar { $name }? Se conserva en el expediente, marcado como retirado, con su motivo.
casefile-entry_withdrawn = Se retiró { $name }.
casefile-entry_moved_up = Se subió { $name }.
casefile-entry_moved_down = Se bajó { $name }.
casefile-entry_moved_back = { $name } volvió a su lugar.
casefile-entry_restored = Se restableció { $name }.
casefile-undo = Deshacer
casefile-notice_close = Cerrar este aviso
casefile-restore = Restablecer { $name }
casefile-guide_title = Sus primeros expedientes de aseguramiento
casefile-guide_count = { $done } de { $total } listos
casefile-guide_intro = Un expediente de aseguramiento necesita lo siguiente. Cada punto se marca cuando la revisión lo encontraría completo; tóquelo para ir ahí.
casefile-guide_declaration = El pedimento: número, descripción, fracción arancelaria, cantidad o peso, origen
casefile-guide_goods_found = La mercancía encontrada: qué es, el material controlado, cuánto
casefile-guide_concealments = Cómo y dónde se ocultó la mercancía
casefile-guide_photos = Fotos de la mercancía, del ocultamiento y de los candados
casefile-guide_parties = Las partes: quién envió, recibió o declaró la mercancía, con su carácter y nombre
casefile-guide_outcome = El resultado, y si puede compartirse
casefile-guide_done = listo
casefile-guide_todo = pendiente
casefile-guide_hide = Ocultar esta guía

## A field of the case form.
form-personal = dato personal
form-personal_title = Datos personales: se excluyen de las estadísticas compartidas
form-saving = guardando…
form-draft = borrador, sin guardar
form-editing = editando
form-draft_restored = Borrador sin guardar recuperado
form-draft_restored_invalid = Borrador sin guardar recuperado: { $reason }
form-draft_restored_not_valid = Borrador sin guardar recuperado: no es válido
form-not_valid = No es válido
form-needs_reason = Aún sin guardar: indique arriba por qué modifica este caso y se guardará
form-not_saved = Aún sin guardar: { $reason }
form-expected = esperado
form-not_filled = sin llenar
form-entry_gone = una entrada retirada después

## A field edited on several devices at once.
conflict-label = Valores en conflicto
conflict-title = Editado en { $count ->
    [2] dos
    [3] tres
    [4] cuatro
    [5] cinco
   *[other] { $count }
    } dispositivos al mismo tiempo
conflict-empty = (vacío)
conflict-empty_value = vacío
conflict-shown = mostrado
conflict-keep = Conservar este
conflict-keep_value = Conservar este: { $value } ({ $author })

## The timeline.
timeline-author = { $author } ({ $role })
timeline-since_approval = Modificado tras la aprobación
timeline-refused = No aplicado: { $reason }
# A field's change: "Vessel name: MSC ANNA → MSC ANNA II".
timeline-change = { $label }: { $from } → { $to }
timeline-change_set = { $label }: { $to }
timeline-change_cleared = { $label }: { $from } → (borrado)

## The chain of custody of an evidence item or a sample.
custody-title = Cadena de custodia
custody-row = { $at } — { $from } → { $to }, { $place }, { $condition } (registró { $recorder })
custody-held_by = En poder de: { $holder }
custody-nobody = No consta quién lo tiene
custody-form_title = Registrar una entrega
custody-form_label = Registrar una entrega de { $name }
custody-from = Entregado por
custody-to = Recibido por
custody-place = Lugar
custody-at = Fecha y hora
custody-at_placeholder = aaaa-mm-dd hh:mm
custody-condition = Estado del candado y del embalaje
custody-condition_placeholder = p. ej. sello intacto
custody-save = Registrar entrega
custody-required = Llene este campo para registrar la entrega
custody-future = Es posterior a ahora: registre la entrega una vez hecha

## Photos.
photos-title = Fotos
photos-add = Agregar fotos
photos-drop = o suelte los archivos aquí
photos-pick_title = Elija las fotos que agregará al caso
photos-pick_filter = Fotos e imágenes de rayos X (JPEG, PNG, HEIC, TIFF, WebP)
photos-progress = { $done } de { $total }
photos-imported = { $total ->
    [one] { $imported } de { $total } archivo importado
   *[other] { $imported } de { $total } archivos importados
}
photos-imported_some = { $imported } de { $total } archivos importados, { $failed } sin importar
photos-attached = adjuntada
photos-already_attached = ya está en este caso
photos-with_note = { $outcome }; { $note }
photos-busy = sin importar: hay una importación en curso; agréguelo de nuevo cuando termine
# Sizes in megabytes.
photos-too_big = { $size } MB excede el límite de { $limit } MB: sin importar
photos-unreadable = No se pudo leer { $file } ({ $reason }): verifique que sea un archivo que usted puede abrir. No se guardó nada.
photos-excluded = Excluida: { $name }
photos-annotated = { $count ->
    [one] { $count } anotación
   *[other] { $count } anotaciones
}

## Shipping documents: the list, and the form that attaches a PDF or scan with its type and number.
documents-title = Documentos de embarque
documents-none = Aún no hay documentos de embarque adjuntos
documents-type = Tipo de documento
documents-number = Número
documents-number_optional = Número del documento (opcional)
documents-file = Archivo
documents-size = Tamaño
documents-actions = Acciones
documents-size_kb = { $size } KB
documents-size_mb = { $size } MB
documents-no_number = ninguno
documents-add = Adjuntar documento
documents-drop = o suelte aquí un PDF o escaneo (JPEG, PNG, TIFF; hasta 25 MB)
documents-pick_title = Elija los documentos de embarque que adjuntar al caso
documents-pick_filter = Documentos (PDF, JPEG, PNG, TIFF)
documents-attached = adjuntado
documents-already_attached = ya está en este caso
documents-too_big = { $size } MB supera el límite de { $limit } MB por documento: no se adjuntó. Escanéelo con menos resolución o divídalo.
documents-excluded = Excluido: { $reason }
documents-exclude = Excluir
documents-exclude_reason = Por qué se excluye este documento
documents-cancel = Cancelar
scan-label = Escanee un número de { $item } (lector o teclado, luego Intro)
scan-hint = Cada lectura añade una entrada con su número; la casilla queda lista para la siguiente.
scan-camera = Leer con la cámara
scan-added = Añadido: { $item } { $value }.
camera-open = Cámara
camera-title = Cámara: fotos para este caso
camera-choose = Cámara que usar
camera-take = Tomar foto
camera-taken = { $count ->
    [one] { $count } foto tomada
   *[other] { $count } fotos tomadas
}
camera-code_title = Cámara: leer un código
camera-code_hint = Mantenga el código de barras o QR quieto, ocupando un tercio de la imagen, y léalo.
camera-read = Leer código
camera-no_code = No se encontró ningún código en esa imagen: acérquelo o manténgalo más quieto y vuelva a leer.
camera-done = Listo
camera-starting = Iniciando la cámara…
camera-unavailable = No se pudo iniciar ninguna cámara ({ $detail }). Cierre esto e importe las fotos desde archivos.
camera-shot_saved = Foto { $number } guardada en el caso
camera-shot_failed = La foto { $number } no se guardó: { $reason }
camera-hint = Cada foto entra en el caso al tomarla, con la resolución completa de la cámara, registrada como tomada aquí en este dispositivo. Fotografíe la puerta, los precintos, la carga y el hallazgo uno tras otro.
viewer-label = Foto { $name }
viewer-close = Cerrar
viewer-excluded = Excluida: { $reason }
viewer-sha256 = SHA-256
viewer-size = Tamaño
viewer-size_value = { $bytes } bytes · { $type }
viewer-taken = Tomada
viewer-camera = Cámara
viewer-position = Ubicación
viewer-window = Niveles de gris
viewer-window_hint = Estreche los niveles para ver dentro de la carga densa; el original conserva todos los niveles.
viewer-window_low = Negro en el nivel { $level }
viewer-window_high = Blanco en el nivel { $level }
viewer-window_auto = Niveles automáticos
viewer-source = Origen
viewer-source_camera = Tomada con la cámara en Quayside en el dispositivo { $device }
viewer-source_file = Importada desde un archivo
viewer-attached = Adjuntada
viewer-attached_value = { $date } por { $author }
viewer-not_in_file = no consta en el archivo
viewer-caption = Pie de foto
viewer-exclude_start = Excluir del caso…
viewer-exclude_reason = ¿Por qué se excluye?
viewer-exclude = Excluir
viewer-fit = Ajustar a la ventana
viewer-full_size = Ver el original a tamaño completo
viewer-annotations = Anotaciones
viewer-annotations_shown = Mostrar anotaciones
viewer-annotation_tools = Dibujar sobre la foto
viewer-annotation_text = Texto a colocar
viewer-annotation_hint = Arrastre sobre la foto desde donde empieza hasta donde termina, o toque el inicio y luego el final.
viewer-annotation_hint_freehand = Dibuje sobre la foto con el dedo, un lápiz o el ratón.
viewer-annotation_hint_text = Escriba el texto y toque la foto donde debe ir.
viewer-annotation_area = Área de dibujo: las flechas mueven el punto, Intro lo coloca
viewer-annotation_keys = Con el teclado: vaya a la foto con Tab, mueva el punto con las flechas (Mayús: más lejos) y pulse Intro para colocarlo.
viewer-annotation_started = Inicio marcado: toque ahora donde termina.
viewer-annotations_none = No hay nada dibujado en esta foto. Dibujar sobre ella nunca cambia el original.
viewer-annotation_by = { $author }, { $date }
viewer-annotation_remove = Eliminar { $shape }

## An export's result.
export_result-busy = Exportando…
export_result-failed = No se exportó: { $reason }
# Followed by the file's path, then its size.
export_result-saved_to = Guardado en
export_result-bytes = ({ $bytes } bytes)
export_result-sha256 = SHA-256
export_result-close = Cerrar
export_result-show_in_folder = Mostrar en la carpeta
export_result-cancelled = No se guardó: el diálogo Guardar se cerró sin elegir un archivo

## A call the app did not answer.
ipc-no_answer = La aplicación no respondió: { $reason }
## Importar la exportación de un analizador (CSV) a las lecturas.
import_readings-title = Importar una exportación del analizador (CSV)
import_readings-choose = Elija el archivo CSV que exportó el analizador
import_readings-found = { $file }: { $count ->
    [one] 1 lectura
   *[other] { $count } lecturas
}. Revise qué contiene cada columna y luego importe.
import_readings-column = Columna
import_readings-holds = Contiene
import_readings-first_rows = Primeras filas
import_readings-not_read = No se lee
import_readings-role_reading_id = Número de lectura
import_readings-role_time = Fecha u hora
import_readings-role_instrument_serial = Número de serie del equipo
import_readings-role_instrument_make = Marca del equipo
import_readings-role_instrument_model = Modelo del equipo
import_readings-concentration = Concentraciones del archivo
import_readings-unit_percent = % en masa (modos de aleación)
import_readings-unit_ppm = ppm, partes por millón (se guardan en % en masa)
import_readings-role_element = { $label } (% en masa)
import_readings-role_uncertainty = { $label }, incertidumbre (±)
import_readings-sample = Muestra en la que se tomaron las lecturas
import_readings-no_sample = Agregue primero la muestra: cada lectura es de una muestra.
import_readings-element_twice = { $label } está elegido para dos columnas: elíjalo para una sola.
import_readings-no_element = Elija el elemento de al menos una columna.
import_readings-import = Importar lecturas
import_readings-cancel = Cancelar
import_readings-done = De { $total } filas: { $count ->
    [one] 1 lectura agregada.
   *[other] { $count } lecturas agregadas.
}
import_readings-not_detected = { $count ->
    [one] 1 valor no se detectó (<LOD, ND) y no agregó nada.
   *[other] { $count } valores no se detectaron (<LOD, ND) y no agregaron nada.
}
import_readings-bad_rows = Estas filas no se pueden leer, así que no se importó nada. Corrija el archivo o importe las demás filas y deje estas fuera:
import_readings-skip_bad = Importar las demás filas y dejar estas fuera

## Visto en otros casos: lo que este caso menciona y otros casos también.
related-title = Visto en otros casos
related-none = Nada de lo que menciona este caso aparece en otro caso de este dispositivo.
related-seen_in = { $count ->
    [0] En ningún otro caso
    [one] En 1 caso más
   *[other] En { $count } casos más
}
related-newest_of = Se muestran los { $shown } más recientes de { $count }.
related-through_link = vinculado por una persona
related-summary_only = resumen de otro puerto: no está en este dispositivo
related-elsewhere = { $count ->
    [one] Y en 1 caso de otro puerto (solo el número: ese puerto guarda el caso)
   *[other] Y en { $count } casos de otros puertos (solo el número: esos puertos guardan los casos)
}
related-elsewhere_offline = No se consultó a otros puertos: ahora no se puede llegar al servidor.
related-seized_warning = { $kind } { $name } figuró en una incautación cerrada.
related-show_cases = Ver los casos
related-badge = { $kind }: { $count ->
    [one] en 1 caso más
   *[other] en { $count } casos más
}
related-maybe_same = Quizá sea { $name } ({ $count ->
    [one] 1 caso
   *[other] { $count } casos
})
related-same = Es el mismo
related-not_same = No es el mismo
related-same_label = { $name } es el mismo que { $other }
related-not_same_label = { $name } no es { $other }

## La red de un caso: casos a dos entidades compartidas, y cómo se vinculan dos.
related-show_network = Ver la red de este caso
network-title = Red de { $case }
network-back = Volver al caso
network-opened_from = Abierto desde
network-opened_to = Abierto hasta
network-port = Puerto
network-summary = Casos: { $cases } · entidades compartidas: { $entities }. Los cuadrados son casos, los círculos entidades, una línea discontinua un vínculo hecho por una persona y un marco discontinuo un caso de otro puerto conocido por su resumen.
network-truncated = Más casos comparten estas entidades que los { $max } dibujados: acote las fechas o el puerto.
network-cases = Casos de esta red
network-none = Ningún otro caso está a dos entidades compartidas de este, en estas fechas y este puerto.
network-depth = { $depth ->
    [one] a 1 paso
   *[other] a { $depth } pasos
}
network-path_title = Cómo se vincula { $from } con { $to }
network-step = { $from } y { $to } mencionan ambos a { $name } ({ $kind }).
network-step_linked = { $from } menciona a { $name } ({ $kind }), que una persona vinculó con { $other }, mencionado por { $to }.
network-no_path = { $from } y { $to } no comparten nada en cuatro pasos.
network-open_case = Abrir { $case }
