# The app's own screens: the shell and its top bar, the lock screen, the device settings, the sync
# badge and the sync settings. In code a key is written with dots (`lock.unlock`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Each language's name for itself, the same in every catalogue, so a person finds their own.
language-en = English
language-zh_CN = 简体中文
language-th = ไทย
language-es = Español

## The shell and its top bar.
app-fatal_title = Quayside 无法打开案件库
app-fatal_unchanged = 未做任何更改。请解决上述问题后重新启动 Quayside。
app-opening = 正在打开案件库…
app-opening_statistics = 正在打开统计…
app-brand = Quayside
app-screens = 页面
app-cases = 案件
app-statistics = 统计
app-review_queue = 审核队列
app-review_queue_count = 审核队列（{ $count }）
# Who records next: the person's name, their role and this device's short id.
app-who = { $name } · { $role } · 设备 { $device }
app-lock = 锁定 / 切换人员
app-menu = 菜单
app-device = 设备
app-close = 关闭

## The lock screen: setting the device up, the recovery key, unlocking, recovering.
lock-set_up_title = 在本设备上设置 Quayside
lock-encrypt_title = 保护本设备上的数据
lock-encrypt_text = 本设备保存有旧版 Quayside 的案件文件，尚未加密。请设置口令：在进行任何其他操作之前，先对这些文件加密。
lock-unreadable_title = 无法读取本设备的数据
lock-unreadable_text = 其密钥已被销毁（设备已被清除，或密钥文件已丢失），任何人都无法读取其中的内容。请重新设置，然后登录同步服务器取回案件。尚未同步的内容已丢失。
lock-language = 语言
lock-set_up_intro = 您的口令用于解锁 Quayside，并加密其在本设备上保存的全部内容。
lock-name = 您的姓名（按案件文件中应显示的写法）
lock-new_passphrase = 口令（至少 8 个字符）
lock-passphrase_again = 再次输入口令
lock-passphrases_differ = 两次输入的口令不一致：请输入相同的口令。
lock-setting_up = 正在设置…
lock-set_up = 设置
lock-recovery_title = 请抄下您的恢复密钥
lock-recovery_text = 请将其抄在纸上，与本设备分开保管。它仅显示这一次。忘记口令时，可凭它设置新口令；没有它，忘记口令就只能重新登记本设备并从服务器取回案件，尚未同步的案件将会丢失。
lock-recovery_written = 我已抄下恢复密钥
lock-continue = 继续
lock-locked_title = Quayside 已锁定
lock-passphrase = 口令
lock-passphrase_own = 口令（每人用自己的口令解锁）
lock-wait = 口令错误次数过多：请在 { $seconds } 秒后重试。
lock-unlocking = 正在解锁…
lock-unlock = 解锁
lock-forgot = 忘记口令？
lock-system_login = 用我的系统登录打开
lock-recover_title = 设置新口令
lock-recover_text = 请输入设置本设备时抄下的恢复密钥。它将为设置本设备的人员设置新口令。如果没有恢复密钥，请联系管理员重新登记本设备；其案件将从服务器取回。
lock-recovery_key = 恢复密钥
lock-recover_passphrase = 新口令（至少 8 个字符）
lock-recover = 设置口令并解锁
lock-back = 返回

## Device settings.
device-title = 本设备
device-lock = 锁定
device-idle_lock = 闲置多长时间后锁定 Quayside
device-minutes = { $minutes } 分钟
device-lock_hint = 按 Ctrl+L 或点击“锁定”按钮可立即锁定。解锁后，正在输入的内容仍会保留。
device-language = 语言
device-language_choice = Quayside 对您使用的语言
device-language_hint = 每位解锁本设备的人员各有自己的语言。锁定界面显示最近一次选择的语言。
device-buddhist_era = 按佛历纪年（输入和显示 { $year } 代替 { $common }）
device-account = 您在服务器上的账号
device-account_hint = 本设备已登录同步服务器，您在本设备上以“{ $name }”（查验关员）身份记录。请用您自己在服务器上的账号登录：此后您记录的内容在服务器上归您所有，使用您的用户名和角色。
device-account_username = 您的服务器用户名
device-account_password = 您的服务器密码
device-account_link = 用我的账号登录
device-person = 其他人员
device-person_hint = 共用本设备的同事用自己的口令解锁；其姓名随其更改一并记录。未连接同步服务器时，其身份为查验关员。
device-person_name = 其姓名
device-person_passphrase = 其口令（至少 8 个字符）
device-person_hint_server = 共用本设备的同事先用其在同步服务器上的账号登录一次，由账号确定其姓名和角色（科长在此以科长身份审核），之后用自己的口令解锁本设备。
device-person_username = 其服务器用户名
device-person_server_password = 其服务器密码
device-person_passphrase_here = 其在本设备上的口令（至少 8 个字符）
device-person_added = { $name } 现在可以用自己的口令解锁本设备。
device-recovery = 恢复密钥
device-recovery_hint = 忘记口令时，可用恢复密钥设置新口令。如果书面副本丢失，或您从未见过它，请生成新的恢复密钥：旧密钥立即失效。
device-recovery_passphrase = 您的口令
device-recovery_make = 生成新的恢复密钥
device-recovery_made = 这是您的新恢复密钥。请立即抄写在纸上，并与本设备分开保管：它不会再次显示。
device-system_login = 用系统登录打开
device-system_login_hint = 在本计算机的密钥环中保存本设备的密钥，登录计算机后无需输入口令即可打开 Quayside。任何能使用您在本计算机上的登录的人都能以您的身份打开 Quayside：仅在只有您使用的计算机上选择此项。Quayside 解锁后，锁定仍需口令。
device-system_login_on = Quayside 启动时使用您在本计算机上的登录打开。
device-system_login_enable = 用我的系统登录打开
device-system_login_disable = 停止用我的系统登录打开
device-system_login_passphrase = 您的口令
device-add_person = 添加人员
device-wipe = 清除本设备
device-wipe_hint = 销毁本设备的密钥：其中保存的任何内容都将无法再被任何人读取。尚未同步的案件将会丢失。设备将脱离您的保管时使用。
# The word a person types to confirm the wipe: short, in capitals where the language has them.
device-wipe_word = 清除
device-wipe_confirm = 输入“{ $word }”以确认

## Device settings: display.
display-title = 显示
display-hint = 每位解锁本设备的人员各有自己的显示设置。锁定界面按最近一次选择的设置显示。
display-theme = 颜色
display-theme_system = 跟随系统
display-theme_light = 浅色
display-theme_contrast = 高对比度（适合强烈阳光下）
display-theme_dark = 深色（适合夜班）
display-density = 按钮和输入框大小
display-density_system = 跟随设备（触摸屏上为大尺寸）
display-density_compact = 紧凑（适合鼠标）
display-density_touch = 大尺寸（适合触摸和戴手套操作）
display-zoom = 缩放
display-zoom_level = { $percent }%
display-zoom_out = 缩小
display-zoom_in = 放大
display-zoom_reset = 实际大小
display-zoom_hint = 在任何界面按 Ctrl 和 + 或 − 可缩放；按 Ctrl 和 0 恢复为 100%。

## The sync line of the top bar, and the parts it is made of. Parts are joined with the separator.
sync-separator = {" · "}
sync-list_separator = {"、"}
sync-checking = 正在检查同步…
sync-not_signed_in = 未同步：请登录服务器
sync-syncing = 正在同步…
sync-syncing_phase = 正在同步… { $phase }
# How far a sync phase got: done of total, or only what came so far while the total is unknown.
sync-syncing_progress = 正在同步… { $phase } { $done }/{ $total }
sync-syncing_so_far = 正在同步… { $phase } { $done }
sync-phase_connecting = 连接
sync-phase_pushing = 推送
sync-phase_uploading_photos = 上传照片
sync-phase_pulling = 拉取
sync-phase_downloading_photos = 下载照片
sync-offline = 离线
sync-synced = 已于 { $time } 同步
sync-not_synced = 尚未同步
# What waits to be sent: the events and photos, listed with the list separator.
sync-waiting = { $things }待发送
sync-events = { $count } 个事件
sync-photos = { $count } 张照片
sync-nothing_waiting = 无待发送内容
sync-all_sent = 已全部发送
sync-nothing_to_send = 无需发送
sync-to_fetch = { $count } 张照片待获取
sync-refused = { $count } 个事件被拒收
sync-retrying_now = 正在重试
sync-retry_seconds = { $seconds } 秒后重试
sync-retry_minutes = { $minutes } 分钟后重试
sync-sign_in_again_because = 请重新登录：{ $error }
sync-failed = 同步失败：{ $error }
sync-now_failed = 立即同步失败：{ $error }
sync-now = 立即同步

