# Errors the API answers with (`error.*`) and notices it gives (`notice.*`). Each says what is wrong
# and what to do. `$detail` is the English detail of an unexpected failure, shown as it is.

## The call itself: a bug in the caller, not the person's doing.
error-no_such_command = No existe el comando "{ $command }"
error-takes_no_file = { $command } no recibe archivos; solo attach_photo, attach_document, analyser_columns e import_readings los reciben
error-bad_arguments = argumentos incorrectos para { $command }: { $detail }
error-request_too_large = La solicitud tiene { $size } bytes; el límite es { $limit }
error-malformed_request = La aplicación envió una solicitud que Quayside no puede leer ({ $detail }): reinicie Quayside; si vuelve a ocurrir, repórtelo
error-data_dir_argument = --data-dir necesita una carpeta: --data-dir /ruta/a/la/carpeta
error-no_data_folder = Este sistema no tiene carpeta de datos de aplicaciones ({ $detail }): inicie Quayside con --data-dir
error-internal = Algo falló dentro de Quayside: { $detail }

## Cases and their entries.
error-no_such_case = No hay ningún caso { $id } en este dispositivo
error-no_such_entry = No hay ninguna entrada { $id } en este caso
error-no_such_entity = Ningún caso aquí menciona { $kind } «{ $key }»: vuelva a abrir el caso para ver lo que menciona ahora
error-entry_withdrawn = Esta entrada fue retirada: restablézcala para modificarla
error-entry_not_withdrawn = Esta entrada no está retirada: no hay nada que restablecer
error-entry_after_itself = Una entrada no puede ir después de sí misma: indique otra entrada de su lista, o ninguna para ponerla primero
error-case_withdrawn = Este caso fue retirado: vuelva a ponerlo en estado Abierto para editarlo
error-reason_empty = Indique un motivo: se conserva en el expediente
error-reason_too_long = El motivo es demasiado largo: { $max } caracteres como máximo
error-reason_required_submitted = Este caso se envió a revisión: indique por qué lo modifica. El motivo se guarda con cada cambio
error-reason_required_approved = Este caso fue aprobado: indique por qué lo modifica. El motivo se guarda con cada cambio, y el caso vuelve a revisión
error-role_unknown = No se reconoce su rol guardado: vuelva a iniciar sesión en el servidor de sincronización
error-field_needs_item = { $field } necesita una entrada
error-section_has_no_items = { $section } no tiene entradas
error-not_a_list = { $section } no es una lista
error-draft_too_long = Demasiado largo: { $max } caracteres como máximo
error-refused = Se rechazó el cambio: { $detail }

## Evidence items and handovers. `$box` is the name of a box of the handover form, below.
error-no_such_goods = No existe esa mercancía encontrada en este caso (retirada, o nunca agregada)
error-no_such_custody_item = No existe ese indicio ni esa muestra en este caso (retirado, o nunca agregado): una entrega se registra para un indicio o una muestra
error-handover_required = "{ $box }" es obligatorio para una entrega
error-handover_too_long = "{ $box }" tiene { $length } caracteres, pero se admiten { $max } como máximo: acórtelo
handover-from = Entregado por
handover-to = Recibido por
handover-place = Lugar
handover-condition = Estado del candado y del embalaje

## Review.
error-supervisor_only = Solo un supervisor puede aprobar, devolver o cerrar un caso: pida a uno que lo revise
error-already_waiting = Este caso ya está en espera de revisión
error-already_approved = Este caso está aprobado: cualquier cambio lo devuelve a revisión
error-control_list_current = Este caso ya se evalúa con la lista de control más reciente (versión { $version })
error-changed_while_reading = El caso cambió mientras lo leía: revise lo que cambió y vuelva a aprobarlo
error-four_eyes = Usted envió o modificó este caso desde su última aprobación: debe aprobarlo otro supervisor
error-return_comment = Indique qué debe corregir el inspector (hasta 1000 caracteres)
error-too_many_comments = Como máximo { $max } comentarios por sección
error-not_waiting = Este caso no está en espera de revisión: el inspector debe enviarlo primero
error-flags_not_acknowledged = { $count ->
    [one] Hay una alerta abierta sin reconocer: léala y márquela, y luego envíe
   *[other] Hay { $count } alertas abiertas sin reconocer: lea cada una y márquela, y luego envíe
}
error-close_not_approved = Solo se puede cerrar un caso aprobado; este está «{ $state }»: apruébelo primero
error-case_closed = Este caso está cerrado: ya no se puede modificar
error-close_is_a_step = Un caso se cierra con Cerrar caso una vez aprobado, no cambiando su estado

