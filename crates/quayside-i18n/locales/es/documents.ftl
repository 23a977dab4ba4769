# The words of exported documents: the case-file PDF's headings, row labels and notes, and the
# review and custody lines it prints. Names, values and hashes are printed as recorded; dates keep
# one unambiguous form in every language. The manifest's own text is never translated (it is
# hashed and checked against the data): only the words around it are.

## The page frame and the title block.
pdf-running_title = Expediente Quayside
pdf-page = Página { $page } de { $total }
pdf-footer = Generado el { $at } por { $by }
pdf-metadata_title = Expediente { $number }
pdf-summary = Resumen
pdf-title = Expediente de embargo
pdf-case_number = Número de caso
pdf-port = Aduana de inspección
pdf-not_recorded = sin registrar
pdf-opened_at = Fecha de apertura
pdf-opened_by = Abierto por
pdf-status = Estado
pdf-status_reason = { $status } ({ $reason })
pdf-last_change = Último cambio
pdf-signed_events = Eventos firmados
pdf-photos = Fotos
pdf-photos_excluded = { $excluded ->
    [one] { $count } ({ $excluded } excluida)
   *[other] { $count } ({ $excluded } excluidas)
}
pdf-case_id = Id. del caso
pdf-generated_at = Generado el
pdf-generated_by = Generado por
pdf-summary_note = Este archivo se generó a partir del registro de eventos firmados del caso. El manifiesto de la última página enumera cada evento firmado y cada foto original con su SHA-256, y el SHA-256 del propio manifiesto, para que este documento pueda cotejarse con los datos.

## Discrepancy flags and conflicts.
pdf-summary_findings = Lo hallado
pdf-material_not_recorded = Material no registrado
pdf-goods_line = { $count ->
    [one] { $material }: { $count } registro, { $weight } kg hallados
   *[other] { $material }: { $count } registros, { $weight } kg hallados
}
pdf-flags = Alertas de discrepancia
pdf-no_flags = Sin alertas de discrepancia.
pdf-control_list = Indicadores evaluados con la lista de control { $version }.
pdf-flag = { $flag }: { $details }
pdf-conflicts = Conflictos sin resolver
pdf-no_conflicts = Sin conflictos por resolver: cada campo tiene un solo valor.
pdf-conflicts_note = Estos campos se editaron en dispositivos distintos sin que ninguna edición viera la otra. Se conservan todos los valores; el caso muestra el último hasta que alguien resuelva el campo.
pdf-value = Valor { $number }
pdf-value_shown = Valor { $number } (mostrado)
pdf-cleared = (borrado)
pdf-value_by = por { $author } el { $at }

## The sections of the case.
pdf-nothing_recorded = Nada registrado.
pdf-no_details = Sin detalles registrados.
pdf-in_conflict = En conflicto: ver Conflictos sin resolver
pdf-withdrawn = { $item } (retirado: { $reason })
pdf-unknown_item = Registro { $id }

## Photographs.
pdf-photographs = Fotografías
pdf-no_photos = No hay fotografías adjuntas.
pdf-photo_title = Foto { $number } de { $total } · { $file }
pdf-photo_excluded = { $title } (excluida)
pdf-thumbnail_unreadable = No se pudo leer la miniatura ({ $reason }). El original se identifica por su SHA-256, abajo.
pdf-no_thumbnail = No hay miniatura de este archivo { $type }. El original se identifica por su SHA-256, abajo.
pdf-file_name = Nombre del archivo
pdf-caption = Pie de foto
pdf-no_caption = Sin pie de foto
pdf-annotations = Anotaciones
pdf-annotation_line = { $number }. { $mark }: { $author }, { $at }
pdf-excluded = Excluida
pdf-media_type = Tipo de medio
pdf-size = Tamaño
pdf-bytes = { $count ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
}
pdf-taken_at = Tomada el (reloj de la cámara)
pdf-camera = Cámara
pdf-position = Ubicación (cámara)
pdf-attached_at = Adjuntada el
pdf-attached_by = Adjuntada por

