# Errors the API answers with (`error.*`) and notices it gives (`notice.*`). Each says what is wrong
# and what to do. `$detail` is the English detail of an unexpected failure, shown as it is.

## The call itself: a bug in the caller, not the person's doing.
error-no_such_command = 没有命令“{ $command }”
error-takes_no_file = { $command } 不接收文件；只有 attach_photo、attach_document、analyser_columns 和 import_readings 接收
error-bad_arguments = { $command } 的参数有误：{ $detail }
error-request_too_large = 请求有 { $size } 字节；上限为 { $limit }
error-malformed_request = 应用发送了 Quayside 无法读取的请求（{ $detail }）：请重新启动 Quayside；如再次发生，请报告
error-data_dir_argument = --data-dir 需要一个文件夹：--data-dir /path/to/folder
error-no_data_folder = 本系统没有应用数据文件夹（{ $detail }）：请使用 --data-dir 启动 Quayside
error-internal = Quayside 内部出错：{ $detail }

## Cases and their entries.
error-no_such_case = 本设备上没有案件 { $id }
error-no_such_entry = 本案件中没有条目 { $id }
error-no_such_entity = 此处没有案件记有{ $kind }“{ $key }”：请重新打开案件查看其当前记录
error-entry_withdrawn = 此条目已撤回：请先恢复再修改
error-entry_not_withdrawn = 此条目未撤回：无需恢复
error-entry_after_itself = 条目不能放在自己之后：请指定同一列表中的另一条目，或不指定以放在最前
error-case_withdrawn = 此案件已撤回：请先把状态改回“办理中”再编辑
error-reason_empty = 请填写理由：理由会保存在案卷中
error-reason_too_long = 理由太长：最多 { $max } 个字符
error-reason_required_submitted = 此案件已提交审核：请说明修改理由。每项修改都会附上理由
error-reason_required_approved = 此案件已审核通过：请说明修改理由。每项修改都会附上理由，案件将退回审核
error-role_unknown = 无法识别已保存的角色：请重新登录同步服务器
error-field_needs_item = { $field }需要指定条目
error-section_has_no_items = { $section }没有条目
error-not_a_list = { $section }不是列表
error-draft_too_long = 太长：最多 { $max } 个字符
error-refused = 修改被拒绝：{ $detail }

## Evidence items and handovers. `$box` is the name of a box of the handover form, below.
error-no_such_goods = 本案件中没有该实际货物条目（已撤回或从未添加）
error-no_such_custody_item = 本案件中没有该证据物品或样品（已撤回或从未添加）：移交须针对证据物品或样品
error-handover_required = 交接时必须填写“{ $box }”
error-handover_too_long = “{ $box }”有 { $length } 个字符，但最多允许 { $max } 个：请删减
handover-from = 移交人
handover-to = 接收人
handover-place = 地点
handover-condition = 封志及包装状况

## Review.
error-supervisor_only = 只有审核主管才能批准、退回或结案：请找一位审核主管审核
error-already_waiting = 此案件已在等待审核
error-already_approved = 此案件已审核通过：任何修改都会使其退回审核
error-control_list_current = 此案件已按最新的管制清单判断（第 { $version } 版）
error-changed_while_reading = 您查看期间案件发生了变化：请查看变化内容后再批准
error-four_eyes = 自上次批准以来，您提交或修改过此案件：须由另一位审核主管批准
error-return_comment = 请说明查验关员应修改什么（最多 1000 个字符）
error-too_many_comments = 分节意见最多 { $max } 条
error-not_waiting = 此案件不在等待审核：须由查验关员先提交
error-flags_not_acknowledged = { $count ->
   *[other] 有 { $count } 个未确认的差异标记：请逐一阅读并勾选后再提交
}
error-close_not_approved = 只有审核通过的案件才能结案；此案件当前为“{ $state }”：请先审核通过
error-case_closed = 此案件已结案：不能再修改
error-close_is_a_step = 案件审核通过后请用“结案”办理结案，而不是修改状态

## Photos.
error-file_no_name = 文件没有可用的名称
error-no_such_photo = 本案件中没有这张照片
error-not_a_photo_hash = “{ $text }”不是十六进制的 SHA-256
error-photo_already_excluded = 这张照片已被排除
error-annotation_nothing = 没有可标注的内容：请画一个标记，或选择要删除的标注
error-annotation_off_photo = 标记超出了照片范围：请在图片内绘制
error-annotation_points = 手绘线需要 2 至 { $limit } 个点：请画长一些或短一些
error-annotation_text = 标注文字须为一行 1 至 { $limit } 个字符：请先输入文字
error-annotation_degenerate = 箭头或方框需要两个不同的点：请拖动，或先点起点再点终点
error-no_such_annotation = 此照片上没有该标注：可能已在其他设备上删除
error-annotation_too_many = 此照片已有 { $limit } 个标注：请先删除一个再画新的
error-photo_empty = { $file } 是空文件（0 字节），不是照片。未保存任何内容；请检查从相机或存储卡复制是否已完成。
error-bag_label_unreadable = 这不是 Quayside 的袋子标签（{ $detail }）。请重新扫描袋子上的二维码，或输入其下方印的文字。
error-bag_label_not_here = 该袋子属于案件 { $case }，本设备上没有此案件：请同步，或询问开立该案件的口岸。
error-photo_not_an_image = { $file } 不是 JPEG、PNG、HEIC、TIFF 或 WebP 图像（无论文件名如何，其内容是别的东西）。未保存任何内容；请选择照片文件本身。
error-photo_too_large = { $file } 有 { $size } MB，超过单张照片 { $limit } MB 的上限。未保存任何内容；请确认文件是否正确（相机拍摄的照片要小得多）。
error-photo_too_many_pixels = { $file } 声明的尺寸为 { $width } x { $height } 像素（{ $megapixels } 百万像素），超过 { $limit } 百万像素的上限：文件已损坏或是故意耗尽内存。未保存任何内容。
error-photo_damaged = { $file } 是损坏或不完整的 { $format } 图像（{ $detail }）。未保存任何内容；请从相机或存储卡重新复制照片。
error-photo_unreadable = 无法读取 { $file }（{ $detail }）。未保存任何内容；请检查文件是否仍然存在、您是否有权打开。
error-photo_missing = 照片 { $sha256 } 的原件不在存储库中。请从备份恢复存储库，或从来源重新附加照片。
error-photo_altered = 照片 { $sha256 } 的原件已被更改：其内容的哈希值现为 { $actual }。请从来源重新附加原件（被更改的副本将另行保留以供检验），或从备份恢复存储库。
error-photo_seal_broken = 照片 { $sha256 } 的原件未通过封存校验：它被更改、截断，或被另处封存或未封存的文件替换。请从来源重新附加原件（损坏的副本将另行保留以供检验），或从备份恢复存储库。
error-vault_wrong_key = 照片存储库是用另一把密钥封存的：未读取或更改任何内容。请用本设备自己的口令或恢复密钥解锁。
error-vault = 照片存储库无法完成此操作：{ $detail }

## Shipping documents.
error-no_such_document = 本案件中没有这份单证
error-document_already_excluded = 这份单证已被排除
error-document_empty = { $file } 是空文件（0 字节），不是单证。未保存任何内容；请检查保存或扫描是否已完成。
error-not_a_document = { $file } 不是 PDF、JPEG、PNG 或 TIFF 文件（无论文件名如何，其内容是别的东西）。未保存任何内容；请将单证保存或扫描为 PDF 或图片后再附上。
error-document_cut_short = { $file } 是不完整的 PDF：它没有以 PDF 应有的方式结尾。未保存任何内容；请重新保存或下载该单证，并附上完整文件。
error-document_too_large = { $file } 有 { $size } MB，超过单份单证 { $limit } MB 的上限。未保存任何内容；请以较低分辨率或黑白扫描，或拆分为多个文件。
notice-no_preview = 此格式无预览：原件已按原样保存并计算哈希
notice-shown_as_rendering = 此处显示的是渲染图（每边最多 4096 像素，灰度从最暗到最亮拉伸）：原件保留全部灰度级，并按原样保存和计算哈希
notice-format_not_shown = 此格式无法在这里显示：原件已按原样保存并计算哈希
notice-photo_not_fetched = 在其他设备上附加，尚未取回：下次同步会从服务器取回
notice-photo_missing = 原件不在存储库中
notice-photo_unreadable = 无法读取原件：{ $detail }
notice-photo_seal_broken = 原件封存已破坏：它被更改、截断或被另一文件替换
notice-photo_altered = 原件已被更改：其哈希值现为 { $actual }（{ $size } 字节，附加时为 { $attached_size }）
notice-import_renamed = 文件名为 .{ $extension }，但实为 { $format } 图像：已按 { $format } 保存
notice-import_exif_partial = 照片的部分 EXIF 信息无法读取：已保留可读部分（时间、相机、位置、方向）；请核对拍摄时间和地点
notice-import_heic = HEIC 照片已保存并计算哈希，显示时无缩略图：本应用无法解码 HEIC
notice-import_unsupported = 已保存并计算哈希，显示时无缩略图：此 { $format } 使用了解码器不支持的特性（{ $detail }）
notice-import_too_large_to_preview = 已保存并计算哈希，但图像过大，无法安全预览（{ $width } x { $height } 像素的 { $format } 图像）：无缩略图
notice-import_altered_set_aside = 存储库中此哈希下存有一份被更改的副本：已移至 { $path } 以供检验，并用本文件恢复了原件

