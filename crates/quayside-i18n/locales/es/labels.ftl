# Labels of the case model: sections, fields, event kinds, flags, roles, statuses, code lists,
# and the words of exports. In code a key is written with dots (`section.route`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Section headings.
section-case = Caso
section-declaration = Pedimento
section-transport = Transporte
section-units = Unidades de transporte
section-seals = Candados
section-route = Tramos de ruta
section-declared_lines = Partidas declaradas
section-goods_found = Mercancía encontrada
section-samples = Muestras
section-readings = Lecturas del analizador
section-concealments = Ocultamientos
section-detection = Detección
section-parties = Partes involucradas
section-outcome = Resultado
section-evidence = Indicios

## One item of a list section, followed by its number ("Seal 2").
item-units = Unidad
item-seals = Candado
item-route = Tramo
item-declared_lines = Partida declarada
item-goods_found = Mercancía encontrada
item-samples = Muestra
item-readings = Lectura
item-concealments = Ocultamiento
item-parties = Parte
item-evidence = Indicio

## Fields.
field-port = Puerto de inspección (UN/LOCODE)
field-location_type = Tipo de lugar
field-customs_procedure = Régimen aduanero
field-legal_basis = Fundamento legal
field-case_notes = Observaciones
field-declaration_number = Número de pedimento
field-transport_document = Conocimiento de embarque / guía aérea
field-declared_description = Descripción declarada
field-declared_hs_code = Fracción arancelaria declarada
field-declared_quantity = Cantidad declarada
field-declared_weight = Peso declarado
field-declared_value = Valor declarado
field-declared_origin = País de origen declarado
field-risk_lane = Semáforo fiscal
field-export_licence_number = Número de licencia de exportación
field-export_licence_authority = Licencia expedida por
field-export_licence_valid_until = Licencia válida hasta
field-transport_mode = Medio de transporte
field-vessel_name = Nombre del buque
field-imo_number = Número IMO
field-voyage = Viaje
field-container_number = Número de contenedor (ISO 6346)
field-size_type = Código de tamaño/tipo
field-unit_kind = Tipo de unidad
field-unit_number = Número de la unidad
field-seal_number = Número de candado
field-seal_state = Estado
field-seal_unit = En la unidad
field-leg_locode = Lugar (UN/LOCODE)
field-leg_role = Función
field-leg_basis = Declarado o comprobado
field-line_description = Descripción
field-line_hs_code = Fracción arancelaria
field-line_quantity = Cantidad
field-line_weight = Peso
field-line_value = Valor
field-goods_description = Descripción
field-goods_declared_line = Encontrado dentro o en lugar de
field-goods_unit = Encontrado en la unidad
field-goods_hs_code = Fracción arancelaria determinada
field-goods_material = Material controlado
field-goods_form = Forma
field-goods_quantity = Cantidad
field-goods_weight = Peso
field-goods_value = Valor estimado
field-goods_identified_by = Identificado mediante
field-goods_discrepancy = Discrepancia con el pedimento
field-sample_seal = Número de sello de la muestra
field-sample_method = Método
field-sample_taken_at = Fecha y hora de toma
field-sample_result = Resultado
field-reading_sample = Muestra
field-reading_instrument_make = Marca del equipo
field-reading_instrument_model = Modelo del equipo
field-reading_instrument_serial = Número de serie del equipo
field-reading_id = Número de lectura
field-reading_taken_at = Hora de la lectura
field-reading_element = Elemento
field-reading_mass_percent = % en masa
field-reading_uncertainty = Incertidumbre (±, % en masa)
field-concealment_method = Método
field-concealment_description = Cómo se ocultó
field-concealment_location = Ubicación en la unidad
field-concealment_unit = En la unidad
field-detection_methods = Métodos de detección
field-detection_notes = Observaciones de la detección
field-party_role = Carácter
field-party_kind = Persona física o moral
field-party_name = Nombre o razón social
field-party_identifier = Número de identificación o registro
field-party_country = País
field-party_nationality = Nacionalidad
field-party_birth_year = Año de nacimiento
field-party_gender = Sexo
field-party_address = Domicilio
field-party_phone = Teléfono
field-party_email = Correo electrónico
field-outcome_code = Resultado
field-shareable = Puede compartirse con autoridades asociadas
field-outcome_notes = Observaciones del resultado
field-evidence_number = Número de bolsa o sello
field-evidence_description = Descripción
field-evidence_quantity = Cantidad