## Photos.
error-file_no_name = El archivo no tiene un nombre utilizable
error-no_such_photo = No existe esa foto en este caso
error-not_a_photo_hash = "{ $text }" no es un SHA-256 en hexadecimal
error-photo_already_excluded = Esta foto ya fue excluida
error-annotation_nothing = Nada que anotar: dibuje una marca o elija una anotación para eliminarla
error-annotation_off_photo = La marca queda fuera de la foto: dibújela dentro de la imagen
error-annotation_points = Un trazo a mano alzada necesita de 2 a { $limit } puntos: dibuje un trazo más largo o más corto
error-annotation_text = El texto de la anotación debe tener de 1 a { $limit } caracteres en una línea: escriba primero el texto
error-annotation_degenerate = Una flecha o un recuadro necesita dos puntos distintos: arrastre, o toque el inicio y luego el final
error-no_such_annotation = Esta anotación no existe en la foto: puede haberse eliminado en otro dispositivo
error-annotation_too_many = Esta foto ya tiene { $limit } anotaciones: elimine una antes de dibujar otra
error-photo_empty = { $file } está vacío (0 bytes), así que no es una foto. No se guardó nada; verifique que terminó de copiarse desde la cámara o la tarjeta.
error-bag_label_unreadable = No es una etiqueta de bolsa de Quayside ({ $detail }). Vuelva a escanear el código de la bolsa o escriba el texto impreso debajo.
error-bag_label_not_here = La bolsa pertenece al caso { $case }, que este dispositivo no tiene: sincronice o pregunte al puerto que lo abrió.
error-photo_not_an_image = { $file } no es una imagen JPEG, PNG, HEIC, TIFF ni WebP (su contenido es otra cosa, diga lo que diga su nombre). No se guardó nada; elija el archivo de la foto.
error-photo_too_large = { $file } tiene { $size } MB, más del límite de { $limit } MB por foto. No se guardó nada; verifique que es el archivo correcto (una foto de cámara es mucho más pequeña).
error-photo_too_many_pixels = { $file } declara { $width } x { $height } píxeles ({ $megapixels } megapíxeles), más del límite de { $limit } megapíxeles: está dañado o hecho para agotar la memoria. No se guardó nada.
error-photo_damaged = { $file } es una imagen { $format } dañada o incompleta ({ $detail }). No se guardó nada; vuelva a copiar la foto desde la cámara o la tarjeta.
error-photo_unreadable = No se pudo leer { $file } ({ $detail }). No se guardó nada; verifique que el archivo sigue existiendo y que puede abrirlo.
error-photo_missing = Falta el original de la foto { $sha256 } en el almacén. Restaure el almacén desde un respaldo, o vuelva a adjuntar la foto desde su origen.
error-photo_altered = El original de la foto { $sha256 } fue alterado: su contenido ahora tiene el hash { $actual }. Vuelva a adjuntar el original desde su origen (la copia alterada se aparta para examinarla) o restaure el almacén desde un respaldo.
error-photo_seal_broken = El original de la foto { $sha256 } no pasa la verificación de su sello: fue alterado, recortado o reemplazado por un archivo sellado en otro lugar o sin sellar. Vuelva a adjuntar el original desde su origen (la copia dañada se aparta para examinarla) o restaure el almacén desde un respaldo.
error-vault_wrong_key = El almacén de fotos está sellado con otra clave distinta de la dada: no se leyó ni se cambió nada. Desbloquee con la frase de contraseña o la clave de recuperación de este dispositivo.
error-vault = El almacén de fotos no pudo hacer esto: { $detail }

## Shipping documents.
error-no_such_document = No existe ese documento en este caso
error-document_already_excluded = Este documento ya fue excluido
error-document_empty = { $file } está vacío (0 bytes), así que no es un documento. No se guardó nada; verifique que terminó de guardarse o escanearse.
error-not_a_document = { $file } no es un archivo PDF, JPEG, PNG ni TIFF (su contenido es otra cosa, diga lo que diga su nombre). No se guardó nada; guarde o escanee el documento como PDF o imagen y adjunte ese archivo.
error-document_cut_short = { $file } es un PDF incompleto: no termina como termina un PDF. No se guardó nada; guarde o descargue de nuevo el documento y adjunte el archivo completo.
error-document_too_large = { $file } tiene { $size } MB, más del límite de { $limit } MB por documento. No se guardó nada; escanéelo con menos resolución o en blanco y negro, o divídalo en varios archivos.
notice-no_preview = No hay vista previa para este formato: el original se guarda y se calcula su hash sin cambios
notice-shown_as_rendering = Se muestra una representación, de 4096 píxeles por lado como máximo, con sus niveles de gris estirados del más oscuro al más claro: el original conserva todos los niveles y se guarda y se calcula su hash sin cambios
notice-format_not_shown = Este formato no se puede mostrar aquí: el original se guarda y se calcula su hash sin cambios
notice-photo_not_fetched = Adjuntada en otro dispositivo y aún no descargada: la próxima sincronización la trae del servidor
notice-photo_missing = Falta el original en el almacén
notice-photo_unreadable = No se puede leer el original: { $detail }
notice-photo_seal_broken = El sello del original está roto: fue alterado, recortado o reemplazado por otro archivo
notice-photo_altered = El original fue alterado: ahora tiene el hash { $actual } ({ $size } bytes, { $attached_size } al adjuntarlo)
notice-import_renamed = se llama .{ $extension } pero es una imagen { $format }: guardada como { $format }
notice-import_exif_partial = parte de los datos EXIF de la foto no se pudo leer: se conservó lo legible (hora, cámara, posición, orientación); compruebe la hora y el lugar de la toma
notice-import_heic = foto HEIC guardada y con hash calculado, se muestra sin miniatura: esta aplicación no decodifica HEIC
notice-import_unsupported = guardada y con hash calculado, se muestra sin miniatura: este { $format } usa una función que el decodificador no admite ({ $detail })
notice-import_too_large_to_preview = guardada y con hash calculado, pero demasiado grande para previsualizarla con seguridad (imagen { $format } de { $width } x { $height } píxeles): sin miniatura
notice-import_altered_set_aside = el almacén tenía una copia alterada con este hash: se trasladó a { $path } para su examen y el original se restauró a partir de estos bytes

## Exports and case-file bundles.
error-export_not_saved = No se pudo guardar la exportación en { $folder }: { $detail }. Verifique que la carpeta existe y que se puede escribir en ella
error-nothing_to_share = Ninguno de los { $listed } casos de la lista se puede compartir: un caso va a organismos asociados cuando "Se puede compartir con organismos asociados" es Sí en su resultado y un supervisor lo ha aprobado. No se exportó nada.
error-cannot_show_folder = Ningún administrador de archivos pudo mostrar la carpeta ({ $detail }). El archivo está en { $path }: ábralo desde allí
error-pdf_fonts = No se puede generar el PDF: { $detail }. Reinstale Quayside para restaurar sus fuentes
error-zoom_range = Elija un zoom de { $min } % a { $max } % (se pidió { $asked } %)
error-export_search = Borre la búsqueda antes de exportar para las agencias asociadas: una búsqueda puede nombrar a una persona, y la exportación no debe. Acote con los otros filtros
error-photo_not_here = La foto { $file } de este caso no está en este dispositivo ({ $detail }). Sincronice para traerla y vuelva a exportar el paquete
error-document_not_here = El documento { $file } de este caso no está en este dispositivo ({ $detail }). Sincronice para traerlo y vuelva a exportar el paquete
error-bundle_failed = No se pudo crear el paquete: { $detail }