## Exports and case-file bundles.
error-export_not_saved = 导出文件无法保存到 { $folder }：{ $detail }。请检查该文件夹是否存在且可写入
error-nothing_to_share = 所列 { $listed } 个案件均不可共享：案件须在处理结果中将“可与合作机构共享”设为“是”，并经主管批准后，方可提供给合作机构。未导出任何内容。
error-cannot_show_folder = 没有文件管理器能显示该文件夹（{ $detail }）。文件位于 { $path }：请从该位置打开
error-pdf_fonts = 无法生成 PDF：{ $detail }。请重新安装 Quayside 以恢复其字体
error-zoom_range = 请选择 { $min }% 到 { $max }% 之间的缩放比例（请求的是 { $asked }%）
error-export_search = 为合作机构导出前请清除搜索：搜索词可能包含人名，而导出内容不能包含。请改用其他筛选条件缩小范围
error-photo_not_here = 本案件的照片 { $file } 不在本设备上（{ $detail }）。请先同步取回，再导出证据包
error-document_not_here = 本案件的单证 { $file } 不在本设备上（{ $detail }）。请先同步取回，再导出证据包
error-bundle_failed = 无法生成证据包：{ $detail }

## The case database and the disk.
error-store_busy = 案件数据库正忙：另一个 Quayside 窗口或进程正在写入。请关闭后重试
error-store_unavailable = 无法使用位于 { $path } 的案件数据库：{ $detail }
error-store_wrong_key = 位于 { $path } 的案件数据库无法用此密钥打开：它属于其他密钥，或已损坏
error-store_unreadable = 无法读取案件存储 { $path }：{ $detail }
error-device_key = 位于 { $path } 的设备密钥无法使用：{ $detail }
error-key_file = 无法使用密钥文件 { $path }：{ $detail }
error-disk_full = 磁盘已满：请释放空间后重试。未保存任何内容
error-disk_read_only = 案件数据库为只读：请检查数据文件夹是否可写入。未保存任何内容
error-disk_failed = 保存时磁盘报错：未保存任何内容。请检查磁盘后重试
error-disk_cannot_open = 无法打开案件数据库：请检查数据文件夹是否存在且可写入
error-disk_damaged = 该文件不是案件数据库或已损坏：请从备份恢复数据文件夹，或将该文件移走以新建数据库
error-database = 数据库错误：{ $detail }