## Review and chain of custody.
pdf-review = Revisión
pdf-no_review = Sin revisión registrada.
pdf-decision = { $by } el { $at }
pdf-decision_comment = { $by } el { $at }: { $comment }
pdf-section_comment = Comentario sobre { $section }
pdf-changed_since_approval = Modificado tras la aprobación
pdf-changed_events = { $count ->
    [one] { $count } evento (marcado en el historial)
   *[other] { $count } eventos (marcados en el historial)
}
pdf-bag_labels = Etiquetas de bolsas
pdf-bag_labels_note = Recorte cada etiqueta y fíjela a su bolsa. Al escanear el código, o escribir el texto debajo, se encuentra este caso y la entrada; los dos últimos caracteres verifican el resto.
pdf-custody = Cadena de custodia
pdf-no_custody = Sin eventos de custodia registrados.
pdf-custody_item_number = { $item } ({ $number })
pdf-custody_item_withdrawn = { $item }, retirado: { $reason }
pdf-custody_handover = { $at }: { $from } → { $to }, en { $place }, condición: { $condition } (registró { $recorder }, dispositivo { $device }, evento { $event })

## The timeline.
pdf-appendix = Anexo: cambios por persona y sesión
pdf-no_events = Sin eventos.
pdf-appendix_note = { $count ->
    [one] { $count } evento firmado, agrupado por persona y por sesión: los cambios de una persona en un dispositivo sin pausas de más de { $minutes } minutos. Las horas son las del reloj de cada dispositivo. Cada cambio, con su valor anterior y posterior, está en el paquete de evidencias exportado con este expediente; el manifiesto de la última página identifica cada evento.
   *[other] { $count } eventos firmados, agrupados por persona y por sesión: los cambios de una persona en un dispositivo sin pausas de más de { $minutes } minutos. Las horas son las del reloj de cada dispositivo. Cada cambio, con su valor anterior y posterior, está en el paquete de evidencias exportado con este expediente; el manifiesto de la última página identifica cada evento.
}
pdf-session_person = { $author } ({ $role }) · { $sessions ->
    [one] { $sessions } sesión
   *[other] { $sessions } sesiones
}
## Between the names of a list in one line ("Vessel name, Voyage").
pdf-list_separator = {", "}
pdf-session_when = { $from } a { $to }
pdf-session_line = { $count ->
    [one] { $count } cambio en el dispositivo { $device }: { $what }
   *[other] { $count } cambios en el dispositivo { $device }: { $what }
}
pdf-session_refused = { $count ->
    [one] { $count } evento no se integró en el expediente (el motivo está en el paquete de evidencias)
   *[other] { $count } eventos no se integraron en el expediente (los motivos están en el paquete de evidencias)
}

## Shipping documents: a table of type, number and file name, each with its file's SHA-256.
pdf-documents = Documentos de embarque
pdf-no_documents = No hay documentos de embarque adjuntos.
pdf-document_type = Tipo
pdf-document_number = Número
pdf-no_document_number = no indicado
pdf-document_excluded = { $file } (excluido: { $reason })
pdf-documents_note = Bajo cada documento, el SHA-256 de los bytes exactos de su archivo: el archivo está en el paquete de pruebas del caso con ese nombre.

## The manifest. Its lines ("case …", "event …", "photo …") are the hashed text itself, the same
## in every language: keep them in English.
pdf-manifest = Manifiesto
pdf-manifest_note = Cada evento firmado del caso (en el orden del historial) y cada foto original, cada uno con el SHA-256 de sus bytes exactos. El texto del manifiesto es: una línea "case <case id> <case number>", luego una línea "event <event id> <device id>:<device seq> <sha256>" por evento, luego una línea "photo <sha256> <file name>" por foto; cada línea termina en un salto de línea (LF). Su SHA-256 se imprime al final.
pdf-manifest_events = Eventos firmados ({ $count })
pdf-manifest_event = evento { $event }  dispositivo { $device }:{ $seq }
pdf-no_signed_events = No se proporcionaron eventos firmados.
pdf-manifest_photos = Fotos originales ({ $count })
pdf-manifest_documents = Documentos de embarque ({ $count })
pdf-manifest_documents_note = Tras las líneas de fotos, una línea "document <sha256> <file name>" por documento de embarque, en el orden en que se adjuntaron.
pdf-manifest_sha256 = SHA-256 del manifiesto:
