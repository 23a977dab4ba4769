# The review screens: a case's review panel and the reason a change needs, the supervisors'
# review queue, the statistics dashboard and the evidence check.

## A case's review: where it stands, and the step this person may take.
approval-region = Revisión
approval-waiting_since = En espera de revisión desde el { $since }
approval-waiting_since_by = En espera de revisión desde el { $since } (enviado por { $by })
approval-waiting_by = En espera de revisión (enviado por { $by })
approval-returned = Devuelto al inspector
approval-returned_by = Devuelto por { $by }
approval-returned_by_comment = Devuelto por { $by }: { $comment }
approval-approved_by = Aprobado por { $by } el { $at }
approval-reopened =
    Modificado tras la aprobación: { $count ->
        [one] { $count } cambio
       *[other] { $count } cambios
    } — en espera de revisión
# A comment given with a submission or an approval, quoted.
approval-quoted = “{ $comment }”
# Followed by a link to the timeline (changed_since_link), then changed_since_end.
approval-changed_since =
    { $count ->
        [one] { $count } cambio
       *[other] { $count } cambios
    } desde la aprobación de { $by } el { $at }:
approval-changed_since_link = ver marcas en la cronología
approval-changed_since_end = .
approval-note_for_supervisor = Nota para el supervisor (opcional)
approval-comment = Comentario (opcional)
approval-submit = Enviar a revisión
approval-approve = Aprobar
approval-return = Devolver al inspector…
approval-return_question = ¿Qué debe corregir el inspector? (obligatorio)
approval-return_missing = Indique qué corregir: es lo primero que verá el inspector.
approval-section_comments = Comentarios por sección (opcional; se muestran junto a cada sección)
approval-return_confirm = Devolver al inspector
approval-cancel = Cancelar
# Who commented on a section: the supervisor's name, or their role when the name is unknown.
approval-comment_by = { $name }:
approval-reason_region = Motivo para modificar este caso
approval-reason_given = Se modifica porque:
approval-reason_submitted = Este caso se envió a revisión. Para modificarlo, indique el motivo:
approval-reason_reopened = Este caso se modificó tras su aprobación y está en espera de revisión. Para modificarlo, indique el motivo:
approval-reason_approved = Este caso fue aprobado. Para modificarlo, indique el motivo:
approval-reason_placeholder = p. ej., se leyó mal el número de candado
approval-reason_save = Guardar motivo y editar
approval-reason_kept = El motivo se guarda con cada cambio.
approval-reason_kept_approved = El motivo se guarda con cada cambio y el caso vuelve a revisión.
approval-go_submit = Enviar a revisión desde la cabecera del caso
approval-acknowledged = { $count ->
    [one] { $by } reconoció esta alerta al enviar:
   *[other] { $by } reconoció estas { $count } alertas al enviar:
}
approval-approve_title = ¿Aprobar { $number }?
approval-summary_changes = Cambios que cubre esta aprobación
approval-summary_flags = Alertas abiertas
approval-summary_acknowledged = Alertas reconocidas por el inspector
approval-summary_photos = Fotos del expediente
approval-close = Cerrar caso…
approval-close_title = ¿Cerrar { $number }?
approval-close_explain = El caso está aprobado. Una vez cerrado ya no se puede modificar y no vuelve a revisión.
approval-close_note = Nota (opcional)
approval-close_confirm = Cerrar caso
approval-closed_by = Cerrado por { $by } el { $at }

## The supervisors' review queue.
queue-title = Bandeja de revisión
queue-port = Puerto
queue-inspector = Inspector
queue-all = Todos
queue-empty = No hay casos en espera de revisión.
queue-empty_filtered = No hay casos en espera de revisión con estos filtros.
queue-case_number = Número de caso
queue-review = Revisión
queue-waiting_since = En espera desde
queue-submitted_by = Enviado por
queue-container = Contenedor
queue-flags = Alertas
queue-flag_count =
    { $count ->
        [one] { $count } alerta
       *[other] { $count } alertas
    }

## The statistics dashboard.
stats-title = Estadísticas
# $weight is a weight with its unit (stats-kilograms).
stats-total =
    { $count ->
        [one] { $count } caso
       *[other] { $count } casos
    } · { $weight } embargados