## Locking, unlocking and the people of this device.
error-locked = Quayside 已锁定：请用您的口令解锁
error-wrong_passphrase = 该口令无法解锁本设备
error-passphrase_throttled = 口令错误次数过多：请在 { $seconds } 秒后重试
error-wrong_recovery_key = 该恢复密钥无法解锁本设备
error-passphrase_too_short = 请设置至少 { $min } 个字符的口令（当前为 { $length } 个）：几个词比符号更容易输入
error-passphrase_blank = 口令不能只有空格
error-passphrase_in_use = 本设备的另一个人已在使用该口令：请另选一个
error-recovery_key_character = “{ $character }”不在恢复密钥中：恢复密钥只含数字和字母 A 至 Z，不含 I、L、O 和 U
error-recovery_key_length = 恢复密钥有 { $expected } 个字符，分为八组、每组五个；这里有 { $length } 个
error-recovery_key_typo = 此恢复密钥有输入错误：请逐组与书面副本核对
error-person_exists = { $id } 已能解锁本设备
error-account_linked_already = 您已在本设备上用服务器账号登录
error-recovery_key_not_yours = 恢复密钥属于设置本设备的人员：只有该人员可以生成新的恢复密钥
error-person_needs_account = 本设备已登录同步服务器：新人员须用其在服务器上的账号登录。请输入其服务器用户名和服务器密码
error-account_on_device = { $name } 已能解锁本设备：请用其本人的口令解锁
error-name_length = 请填写您在案卷中显示的姓名（1 至 { $max } 个字符）
error-person_not_stored = 已登录的人员不在存储中
error-already_set_up = 本设备已设置：请用您的口令解锁
error-not_set_up = 本设备尚未设置
error-system_login_unavailable = 目前无法使用本计算机的密钥环（未运行，或仍处于锁定状态）。请用口令解锁
error-system_login_missing = 本计算机的密钥环中没有本设备的密钥（其他系统用户，或已被删除）。请用口令解锁
error-system_login_off = 没有人用系统登录打开本设备。请用口令解锁
error-system_login_after_start = 系统登录只在 Quayside 启动时打开它：解锁之后，再次锁定需要口令
error-nobody_set_up = 本设备没有设置任何人员
error-idle_time = 请选择 1 至 { $max } 分钟的空闲时间
notice-locked_idle = Quayside 在一段时间无操作后已自动锁定
notice-wiped = 本设备已被清除：其数据已无法读取
notice-revoked_wiped = 服务器已吊销本设备，因此本设备上的数据已销毁。已同步的案件在服务器上安全无虞：请联系管理员重新注册本设备
notice-unreadable_data = { $path } 不是本设备能读取的案件数据库：它已加密而密钥已不存在，或是其他类型的文件

## Sync.
error-server_address_empty = 请输入同步服务器的地址，例如 https://sync.customs.example:8640
error-sign_in_empty = 请输入管理员提供的用户名和密码
error-not_signed_in = 本设备未登录同步服务器。请打开设置，输入服务器地址并登录。
error-offline = 无法连接位于 { $server } 的服务器（{ $detail }）。工作可离线继续；同步会自动重试。
error-bad_credentials = 用户名或密码错误：请检查两者后重试
error-too_many_sign_ins = 密码错误次数过多，服务器暂时拒绝该用户继续登录：请等待几分钟后重试
error-server_busy = 服务器正忙于处理其他登录：请几秒钟后重试
error-sign_in_again = 服务器不再接受本设备的登录（已退出登录、长时间未使用，或账户已变更）：请重新登录
error-server_refused = 服务器拒绝了请求（代码 { $code }）。同步稍后会重试；如问题持续，请更新应用或告知管理员。
error-server_forbidden = 服务器拒绝：您的账户无权执行此操作。请向管理员申请所需的角色或口岸。
error-device_conflict = 服务器中本设备已以另一密钥或另一用户登记，因此无法照此重新登记。请管理员吊销旧的登记，然后重新登录。
error-server_too_large = 服务器以过大为由拒绝了请求。同步将以较小的部分重试；如问题持续，请告知管理员。
error-server_failed = 同步服务器自身出现故障。本设备上的内容没有丢失；同步会自动重试。
error-not_a_sync_server = { $server } 上的服务器返回 HTTP { $status }：请检查这是否为 Quayside 同步服务器的地址。
error-chain_refused = 服务器无法接收本设备自序号 { $seq } 起的变更：{ $why }。这些变更保留在本设备上。
error-chain_refused_unknown = 服务器无法接收本设备自序号 { $seq } 起的变更（{ $detail }）。这些变更保留在本设备上；请询问管理员。
error-photo_upload_refused = 照片 { $photo } 未上传：服务器拒绝了它（代码 { $code }）。下次同步时会重试。
error-photo_upload_unreadable = 照片 { $photo } 未上传：本设备无法读取其原件（{ $detail }）。请运行证据核验。
error-photo_upload_failed = 照片 { $photo } 未上传（{ $detail }）。下次同步时会重试；如问题持续，请告知管理员。
error-photo_not_uploaded_yet = 照片 { $photo } 尚未在服务器上：拍摄它的设备尚未上传。将在以后的同步中取回。
error-photo_download_refused = 照片 { $photo } 未取回：服务器拒绝了它（代码 { $code }）。下次同步时会重试。
error-photo_download_bad = 来自服务器的照片 { $photo } 未保存（{ $detail }）。下次同步时会重新取回。
error-sync_setup = 此问题解决前无法同步：{ $detail }
error-sync_protocol = 服务器的回应是此版本无法理解的内容（{ $detail }）。同步稍后会重试；如果问题持续，请更新应用。
error-server_log_inconsistent = 服务器的日志与其先前显示或签署的内容不一致；本设备上的一切均已保留，同步已停止。请报告您的上级。{ $detail }
error-server_key_changed = 同步服务器不是本设备登录时的那台，或其密钥已被更换；未发送或接收任何内容。{ $detail }
error-device_revoked = 本设备已被吊销：不再同步，其密钥已在本设备上销毁。