## Sync settings.
sync-settings = 同步设置
sync-revocation_pending = 已在本设备退出登录。未能连接服务器以取消本设备的访问权限：下次连接时将自动通知服务器。
sync-sign_in_title = 登录同步服务器
sync-sign_in_text = 无论是否登录，案件都保存在本设备上。登录后，只要能连接服务器，案件就会发送到服务器，共享的案件也会同步回来。
sync-sign_in_again = 重新登录
sync-sign_in_again_text = 服务器不再接受本设备的登录。本设备上的内容不会丢失；登录后即会发送。
sync-server_address = 服务器地址
sync-user_name = 用户名
sync-password = 密码
sync-device_name = 设备名称
sync-device_name_hint = （本设备在服务器设备列表中显示的名称）
# The name a device is offered when it first signs in.
sync-device_name_default = Quayside 笔记本电脑
sync-signing_in = 正在登录…
sync-sign_in = 登录
sync-user = 用户
sync-role = 角色
sync-ports = 口岸
sync-no_ports = 无
sync-server = 服务器
sync-sign_out = 退出登录
sync-unsent = { $count } 个尚未发送的事件将保留在本设备，待下次登录后发送。
sync-last_synced = 上次同步时间
sync-never = 从未同步
sync-events_waiting = 待发送事件
sync-photos_waiting = 待发送照片
sync-photos_to_fetch = 待获取照片
sync-last_sync = 上次同步结果
# The last sync's report, its parts joined with the separator.
sync-report_sent = 已发送 { $count } 个事件
sync-report_received = 已接收 { $count } 个事件
sync-report_photos = 照片：上传 { $up } 张，下载 { $down } 张
sync-report_refused = { $count } 个被拒收
sync-report_summaries = 其他口岸案件摘要 { $count } 份
sync-refused_title = 被服务器拒收（{ $count }）
sync-refused_text = 服务器已将本设备的这些更改搁置，不予转发。它们仍保留在本设备的记录中；请将拒收原因告知管理员。
sync-refused_change = 更改 { $seq }
sync-refused_at = 拒收于 { $time }

## Keyboard shortcuts, and the help that lists them (opened with ? or the top bar's ? button).
shortcut-title = 键盘快捷键
shortcut-while_typing = 光标在输入框中时，只有带 Ctrl 的快捷键和 F1 有效，其他按键会输入到框中。
shortcut-column_action = 操作
shortcut-column_keys = 按键
shortcut-or = 或
shortcut-new_case = 新建案件
shortcut-search = 搜索案件
shortcut-next_section = 案卷的下一栏目
shortcut-previous_section = 案卷的上一栏目
shortcut-submit = 转到“提交审核”（或“审核通过”）
shortcut-help = 显示这些快捷键
shortcut-lock = 锁定或切换人员
shortcut-close = 关闭对话框；在案件中则返回案件列表
shortcut-photo_step = 在照片查看器中查看上一张或下一张照片
# Said when "Go to Submit" finds no review step this person can take in the case now.
shortcut-nothing_to_submit = 本案件目前没有可提交或可审核通过的步骤
# The names of keys, as printed on the keyboard.
keys-ctrl = Ctrl
keys-cmd = ⌘
keys-shift = Shift
keys-alt = Alt
keys-enter = Enter
keys-escape = Esc

## Said to a screen reader user when it happens, without moving the cursor.
announce-saved = 已保存
