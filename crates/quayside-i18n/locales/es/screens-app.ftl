# The app's own screens: the shell and its top bar, the lock screen, the device settings, the sync
# badge and the sync settings. In code a key is written with dots (`lock.unlock`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Each language's name for itself, the same in every catalogue, so a person finds their own.
language-en = English
language-zh_CN = 简体中文
language-th = ไทย
language-es = Español

## The shell and its top bar.
app-fatal_title = Quayside no puede abrir su almacén de casos
app-fatal_unchanged = No se ha modificado nada. Corrija el problema indicado arriba y vuelva a iniciar Quayside.
app-opening = Abriendo el almacén de casos…
app-opening_statistics = Abriendo las estadísticas…
app-brand = Quayside
app-screens = Pantallas
app-cases = Casos
app-statistics = Estadísticas
app-review_queue = Cola de revisión
app-review_queue_count = Cola de revisión ({ $count })
# Who records next: the person's name, their role and this device's short id.
app-who = { $name } · { $role } · dispositivo { $device }
app-lock = Bloquear / cambiar de persona
app-menu = Menú
app-device = Dispositivo
app-close = Cerrar

## The lock screen: setting the device up, the recovery key, unlocking, recovering.
lock-set_up_title = Configurar Quayside en este dispositivo
lock-encrypt_title = Proteger los datos de este dispositivo
lock-encrypt_text = Este dispositivo guarda expedientes de una versión anterior de Quayside que aún no están cifrados. Establezca una frase de contraseña: se cifran antes de cualquier otra operación.
lock-unreadable_title = No se pueden leer los datos de este dispositivo
lock-unreadable_text = Sus claves se destruyeron (el dispositivo se borró o se perdió su archivo de claves), así que nadie puede leer lo que contenía. Vuelva a configurarlo y luego inicie sesión en el servidor de sincronización para recuperar los casos. Lo que no se había sincronizado se perdió.
lock-language = Idioma
lock-set_up_intro = Su frase de contraseña desbloquea Quayside y cifra todo lo que guarda en este dispositivo.
lock-name = Su nombre, tal como debe aparecer en los expedientes
lock-new_passphrase = Frase de contraseña (al menos 8 caracteres)
lock-passphrase_again = La misma frase de contraseña otra vez
lock-passphrases_differ = Las dos frases de contraseña no coinciden: escriba la misma dos veces.
lock-setting_up = Configurando…
lock-set_up = Configurar
lock-recovery_title = Anote su clave de recuperación
lock-recovery_text = Guárdela en papel, lejos de este dispositivo. Solo se muestra ahora. Con ella puede establecer una nueva frase de contraseña si olvida la suya; sin ella, olvidar la frase de contraseña obliga a registrar de nuevo este dispositivo y descargar sus casos del servidor. Los casos aún no sincronizados se perderían.
lock-recovery_written = Ya anoté la clave de recuperación
lock-continue = Continuar
lock-locked_title = Quayside está bloqueado
lock-passphrase = Frase de contraseña
lock-passphrase_own = Frase de contraseña (cada persona desbloquea con la suya)
lock-wait = Demasiadas frases de contraseña incorrectas: vuelva a intentarlo en { $seconds } s.
lock-unlocking = Desbloqueando…
lock-unlock = Desbloquear
lock-forgot = ¿Olvidó su frase de contraseña?
lock-system_login = Abrir con mi inicio de sesión del sistema
lock-recover_title = Establecer una nueva frase de contraseña
lock-recover_text = Escriba la clave de recuperación que se anotó al configurar este dispositivo. Con ella se establece una nueva frase de contraseña para la persona que lo configuró. Sin la clave, pida a su administrador que registre de nuevo este dispositivo; sus casos se recuperan del servidor.
lock-recovery_key = Clave de recuperación
lock-recover_passphrase = Nueva frase de contraseña (al menos 8 caracteres)
lock-recover = Establecer la frase de contraseña y desbloquear
lock-back = Volver