## Evidence checks (`finding.*`): what failed about one event. The evidence screen words them in the reader's language; the command-line checks print them in English.
finding-unreadable = 无法读取一个事件（SHA-256 { $hash }）：{ $detail }
finding-no_key = 其设备的公钥未知，因此无法核验其签名
finding-bad_signature = 签名核验未通过：事件在签名后被更改，或系伪造
finding-replay = 该事件出现两次：属重放
finding-after_revocation = 在其设备于 { $at } 被吊销后签署（序号 { $seq } 及以前的事件仍然有效）
finding-fork = 两个不同的事件都占用序号 { $seq }：该设备的链已分叉（其数据文件夹被复制或恢复）；另一个是事件 { $other }
finding-chain_broken = 链已断开：它没有接续序号 { $seq }（被重排、更改或分叉）
finding-gap_one = 设备的链有缺口：缺少序号 { $seq }
finding-gap = 设备的链有缺口：缺少序号 { $from } 至 { $to }
finding-numbered_from_zero = 设备的事件序号应从 1 开始，而非 0
finding-first_names_previous = 设备的第一个事件指向了一个前序事件
finding-approves_missing = 它批准了事件 { $event }，但该事件缺失
finding-depends_on_missing = 它依赖事件 { $event }，但该事件缺失
finding-approves_other_case = 它批准了事件 { $event }，但该事件属于另一案件
finding-depends_on_other_case = 它依赖事件 { $event }，但该事件属于另一案件
finding-stored_hash_mismatch = 存储的哈希值与事件字节不符
finding-row_differs = 该行的编号、案件、设备、序号、时钟或类型与签名内容不符
finding-file_damaged = 数据库文件已损坏：{ $detail }
finding-server_quarantined_fork = 作为分叉被隔离（#{ $quarantine }，{ $at } 由设备 { $pusher } 推送）：该设备被克隆或从副本恢复；{ $reason }
finding-server_body_hash = 内容的哈希值为 { $actual }，而非与之一同存储的 { $stored }（日志位置 { $position }）：内容在服务器接收后被更改
finding-server_row_differs = 日志行（事件 { $event }，设备 { $device }，序号 { $seq }，案件 { $case }）与其签名内容不符：某列在服务器接收后被更改