## Event kinds, as the timeline heads each event.
event-case_opened = Caso abierto
event-field_set = Campo editado
event-item_added = Registro agregado
event-item_moved = Registro movido
event-item_withdrawn = Registro retirado
event-item_restored = Registro restablecido
event-photo_attached = Foto adjuntada
event-photo_caption_set = Pie de foto agregado
event-photo_excluded = Foto excluida
event-photo_annotated = Foto anotada
event-document_attached = Documento adjuntado
event-document_excluded = Documento excluido
event-status_set = Estado modificado
event-custody_transferred = Custodia transferida
event-review_submitted = Enviado a revisión
event-review_approved = Revisión aprobada
event-review_returned = Devuelto al inspector
event-case_closed = Caso cerrado
event-control_list_applied = Lista de control aplicada
event-entity_link_set = Vínculo entre entidades
event-unknown = Evento de una versión más reciente
event-undecodable = Evento ilegible

## Discrepancy flags.
flag-controlled_undeclared = Material controlado no declarado
flag-controlled_without_licence = Mercancía controlada sin licencia
flag-hs_heading_mismatch = Partida arancelaria distinta
flag-weight_discrepancy = Peso distinto
flag-quantity_discrepancy = Cantidad distinta
flag-value_discrepancy = Diferencia de valor
flag-commingling = Material controlado entre otras mercancías
flag-analyser_controlled = Elemento controlado leído por el analizador
flag-origin_not_on_route = Origen fuera de la ruta
flag-origin_relabelled = Origen reetiquetado
flag-undeclared_transshipment = Transbordo no declarado
flag-custody_break = Cadena de custodia interrumpida

## The role an author signs with.
role-inspector = Inspector
role-supervisor = Supervisor
role-admin = Administrador
role-analyst = Analista
role-other = Otra función

## A shipping document's type.
document_type-bill_of_lading = Conocimiento de embarque
document_type-commercial_invoice = Factura comercial
document_type-packing_list = Lista de empaque
document_type-certificate_of_origin = Certificado de origen
document_type-export_licence = Licencia de exportación
document_type-other = Otro documento

## Case status.
status-open = Abierto
status-closed = Cerrado
status-withdrawn = Retirado

## Review state, as the case list and queue show it.
review-not_submitted = No enviado
review-submitted = En espera de revisión
review-returned = Devuelto
review-approved = Aprobado
review-reopened = Modificado tras la aprobación

## Where a case stands: its status and review in one state, shown in the header, list, queue and exports.
state-draft = Borrador
state-submitted = En espera de revisión
state-returned = Devuelto
state-approved = Aprobado
state-reopened = Modificado tras la aprobación
state-closed = Cerrado
state-withdrawn = Retirado

## The words of timeline lines other than sections and fields.
change-case_number = Número de caso
change-status = Estado
change-review = Revisión
change-reason = Motivo del cambio
change-photo = Foto
change-document = Documento
change-caption = Pie de foto
change-custody = Custodia
change-conflict = conflicto: editado en otro lugar al mismo tiempo; se conservan ambos valores
change-conflict_settled = conflicto resuelto
change-acknowledged = Alerta reconocida
change-control_list = Lista de control
change-entity_link = Vínculo
change-annotation = Anotación
change-added = añadido
change-position = posición { $position }
change-entry = { $item } { $number }
change-withdrawn = retirado: { $reason }
change-restored = restablecido
change-control_list_version = versión { $version }
change-entity_same = { $key } es el mismo que { $other }
change-entity_not_same = { $key } no es { $other }
change-photo_attached = adjuntada (SHA-256 { $sha256 })
change-photo_excluded = excluida: { $reason }
change-annotation_text = Texto «{ $text }»
change-annotation_removed = eliminada
change-document_attached = adjuntado como { $type } (SHA-256 { $sha256 })
change-document_attached_number = adjuntado como { $type } n.º { $number } (SHA-256 { $sha256 })
change-document_excluded = excluido: { $reason }
change-status_reason = { $status } ({ $reason })
change-custody_to = a { $to }, en { $place }, { $at } ({ $condition })
change-review_submitted = enviado a revisión
change-review_submitted_comment = enviado a revisión ({ $comment })
change-review_returned = devuelto: { $comment }
change-review_approved = { $count ->
    [one] aprobado, cubre { $count } evento
   *[other] aprobado, cubre { $count } eventos
}
change-review_approved_comment = { $count ->
    [one] aprobado, cubre { $count } evento ({ $comment })
   *[other] aprobado, cubre { $count } eventos ({ $comment })
}
change-review_uncovered = { $count ->
    [one] { $count } cambio no cubierto la reabre
   *[other] { $count } cambios no cubiertos la reabren
}