## The case database and the disk.
error-store_busy = La base de datos de casos está ocupada: otra ventana o proceso de Quayside está escribiendo en ella. Ciérrelo e intente de nuevo
error-store_unavailable = No se puede usar la base de datos de casos en { $path }: { $detail }
error-store_wrong_key = La base de datos de casos en { $path } no abre con esta clave: pertenece a otras claves, o está dañada
error-store_unreadable = No se puede leer el almacén de casos { $path }: { $detail }
error-device_key = La clave del dispositivo en { $path } no se puede usar: { $detail }
error-key_file = No se puede usar el archivo de claves { $path }: { $detail }
error-disk_full = El disco está lleno: libere espacio e intente de nuevo. No se guardó nada
error-disk_read_only = La base de datos de casos es de solo lectura: verifique que se puede escribir en la carpeta de datos. No se guardó nada
error-disk_failed = El disco informó un error al guardar: no se guardó nada. Revise el disco e intente de nuevo
error-disk_cannot_open = No se puede abrir la base de datos de casos: verifique que la carpeta de datos existe y que se puede escribir en ella
error-disk_damaged = El archivo no es una base de datos de casos o está dañado: restaure la carpeta de datos desde un respaldo, o mueva el archivo para empezar una nueva
error-database = Error de la base de datos: { $detail }

## Locking, unlocking and the people of this device.
error-locked = Quayside está bloqueado: desbloquéelo con su frase de contraseña
error-wrong_passphrase = Esa frase de contraseña no desbloquea este dispositivo
error-passphrase_throttled = Demasiadas frases de contraseña incorrectas: intente de nuevo en { $seconds ->
    [one] 1 segundo
   *[other] { $seconds } segundos
}
error-wrong_recovery_key = Esa clave de recuperación no desbloquea este dispositivo
error-passphrase_too_short = Elija una frase de contraseña de al menos { $min } caracteres (esta tiene { $length }): unas cuantas palabras son más fáciles de escribir que símbolos
error-passphrase_blank = No se admite una frase de contraseña hecha solo de espacios
error-passphrase_in_use = Otra persona de este dispositivo ya usa esa frase de contraseña: elija otra
error-recovery_key_character = '{ $character }' no está en una clave de recuperación: solo tiene dígitos y las letras de la A a la Z sin I, L, O ni U
error-recovery_key_length = Una clave de recuperación tiene { $expected } caracteres en ocho grupos de cinco; esta tiene { $length }
error-recovery_key_typo = Esta clave de recuperación tiene un error de escritura: compare cada grupo con la copia escrita
error-person_exists = { $id } ya puede desbloquear este dispositivo
error-account_linked_already = Ya inició sesión con su cuenta del servidor en este dispositivo
error-recovery_key_not_yours = La clave de recuperación pertenece a la persona que configuró este dispositivo: solo ella puede crear una nueva
error-person_needs_account = Este dispositivo ha iniciado sesión en un servidor de sincronización: una persona nueva inicia sesión con su propia cuenta en él. Escriba su nombre de usuario en el servidor y su contraseña del servidor
error-account_on_device = { $name } ya puede desbloquear este dispositivo: lo desbloquea con su propia frase de contraseña
error-name_length = Escriba su nombre como debe aparecer en los expedientes (de 1 a { $max } caracteres)
error-person_not_stored = La persona que inició sesión no está en el almacén
error-already_set_up = Este dispositivo ya está configurado: desbloquéelo con su frase de contraseña
error-not_set_up = Este dispositivo aún no está configurado
error-system_login_unavailable = No se puede usar ahora el llavero de este equipo (no hay ninguno en marcha o siguió bloqueado). Desbloquee con su frase de contraseña
error-system_login_missing = El llavero de este equipo no guarda ninguna clave de este dispositivo (otro usuario del sistema, o se eliminó). Desbloquee con su frase de contraseña
error-system_login_off = Nadie abre este dispositivo con el inicio de sesión del sistema. Desbloquee con su frase de contraseña
error-system_login_after_start = El inicio de sesión del sistema abre Quayside solo al arrancar: una vez desbloqueado, un bloqueo pide una frase de contraseña
error-nobody_set_up = Nadie fue configurado en este dispositivo
error-idle_time = Elija un tiempo de inactividad de 1 a { $max } minutos
notice-locked_idle = Quayside se bloqueó solo tras un tiempo sin uso
notice-wiped = Este dispositivo fue borrado: sus datos ya no se pueden leer
notice-revoked_wiped = El servidor revocó este dispositivo, así que sus datos se destruyeron aquí. Los casos ya sincronizados están a salvo en el servidor: pida a su administrador que vuelva a registrar el dispositivo
notice-unreadable_data = { $path } no es una base de datos de casos que este dispositivo pueda leer: está cifrada y sus claves ya no existen, o es otro tipo de archivo