## Why an event was set aside (`refusal.*`), worded from the server's code or this device's own check. `refusal-unknown` shows the English reason of a code this version does not know.
refusal-malformed = 该变更到达时已损坏（无法解析其签名或内容）。请告知管理员
refusal-not_an_event = 收到的内容不是已记录的变更。请告知管理员
refusal-other_device = 这是另一台设备的变更：设备只能发送自己的变更。请告知管理员
refusal-undecodable = 本版本无法读取该变更：它已损坏，或由更新版本的应用写入
refusal-bad_signature = 签名核验未通过：该变更在签名后被更改，或系伪造。它作为证据保留；请报告您的上级
refusal-id_reused = 另一项变更已使用其标识。请告知管理员
refusal-fork = 设备记录中的该位置已由另一项变更占用：设备数据被复制或从备份恢复。请询问管理员
refusal-not_in_chain = 其序号不在该设备记录的有效位置上。请询问管理员
refusal-follows_gap = 较早的变更尚未到达服务器：同步会自动按顺序重新发送
refusal-chain_broken = 它没有接续设备记录中的前一项变更：较早的变更被更改、重排或分叉。请询问管理员
refusal-clock_broken = 其时间超出任何日期：设备时钟出错。请设置设备的日期和时间
refusal-role_claimed = 它标注的作者角色高于您账户的角色。请向管理员申请该角色
refusal-not_supervisor = 只有审核主管可以批准或退回案件，而您的账户不是审核主管
refusal-case_opened_twice = 该案件已经立案：一个案件只能立案一次
refusal-case_unknown = 服务器不知道该案件：其立案未被接受
refusal-port_not_worked = 该案件所在口岸不在您账户的工作口岸内。请管理员将该口岸添加到您的账户
refusal-bad_photo_hash = 它附加的照片名称不是照片哈希值。请告知管理员
refusal-blob_of_another_port = 它附加的照片或文件已由其他口岸的案件持有，本口岸不能获得。请附加您自己拍摄或扫描的版本
refusal-author_revoked = 其作者在本设备上使用的账户已被撤销。请联系管理员；该人员须使用有效账户登录
refusal-unknown_device = 它来自本设备尚不认识的设备：下次同步可能会带来其密钥
refusal-revoked = 它由已吊销的设备在吊销后签署，因此不能作为证据
refusal-out_of_range = 其序号或时间超出范围
refusal-own_copy = 它以本设备名义签署，但不是本设备写入的：本设备数据的副本正在别处使用，或本设备是从较旧的备份恢复的。请告知管理员
refusal-unknown = { $detail }

## What a sync found wrong with the server (`alert.*`), or an operator's notice; and the server's statements (`statement.*`).
alert-log_inconsistent = 同步发现服务器的日志被截断、回滚或改写：它不再包含先前显示或确认过的内容。本设备上的一切均已保留，同步已停止；请报告您的上级。
alert-server_key_changed = 服务器使用的签名密钥不是本设备登录时信任的那把。未发送或接收任何内容；请报告您的上级。
alert-bad_statement = 服务器发送的声明未经其密钥签名，或与其答复相矛盾。同步已停止；请报告您的上级。
alert-server_changed = 本设备已登录另一台同步服务器，现信任其密钥。
alert-new_epoch = 服务器运维人员声明已从备份恢复：服务器的证明自此重新开始。
alert-epoch_mismatch = 服务器签名的检查点所指的恢复与其声称所处的恢复不同。同步已停止；请报告您的上级。
alert-device_key_mismatch = 服务器为某设备担保的密钥与本设备所持有的该设备密钥不同。同步已停止；请报告您的上级。
alert-other = { $detail }
statement-receipt = 回执
statement-checkpoint = 检查点
statement-revocation = 吊销声明
finding-statement_unverified = 于 { $at } 收到的服务器{ $kind }（保存为声明 { $id }）核验未通过：{ $detail }
## 导入手持式分析仪的导出文件（CSV）。`$line` 为文件中的行号。
analyser-unreadable = 无法将 { $file } 读取为 CSV 文件（{ $reason }）：请从分析仪将读数导出为 CSV 并选择该文件。未导入任何内容。
analyser-too_large = { $file } 超过 { $limit } MB，大于分析仪的导出文件：请选择读数的 CSV 文件。未导入任何内容。
analyser-empty = { $file } 中没有读数：需要一行列名，然后每个读数一行。未导入任何内容。
analyser-column_missing = 文件只有 { $count } 列，没有第 { $column } 列：请重新选择各列的含义
analyser-unknown_element = '{ $element }' 不是列表中的元素：请从列表中选择元素
analyser-element_twice = 有两列都标为{ $element }：请只标其中一列，另一列标为其不确定度或不读取
analyser-no_element_column = 没有标为元素的列：请为每个质量百分比列选择其测得的元素
analyser-bad_number = 第 { $line } 行：{ $column } 为 '{ $text }'，不是 0 至 100、最多 4 位小数的数字
analyser-bad_time = 第 { $line } 行：{ $column } 为 '{ $text }'，不是日期和时间：请更正文件，或将该列标为不读取
analyser-bad_text = 第 { $line } 行：{ $column } 为 '{ $text }'，无法保存：最多 200 个字符，且不含控制字符
analyser-bad_instrument = 仪器品牌或型号过长或含有控制字符：最多 200 个字符