## Code lists.
concealment-C1 = Declaración falsa
concealment-C2 = Mezclado con otra mercancía
concealment-C3 = Oculto en artículos o líquidos
concealment-C4 = Estructural
concealment-C5 = Documental
concealment-C6 = Fraccionamiento de envíos
detection-D1 = Perfil de riesgo (semáforo rojo)
detection-D2 = Inteligencia o alerta de autoridad asociada
detection-D3 = Selección aleatoria
detection-D4 = Discrepancia documental
detection-D5 = Rayos X o rayos gamma
detection-D6 = Reconocimiento físico
detection-D7 = Analizador portátil
detection-D8 = Portal de detección de radiación
detection-D9 = Auditoría posterior al despacho
detection-D10 = Operativo conjunto
outcome-O1 = Liberación sin irregularidades
outcome-O2 = Liberación tras rectificación o pago de contribuciones
outcome-O3 = Retención en espera de laboratorio o permiso
outcome-O4 = Embargo precautorio
outcome-O5 = Decomiso
outcome-O6 = Sanción administrativa
outcome-O7 = Denuncia penal
outcome-O8 = Retorno al extranjero
outcome-O9 = Destrucción
outcome-O10 = Entrega vigilada
material-rare_earth = Metales de tierras raras y sus compuestos
material-gallium_germanium = Galio, germanio
material-antimony = Antimonio
material-tungsten = Tungsteno
material-tellurium = Telurio y telururos
material-bismuth = Bismuto
material-molybdenum = Polvo de molibdeno
material-indium = Compuestos de indio
material-none = No es material controlado
## What each entry of the controlled-materials watchlist covers, by HS subheading: `watch.<hs prefix>`.
watch-280530 = Metales de tierras raras
watch-284610 = Compuestos de cerio
watch-284690 = Otros compuestos de tierras raras
watch-811292 = Galio, germanio: en bruto, polvo, desperdicios
watch-811299 = Galio, germanio: labrados
watch-282560 = Óxidos de germanio
watch-811010 = Antimonio: en bruto, polvo
watch-811020 = Desperdicios y desechos de antimonio
watch-811090 = Antimonio, los demás
watch-282580 = Óxidos de antimonio
watch-261710 = Minerales de antimonio
watch-810110 = Polvo de tungsteno
watch-810194 = Tungsteno en bruto
watch-810196 = Alambre de tungsteno
watch-810197 = Desperdicios y desechos de tungsteno
watch-810199 = Tungsteno, los demás
watch-261100 = Minerales de tungsteno
watch-284180 = Volframatos (tungstatos)
watch-2825901200 = Óxido de wolframio
watch-2825901910 = Óxido de wolframio (otros)
watch-2825901920 = Óxido de wolframio (otros)
watch-2849902000 = Carburo de wolframio
watch-3824999922 = Mezclas y blancos de tierras raras (samario y otras tierras raras medias o pesadas)
watch-8486909110 = Blancos de pulverización de samario
watch-2825909001 = Óxido de galio
watch-2850001901 = Nitruro de galio
watch-2853904030 = Fosfuro de galio
watch-2853909026 = Arseniuro de galio
watch-2853909029 = Antimoniuro de galio
watch-2842909024 = Seleniuro de galio
watch-2931900032 = Compuestos orgánicos de antimonio (trimetil, trietil antimonio)
watch-2850009020 = Hidruro de antimonio
## Declared goods of known composition, by HS heading or subheading: `composition.<hs prefix>`.
composition-381010 = pasta para soldar
composition-8001 = estaño en bruto
composition-8003 = barras, perfiles y alambre de estaño
composition-8007 = las demás manufacturas de estaño
composition-7403 = cobre refinado y aleaciones de cobre
composition-7901 = cinc en bruto
composition-7601 = aluminio en bruto
composition-7502 = níquel en bruto
composition-720221 = ferrosilicio
composition-720229 = los demás ferrosilicios
composition-6907 = baldosas cerámicas
composition-2603 = minerales de cobre y sus concentrados
composition-2201 = agua, incluida el agua mineral y la gaseada
form-ingot = Lingote
form-powder = Polvo
form-oxide = Óxido
form-alloy = Aleación
form-blend = Mezcla
form-ore = Mineral o concentrado
form-scrap = Desperdicio o chatarra
form-wire = Alambre o labrado
form-other = Otra
transport_mode-sea = Marítimo
transport_mode-air = Aéreo
transport_mode-road = Carretero
transport_mode-rail = Ferroviario
transport_mode-postal = Postal o mensajería
route_role-origin = Origen
route_role-loading = Carga
route_role-transshipment = Transbordo
route_role-transit = Tránsito
route_role-discharge = Descarga
route_role-destination = Destino
route_basis-declared = Declarado
route_basis-established = Comprobado
unit_kind-container = Contenedor
unit_kind-trailer = Remolque o camión
unit_kind-uld = Unidad de carga aérea (ULD)
unit_kind-postal = Envío postal
seal_state-intact = Intacto
seal_state-broken = Violado
sample_method-xrf = XRF portátil
sample_method-libs = LIBS portátil
sample_method-density = Prueba de densidad
sample_method-icp_ms = ICP-MS de laboratorio
sample_method-other = Otro método de laboratorio
party_role-shipper = Embarcador
party_role-consignee = Consignatario
party_role-declarant = Declarante
party_role-carrier = Transportista
party_role-driver = Conductor
party_role-other = Otro
party_kind-company = Persona moral
party_kind-person = Persona física
risk_lane-red = Rojo
risk_lane-yellow = Amarillo
risk_lane-green = Verde
risk_lane-blue = Azul
identified_by-visual = Examen visual
identified_by-analyser = Analizador portátil
identified_by-lab = Laboratorio
identified_by-documents = Documentos
yes_no-yes = Sí
yes_no-no = No
customs_procedure-export = Exportación
customs_procedure-import = Importación
customs_procedure-transit = Tránsito
location_type-seaport = Puerto marítimo
location_type-airport = Aeropuerto
location_type-land_border = Frontera terrestre
location_type-postal_centre = Centro postal o de mensajería
gender-female = Mujer
gender-male = Hombre
gender-unknown = No se sabe