## Device settings.
device-title = Este dispositivo
device-lock = Bloqueo
device-idle_lock = Bloquear Quayside tras este tiempo sin uso
device-minutes = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minutos
}
device-lock_hint = Bloquéelo al instante con Ctrl+L o con el botón Bloquear. Al desbloquear se conserva lo que estaba escribiendo.
device-language = Idioma
device-language_choice = El idioma en que Quayside le habla
device-language_hint = Cada persona que desbloquea este dispositivo tiene el suyo. La pantalla de bloqueo muestra el último elegido.
device-buddhist_era = Contar los años en la era budista (escribir y leer { $year } por { $common })
device-account = Su cuenta en el servidor
device-account_hint = Este dispositivo ha iniciado sesión en un servidor de sincronización, y usted registra en él como { $name }, inspector. Inicie sesión con su propia cuenta allí: lo que registre desde entonces es suyo en el servidor, con su nombre de usuario y su función.
device-account_username = Su nombre de usuario en el servidor
device-account_password = Su contraseña en el servidor
device-account_link = Iniciar sesión con mi cuenta
device-person = Otra persona
device-person_hint = Un colega que comparte este dispositivo lo desbloquea con su propia frase de contraseña; su nombre acompaña a sus cambios. Sin servidor de sincronización registra como inspector.
device-person_name = Su nombre
device-person_passphrase = Su frase de contraseña (al menos 8 caracteres)
device-person_hint_server = Un colega que comparte este dispositivo inicia sesión una vez con su propia cuenta del servidor de sincronización, que da su nombre y su función (un supervisor revisa aquí como supervisor), y luego desbloquea el dispositivo con su propia frase de contraseña.
device-person_username = Su nombre de usuario en el servidor
device-person_server_password = Su contraseña en el servidor
device-person_passphrase_here = Su frase de contraseña para este dispositivo (al menos 8 caracteres)
device-person_added = { $name } ya puede desbloquear este dispositivo con su propia frase de contraseña.
device-recovery = Clave de recuperación
device-recovery_hint = La clave de recuperación le permite establecer una nueva frase de contraseña si olvida la suya. Si se perdió la copia escrita, o nunca la vio, cree una nueva: la anterior deja de funcionar de inmediato.
device-recovery_passphrase = Su frase de contraseña
device-recovery_make = Crear una nueva clave de recuperación
device-recovery_made = Su nueva clave de recuperación. Anótela ahora y guárdela en papel, lejos de este dispositivo: no se vuelve a mostrar.
device-system_login = Abrir con el inicio de sesión del sistema
device-system_login_hint = Guarde una clave de este dispositivo en el llavero de este equipo, para que Quayside se abra tras iniciar sesión en el equipo sin escribir su frase de contraseña. Quien pueda usar su sesión en este equipo podrá abrir Quayside como usted: elíjalo solo en un equipo que use usted solo. Una vez desbloqueado Quayside, un bloqueo sigue pidiendo una frase de contraseña.
device-system_login_on = Quayside se abre con su inicio de sesión en este equipo al arrancar.
device-system_login_enable = Abrir con mi inicio de sesión del sistema
device-system_login_disable = Dejar de abrir con mi inicio de sesión del sistema
device-system_login_passphrase = Su frase de contraseña
device-add_person = Agregar persona
device-wipe = Borrar este dispositivo
device-wipe_hint = Destruye las claves de este dispositivo: nadie podrá volver a leer nada de lo que contiene. Los casos aún no sincronizados se pierden. Úselo cuando el dispositivo deje de estar bajo su resguardo.
# The word a person types to confirm the wipe: short, in capitals where the language has them.
device-wipe_word = BORRAR
device-wipe_confirm = Escriba { $word } para confirmar

## Device settings: display.
display-title = Pantalla
display-hint = Cada persona que desbloquea este dispositivo tiene la suya. La pantalla de bloqueo se muestra como la última elegida.
display-theme = Colores
display-theme_system = Seguir al sistema
display-theme_light = Claro
display-theme_contrast = Alto contraste, para sol intenso
display-theme_dark = Oscuro, para turnos de noche
display-density = Tamaño de botones y campos
display-density_system = Seguir al dispositivo (grande en pantalla táctil)
display-density_compact = Compacto, para mouse
display-density_touch = Grande, para uso táctil y con guantes
display-zoom = Zoom
display-zoom_level = { $percent } %
display-zoom_out = Reducir
display-zoom_in = Ampliar
display-zoom_reset = Tamaño real
display-zoom_hint = Ctrl con + o − acerca o aleja cualquier pantalla; Ctrl con 0 vuelve al 100 %.

## The sync line of the top bar, and the parts it is made of. Parts are joined with the separator.
sync-separator = {" · "}
sync-list_separator = {", "}
sync-checking = Comprobando la sincronización…
sync-not_signed_in = Sin sincronizar: inicie sesión en un servidor
sync-syncing = Sincronizando…
sync-syncing_phase = Sincronizando… { $phase }
# How far a sync phase got: done of total, or only what came so far while the total is unknown.
sync-syncing_progress = Sincronizando… { $phase } { $done }/{ $total }
sync-syncing_so_far = Sincronizando… { $phase } { $done }
sync-phase_connecting = conectando
sync-phase_pushing = enviando
sync-phase_uploading_photos = subiendo fotos
sync-phase_pulling = recibiendo
sync-phase_downloading_photos = descargando fotos
sync-offline = Sin conexión
sync-synced = Sincronizado { $time }
sync-not_synced = Aún sin sincronizar
# What waits to be sent: the events and photos, listed with the list separator.
sync-waiting = { $things } en espera
sync-events = { $count ->
    [one] { $count } evento
   *[other] { $count } eventos
}
sync-photos = { $count ->
    [one] { $count } foto
   *[other] { $count } fotos
}
sync-nothing_waiting = nada en espera
sync-all_sent = todo enviado
sync-nothing_to_send = nada que enviar
sync-to_fetch = { $count ->
    [one] { $count } foto por descargar
   *[other] { $count } fotos por descargar
}
sync-refused = { $count ->
    [one] { $count } evento rechazado
   *[other] { $count } eventos rechazados
}
sync-retrying_now = reintentando ahora
sync-retry_seconds = reintento en { $seconds } s
sync-retry_minutes = reintento en { $minutes } min
sync-sign_in_again_because = Vuelva a iniciar sesión: { $error }
sync-failed = Falló la sincronización: { $error }
sync-now_failed = No se pudo sincronizar ahora: { $error }
sync-now = Sincronizar ahora