## Sync.
error-server_address_empty = Escriba la dirección del servidor de sincronización, p. ej. https://sync.customs.example:8640
error-sign_in_empty = Escriba el usuario y la contraseña que le dio el administrador
error-not_signed_in = Este dispositivo no ha iniciado sesión en un servidor de sincronización. Abra Configuración, escriba la dirección del servidor e inicie sesión.
error-offline = No se puede contactar con el servidor en { $server } ({ $detail }). El trabajo sigue sin conexión; la sincronización se reintenta sola.
error-bad_credentials = Usuario o contraseña incorrectos: revise ambos e intente de nuevo
error-too_many_sign_ins = Tras demasiadas contraseñas incorrectas, el servidor rechaza por ahora más inicios de sesión de este usuario: espere unos minutos e inténtelo de nuevo
error-server_busy = El servidor está ocupado con otros inicios de sesión: inténtelo de nuevo en unos segundos
error-sign_in_again = El servidor ya no acepta la sesión de este dispositivo (se cerró la sesión, no se usó durante demasiado tiempo o se cambió la cuenta): vuelva a iniciar sesión
error-server_refused = El servidor rechazó la solicitud (código { $code }). La sincronización se reintenta más tarde; si persiste, actualice la aplicación o avise a su administrador.
error-server_forbidden = El servidor lo rechazó: su cuenta no puede hacer esto. Pida a su administrador el rol o el puerto que necesita.
error-device_conflict = El servidor conoce este dispositivo con otra clave o con otro usuario, así que no puede registrarse de nuevo tal como está. Pida a su administrador que revoque el registro anterior y vuelva a iniciar sesión.
error-server_too_large = El servidor rechazó una solicitud por demasiado grande. La sincronización se reintenta en partes más pequeñas; si persiste, avise a su administrador.
error-server_failed = El servidor de sincronización falló por su parte. Aquí no se pierde nada; la sincronización se reintenta sola.
error-not_a_sync_server = El servidor en { $server } respondió HTTP { $status }: compruebe que es la dirección de un servidor de sincronización de Quayside.
error-chain_refused = El servidor no puede aceptar los cambios de este dispositivo desde el número { $seq }: { $why }. Se conservan aquí.
error-chain_refused_unknown = El servidor no puede aceptar los cambios de este dispositivo desde el número { $seq } ({ $detail }). Se conservan aquí; consulte a su administrador.
error-photo_upload_refused = La foto { $photo } no se subió: el servidor la rechazó (código { $code }). Se reintenta en la próxima sincronización.
error-photo_upload_unreadable = La foto { $photo } no se subió: su original no se puede leer en este dispositivo ({ $detail }). Ejecute la comprobación de pruebas.
error-photo_upload_failed = La foto { $photo } no se subió ({ $detail }). Se reintenta en la próxima sincronización; si persiste, avise a su administrador.
error-photo_not_uploaded_yet = La foto { $photo } aún no está en el servidor: el dispositivo que la tomó no la ha subido. Se descarga en una sincronización posterior.
error-photo_download_refused = La foto { $photo } no se descargó: el servidor la rechazó (código { $code }). Se reintenta en la próxima sincronización.
error-photo_download_bad = La foto { $photo } del servidor no se guardó ({ $detail }). Se descarga de nuevo en la próxima sincronización.
error-sync_setup = La sincronización no puede funcionar hasta corregir esto: { $detail }
error-sync_protocol = El servidor respondió algo que esta versión no entiende ({ $detail }). La sincronización se reintentará más tarde; si persiste, actualice la aplicación.
error-server_log_inconsistent = El registro del servidor no coincide con lo que mostró o firmó antes; todo lo de este dispositivo se conserva y la sincronización se detuvo. Repórtelo a su supervisor. { $detail }
error-server_key_changed = El servidor de sincronización no es aquel en el que este dispositivo inició sesión, o su clave fue reemplazada; no se envió ni se recibió nada. { $detail }
error-device_revoked = Este dispositivo fue revocado: ya no sincroniza y sus claves se destruyeron aquí.