## Spreadsheet exports: sheet names, and column headings that are no field, code or kind.
sheet-cases = Casos
sheet-totals = Totales
sheet-by_concealment = Por ocultamiento
sheet-by_material = Por material
sheet-by_outcome = Por resultado
sheet-by_detection = Por detección
sheet-by_month = Por mes
sheet-by_week = Por semana
sheet-routes = Rutas
column-opened_at = Fecha de apertura
column-opened_by = Abierto por
column-updated_at = Última actualización
column-flags = Alertas
column-events = Eventos
column-cases = Casos
column-seized_kg = Embargado (kg)
column-month = Mes
column-iso_week = Semana ISO
column-declared_kg = Peso declarado (kg)
column-found_kg = Peso encontrado (kg)
column-code = { $column } (código)
sheet-by_flag = Por alerta
cell-no_flag = Sin alerta
sheet-partner = Para organismos asociados
column-offenders = Infractores (función: nacionalidad, año de nacimiento, sexo)
cell-not_recorded = (sin registrar)

## Notes shown with a result.
export-personal_data = Este archivo contiene datos personales. Guárdelo en una unidad cifrada, compártalo solo con quienes estén autorizados y elimínelo cuando ya no sea necesario.
export-partner = Solo casos marcados "Se puede compartir con organismos asociados" y aprobados por un supervisor. Sin nombres, números de identidad, domicilios, funcionarios ni texto libre: los infractores figuran por función, nacionalidad, año de nacimiento y sexo.