## Sync settings.
sync-settings = Configuración de sincronización
sync-revocation_pending = Sesión cerrada aquí. No se pudo contactar al servidor para revocar el acceso de este dispositivo: se le avisará automáticamente en la próxima conexión.
sync-sign_in_title = Iniciar sesión en un servidor de sincronización
sync-sign_in_text = Los casos se quedan en este dispositivo de todos modos. Con la sesión iniciada, se envían al servidor y los casos compartidos llegan aquí, siempre que se pueda contactar al servidor.
sync-sign_in_again = Vuelva a iniciar sesión
sync-sign_in_again_text = El servidor ya no acepta la sesión de este dispositivo. No se pierde nada de lo que hay en este dispositivo; se envía en cuanto inicie sesión.
sync-server_address = Dirección del servidor
sync-user_name = Nombre de usuario
sync-password = Contraseña
sync-device_name = Nombre del dispositivo
sync-device_name_hint = (cómo aparece este dispositivo en la lista de dispositivos del servidor)
# The name a device is offered when it first signs in.
sync-device_name_default = Laptop de Quayside
sync-signing_in = Iniciando sesión…
sync-sign_in = Iniciar sesión
sync-user = Usuario
sync-role = Función
sync-ports = Puertos
sync-no_ports = ninguno
sync-server = Servidor
sync-sign_out = Cerrar sesión
sync-unsent = { $count ->
    [one] { $count } evento aún no enviado esperará aquí hasta el próximo inicio de sesión.
   *[other] { $count } eventos aún no enviados esperarán aquí hasta el próximo inicio de sesión.
}
sync-last_synced = Sincronizado por última vez
sync-never = nunca
sync-events_waiting = Eventos en espera
sync-photos_waiting = Fotos en espera
sync-photos_to_fetch = Fotos por descargar
sync-last_sync = Última sincronización
# The last sync's report, its parts joined with the separator.
sync-report_sent = { $count ->
    [one] { $count } evento enviado
   *[other] { $count } eventos enviados
}
sync-report_received = { $count ->
    [one] { $count } evento recibido
   *[other] { $count } eventos recibidos
}
sync-report_photos = fotos: { $up } subidas, { $down } descargadas
sync-report_refused = { $count ->
    [one] { $count } rechazado
   *[other] { $count } rechazados
}
sync-report_summaries = { $count ->
    [one] { $count } resumen de caso de otros puertos
   *[other] { $count } resúmenes de casos de otros puertos
}
sync-refused_title = Rechazados por el servidor ({ $count })
sync-refused_text = El servidor apartó estos cambios de este dispositivo y no los transmite. Permanecen en el registro de este dispositivo; muestre los motivos a su administrador.
sync-refused_change = Cambio { $seq }
sync-refused_at = rechazado el { $time }

## Keyboard shortcuts, and the help that lists them (opened with ? or the top bar's ? button).
shortcut-title = Atajos de teclado
shortcut-while_typing = Con el cursor en un campo, solo funcionan los atajos con Ctrl y F1: las demás teclas escriben en el campo.
shortcut-column_action = Acción
shortcut-column_keys = Teclas
shortcut-or = o
shortcut-new_case = Nuevo caso
shortcut-search = Buscar casos
shortcut-next_section = Sección siguiente del expediente
shortcut-previous_section = Sección anterior del expediente
shortcut-submit = Ir a Enviar a revisión (o Aprobar)
shortcut-help = Mostrar estos atajos
shortcut-lock = Bloquear, o cambiar de persona
shortcut-close = Cerrar un cuadro de diálogo; en un caso, volver a la lista
shortcut-photo_step = Foto anterior o siguiente, en el visor de fotos
# Said when "Go to Submit" finds no review step this person can take in the case now.
shortcut-nothing_to_submit = Por ahora no hay nada que enviar ni aprobar en este caso
# The names of keys, as printed on the keyboard.
keys-ctrl = Ctrl
keys-cmd = ⌘
keys-shift = Mayús
keys-alt = Alt
keys-enter = Intro
keys-escape = Esc

## Said to a screen reader user when it happens, without moving the cursor.
announce-saved = Guardado