stats-export = Exportar para autoridades asociadas
stats-export_hint = Libro de cálculo con estas estadísticas, sin datos personales de las partes
stats-by_concealment = Por método de ocultamiento
stats-by_material = Por material
stats-by_outcome = Por resultado
stats-by_detection = Por método de detección
# Under the breakdowns where one case can count in several rows.
stats-note_concealment = Un caso ocultado de más de una forma cuenta en cada método. Su peso embargado se reparte a partes iguales entre sus métodos (un método no se vincula con mercancías concretas), así que los pesos suman el total.
stats-note_material = Un caso con mercancías de más de un material cuenta en cada uno. Cada material muestra el peso de sus propias mercancías, así que los pesos suman el total.
stats-note_detection = Un caso detectado por más de un método cuenta en cada uno. Su peso embargado se reparte a partes iguales entre sus métodos, así que los pesos suman el total.
stats-by_flag = Por alerta
stats-note_flag = Un caso con más de una alerta cuenta en cada una. Su peso embargado se reparte a partes iguales entre sus alertas, así que los pesos suman el total.
stats-no_flag = Sin alerta
stats-none_recorded = Ningún caso registra este dato.
stats-cases = Casos
stats-seized = Embargado
stats-seized_kg = Embargado (kg)
stats-over_time = Casos en el tiempo
stats-period = Periodo
stats-by_week = Por semana
stats-by_month = Por mes
stats-no_cases = Sin casos.
stats-cases_by_week = Casos por semana
stats-cases_by_month = Casos por mes
stats-week = Semana
stats-month = Mes
stats-routes = Rutas
stats-no_routes = No hay rutas registradas.
stats-map_title = Mapa de rutas: { $legs } tramos entre { $countries } países; la tabla de abajo da las cifras de cada ruta.
stats-map_leg = De { $from } a { $to }: { $cases } casos, { $kg } kg incautados
stats-not_recorded = Sin registrar
# $kg is already a number in the reader's language.
stats-kilograms = { $kg } kg
# An ISO 8601 week: $week is two digits ("07"), $year the year in the reader's calendar.
stats-week_label = Sem. { $week }/{ $year }

## The evidence check: the log, the photos and the server's proofs.
# $what, $problem and $reason are the check's own words.
evidence_report-event_problem = Evento { $event } (dispositivo { $device }, número { $seq }): { $what }
evidence_report-event_problem_case = Evento { $event } (dispositivo { $device }, número { $seq }, caso { $case }): { $what }
evidence_report-photo_problem = Foto { $file } del caso { $case }: { $problem }
evidence_report-failed =
    { $problems ->
        [one] Se encontró { $problems } problema
       *[other] Se encontraron { $problems } problemas
    } en { $events ->
        [one] { $events } evento
       *[other] { $events } eventos
    } y { $photos ->
        [one] { $photos } foto
       *[other] { $photos } fotos
    }
evidence_report-verified =
    Verificado: { $events ->
        [one] { $events } evento
       *[other] { $events } eventos
    } de { $devices ->
        [one] { $devices } dispositivo
       *[other] { $devices } dispositivos
    }, { $photos ->
        [one] { $photos } foto
       *[other] { $photos } fotos
    }. Todas las firmas, cadenas de dispositivo y fotos aquí coinciden con lo registrado.
# As evidence_report-verified, with photos other devices attached that are not here yet.
evidence_report-verified_waiting =
    Verificado: { $events ->
        [one] { $events } evento
       *[other] { $events } eventos
    } de { $devices ->
        [one] { $devices } dispositivo
       *[other] { $devices } dispositivos
    }, { $photos ->
        [one] { $photos } foto
       *[other] { $photos } fotos
    }. Todas las firmas, cadenas de dispositivo y fotos aquí coinciden con lo registrado. { $waiting ->
        [one] { $waiting } foto de otros dispositivos aún no se ha descargado: la próxima sincronización la traerá.
       *[other] { $waiting } fotos de otros dispositivos aún no se han descargado: la próxima sincronización las traerá.
    }
evidence_report-not_synced = Aún no se ha sincronizado con un servidor de firma: nada demuestra que un servidor haya recibido estos registros.
evidence_report-server_key = Clave del servidor { $key }…
evidence_report-checkpoint =
    Bitácora del servidor verificada por última vez con { $size ->
        [one] { $size } evento
       *[other] { $size } eventos
    } el { $at }: solo ha crecido.
evidence_report-checkpoint_alerts =
    Bitácora del servidor verificada por última vez con { $size ->
        [one] { $size } evento
       *[other] { $size } eventos
    } el { $at }; vea las alertas arriba.
evidence_report-all_proven = Está comprobado que cada evento sincronizado está en la bitácora del servidor.
evidence_report-unproven =
    { $count ->
        [one] { $count } evento aún sin comprobar
       *[other] { $count } eventos aún sin comprobar
    } en la bitácora del servidor (se comprueba en la próxima sincronización).
evidence_report-receipts =
    { $count ->
        [one] Se conserva { $count } acuse de recibo del servidor.
       *[other] Se conservan { $count } acuses de recibo del servidor.
    }
evidence_report-revoked = El dispositivo { $device } fue revocado el { $at }: sus eventos hasta el número { $seq } siguen siendo válidos.
evidence_report-refused = Rechazado al sincronizar el { $at }: evento { $event }: { $reason }
evidence_report-refused_unreadable = Rechazado al sincronizar el { $at }: evento (ilegible): { $reason }
evidence_report-alert = { $at }: { $message }
evidence_report-close = Cerrar