## Hints shown beside a code list's entries.
hint-concealment-C1 = descripción falsa, fracción arancelaria falsa, cantidad declarada de menos, subvaluación
hint-concealment-C2 = mezclado en losetas cerámicas, chatarra o concentrado; aleado o recubierto
hint-concealment-C3 = maniquíes de plástico, agua embotellada, maquinaria, empaques con doble fondo
hint-concealment-C4 = paredes, piso o bastidor del contenedor o vehículo
hint-concealment-C5 = reetiquetado o reempacado, certificado de origen falso, transbordo, empresa fachada
hint-concealment-C6 = envíos postales, exprés o de mensajería
hint-detection-D7 = XRF, LIBS, densidad
hint-material-rare_earth = HS 2805.30, 2846.10, 2846.90
hint-material-gallium_germanium = HS 8112.92, 8112.99, 2825.60
hint-material-antimony = HS 8110.10, 8110.20, 8110.90, 2825.80, 2617.10
hint-material-tungsten = HS 8101.10-8101.99, 2611.00, 2841.80
hint-material-tellurium = HS 2804.50, 2842.90, 2852.10, 3818.00
hint-material-bismuth = HS 8106.10, 8106.90, 2841.90, 2931.90
hint-material-molybdenum = HS 8102.10
hint-material-indium = HS 2853.90, 2931.90
hint-route_basis-established = comprobado en la inspección
hint-unit_kind-uld = identificador ULD de IATA, p. ej. AKE12345CX
hint-unit_kind-postal = número S10 de la UPU, p. ej. RR123456785CN
hint-risk_lane-red = reconocimiento aduanero
hint-risk_lane-yellow = revisión documental
hint-risk_lane-green = sin revisión
hint-risk_lane-blue = auditoría posterior al despacho

## What to type, shown in an empty box.
input_hint-container = p. ej. CSQU 305438 3
input_hint-imo = 7 dígitos, p. ej. 9074729
input_hint-locode = p. ej. MXZLO
input_hint-country = dos letras, p. ej. MX
input_hint-hs_code = p. ej. 8101.94
input_hint-weight = p. ej. 1250 kg
input_hint-quantity = p. ej. 40 cajas
input_hint-money = p. ej. 12000 USD
input_hint-date_time = dd/mm/aaaa hh:mm, p. ej. 6/12/2026 14:05
input_hint-date = dd/mm/aaaa, p. ej. 31/12/2027
input_hint-mass_percent = p. ej. 38.25
input_hint-birth_year = cuatro dígitos, p. ej. 1975
## Elements an analyser reads, by symbol: `element.<symbol>`.
element-Ga = Galio
element-Ge = Germanio
element-Sb = Antimonio
element-W = Tungsteno
element-Sc = Escandio
element-Y = Itrio
element-La = Lantano
element-Ce = Cerio
element-Pr = Praseodimio
element-Nd = Neodimio
element-Pm = Prometio
element-Sm = Samario
element-Eu = Europio
element-Gd = Gadolinio
element-Tb = Terbio
element-Dy = Disprosio
element-Ho = Holmio
element-Er = Erbio
element-Tm = Tulio
element-Yb = Iterbio
element-Lu = Lutecio
element-Sn = Estaño
element-Pb = Plomo
element-Cu = Cobre
element-Zn = Zinc
element-Fe = Hierro
element-Ni = Níquel
element-Co = Cobalto
element-Ag = Plata
element-Bi = Bismuto
element-In = Indio
element-Si = Silicio
element-Al = Aluminio

## What an entity named in cases is
entity-company = Empresa
entity-person = Persona
entity-party_number = Número de registro o identificación
entity-container = Contenedor
entity-vessel = Buque
entity-transport_document = Conocimiento de embarque
entity-address = Domicilio
entity-phone = Teléfono
entity-email = Correo electrónico

## The marks drawn over a photo.
annotation-arrow = Flecha
annotation-box = Recuadro
annotation-freehand = Trazo a mano alzada
annotation-text = Texto