## Evidence checks (`finding.*`): what failed about one event. The evidence screen words them in the reader's language; the command-line checks print them in English.
finding-unreadable = no se puede leer un evento (SHA-256 { $hash }): { $detail }
finding-no_key = no se conoce la clave pública de su dispositivo, así que su firma no se puede comprobar
finding-bad_signature = la firma no se verifica: el evento se modificó después de firmarse, o es falso
finding-replay = el evento aparece dos veces: una repetición
finding-after_revocation = firmado después de que su dispositivo fuera revocado el { $at } (sus eventos hasta el número { $seq } siguen siendo válidos)
finding-fork = dos eventos distintos reclaman el número { $seq }: la cadena del dispositivo se bifurcó (su carpeta de datos se copió o restauró); el otro es el evento { $other }
finding-chain_broken = la cadena está rota: no sigue al número { $seq } (reordenada, alterada o bifurcada)
finding-gap_one = hueco en la cadena del dispositivo: falta el número { $seq }
finding-gap = hueco en la cadena del dispositivo: faltan los números { $from } a { $to }
finding-numbered_from_zero = los eventos del dispositivo se numeran desde 1, no desde 0
finding-first_names_previous = el primer evento del dispositivo nombra uno anterior
finding-approves_missing = aprueba el evento { $event }, que falta
finding-depends_on_missing = depende del evento { $event }, que falta
finding-approves_other_case = aprueba el evento { $event }, que pertenece a otro caso
finding-depends_on_other_case = depende del evento { $event }, que pertenece a otro caso
finding-stored_hash_mismatch = el hash guardado no coincide con los bytes del evento
finding-row_differs = el id, caso, dispositivo, secuencia, reloj o tipo de la fila difieren del cuerpo firmado
finding-file_damaged = el archivo de la base de datos está dañado: { $detail }
finding-server_quarantined_fork = en cuarentena como bifurcación (#{ $quarantine }, enviado el { $at } por el dispositivo { $pusher }): el dispositivo se clonó o restauró desde una copia; { $reason }
finding-server_body_hash = el cuerpo tiene el hash { $actual }, no el { $stored } guardado con él (posición { $position } del registro): el cuerpo se modificó después de que el servidor lo recibiera
finding-server_row_differs = la fila del registro (evento { $event }, dispositivo { $device }, secuencia { $seq }, caso { $case }) no coincide con su cuerpo firmado: una columna se modificó después de que el servidor la recibiera

## Why an event was set aside (`refusal.*`), worded from the server's code or this device's own check. `refusal-unknown` shows the English reason of a code this version does not know.
refusal-malformed = el cambio llegó dañado (no se pudo separar su firma o su contenido). Avise a su administrador
refusal-not_an_event = lo que llegó no es un cambio registrado. Avise a su administrador
refusal-other_device = es un cambio de otro dispositivo: cada dispositivo envía solo los suyos. Avise a su administrador
refusal-undecodable = esta versión no puede leer el cambio: está dañado o lo escribió una aplicación más reciente
refusal-bad_signature = su firma no se verifica: el cambio se alteró después de firmarse, o es falso. Se conserva como prueba; repórtelo a su supervisor
refusal-id_reused = otro cambio ya tiene su identificador. Avise a su administrador
refusal-fork = otro cambio ocupa su lugar en el registro del dispositivo: los datos del dispositivo se copiaron o restauraron desde una copia de seguridad. Consulte a su administrador
refusal-not_in_chain = su número no es un lugar del registro del dispositivo. Consulte a su administrador
refusal-follows_gap = un cambio anterior aún no llegó al servidor: la sincronización los reenvía en orden por sí sola
refusal-chain_broken = no sigue al cambio anterior del registro del dispositivo: uno anterior se alteró, reordenó o bifurcó. Consulte a su administrador
refusal-clock_broken = su hora está más allá de cualquier fecha: el reloj del dispositivo está mal. Ajuste la fecha y la hora del dispositivo
refusal-role_claimed = indica a su autor con un rol superior al de su cuenta. Pida el rol a su administrador
refusal-not_supervisor = solo los supervisores pueden aprobar o devolver un caso, y su cuenta no es de supervisor
refusal-case_opened_twice = el caso ya está abierto: un caso se abre una sola vez
refusal-case_unknown = el servidor no conoce el caso: su apertura no fue aceptada
refusal-port_not_worked = el caso está en un puerto en el que su cuenta no trabaja. Pida a su administrador que añada el puerto a su cuenta
refusal-bad_photo_hash = adjunta una foto con un nombre que no es un hash de foto. Avise a su administrador
refusal-blob_of_another_port = adjunta una foto o un documento que ya tienen casos de otro puerto, y que este puerto no puede recibir. Adjunte su propia foto o escaneo
refusal-author_revoked = su autor trabaja en este dispositivo con una cuenta que fue revocada. Consulte a un administrador; la persona inicia sesión con una cuenta activa
refusal-unknown_device = viene de un dispositivo que este aún no conoce: la próxima sincronización puede traer su clave
refusal-revoked = lo firmó un dispositivo revocado después de su revocación, así que no es prueba
refusal-out_of_range = su número o su hora están fuera de rango
refusal-own_copy = está firmado como este dispositivo, pero este no lo escribió: una copia de los datos de este dispositivo se usa en otro lugar, o este se restauró desde una copia de seguridad más antigua. Avise a su administrador
refusal-unknown = { $detail }

## What a sync found wrong with the server (`alert.*`), or an operator's notice; and the server's statements (`statement.*`).
alert-log_inconsistent = Una sincronización encontró el registro del servidor truncado, revertido o reescrito: no contiene lo que mostró o confirmó antes. Todo lo de aquí se conserva y la sincronización se detuvo; repórtelo a su supervisor.
alert-server_key_changed = El servidor firmó con otra clave distinta de la que este dispositivo aceptó al iniciar sesión. No se envió ni se recibió nada; repórtelo a su supervisor.
alert-bad_statement = El servidor envió una declaración que su clave no firmó, o que contradice su respuesta. La sincronización se detuvo; repórtelo a su supervisor.
alert-server_changed = Este dispositivo inició sesión en otro servidor de sincronización y ahora confía en su clave.
alert-new_epoch = El operador del servidor declaró una restauración desde una copia de seguridad: las pruebas del servidor comienzan de nuevo desde ella.
alert-epoch_mismatch = El punto de control firmado del servidor indica otra restauración distinta de la que dice estar. La sincronización se detuvo; repórtelo a su supervisor.
alert-device_key_mismatch = El servidor avala otra clave de un dispositivo distinta de la que este dispositivo tiene para él. La sincronización se detuvo; repórtelo a su supervisor.
alert-other = { $detail }
statement-receipt = acuse de recibo
statement-checkpoint = punto de control
statement-revocation = revocación
finding-statement_unverified = la declaración del servidor ({ $kind }) recibida el { $at } (guardada con el número { $id }) no se verifica: { $detail }
## Importar la exportación de un analizador portátil (CSV). `$line` es la línea del archivo.
analyser-unreadable = { $file } no se puede leer como archivo CSV ({ $reason }): exporte las lecturas del analizador como CSV y elija ese archivo. No se importó nada.
analyser-too_large = { $file } pesa más de { $limit } MB, más que una exportación de analizador: elija el archivo CSV de las lecturas. No se importó nada.
analyser-empty = { $file } no contiene lecturas: necesita una fila con los nombres de las columnas y luego una fila por lectura. No se importó nada.
analyser-column_missing = La columna { $column } no está en el archivo, que tiene { $count } columnas: vuelva a elegir el significado de las columnas
analyser-unknown_element = '{ $element }' no es un elemento de la lista: elija el elemento de la lista
analyser-element_twice = Hay dos columnas marcadas como { $element }: marque una y la otra como su incertidumbre o como no leída
analyser-no_element_column = Ninguna columna está marcada como elemento: para cada columna de % en masa, elija el elemento que mide
analyser-bad_number = línea { $line }: { $column } es '{ $text }', no un número de 0 a 100 con 4 decimales como máximo
analyser-bad_time = línea { $line }: { $column } es '{ $text }', no una fecha y hora: corrija el archivo o marque esa columna como no leída
analyser-bad_text = línea { $line }: { $column } es '{ $text }', que no se puede guardar: 200 caracteres como máximo, sin caracteres de control
analyser-bad_instrument = La marca o el modelo del equipo es demasiado largo o tiene caracteres de control: 200 caracteres como máximo
