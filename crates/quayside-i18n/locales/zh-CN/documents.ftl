# The words of exported documents: the case-file PDF's headings, row labels and notes, and the
# review and custody lines it prints. Names, values and hashes are printed as recorded; dates keep
# one unambiguous form in every language. The manifest's own text is never translated (it is
# hashed and checked against the data): only the words around it are.

## The page frame and the title block.
pdf-running_title = Quayside 案卷
pdf-page = 第 { $page } 页，共 { $total } 页
pdf-footer = 由 { $by } 于 { $at } 生成
pdf-metadata_title = 案卷 { $number }
pdf-summary = 概要
pdf-title = 查扣案件案卷
pdf-case_number = 案件编号
pdf-port = 查验口岸
pdf-not_recorded = 未记录
pdf-opened_at = 创建时间
pdf-opened_by = 创建人
pdf-status = 状态
pdf-status_reason = { $status }（{ $reason }）
pdf-last_change = 最后修改
pdf-signed_events = 已签名事件
pdf-photos = 照片
pdf-photos_excluded = { $count }（已排除 { $excluded }）
pdf-case_id = 案件 ID
pdf-generated_at = 生成时间
pdf-generated_by = 生成人
pdf-summary_note = 本文件根据案件的已签名事件日志生成。最后一页的清单列出每个已签名事件和每张照片原件及其 SHA-256，以及清单本身的 SHA-256，可据此将本纸质文件与数据核对。

## Discrepancy flags and conflicts.
pdf-summary_findings = 查获情况
pdf-material_not_recorded = 未记录物料
pdf-goods_line = { $count ->
   *[other] { $material }：{ $count } 条记录，查获 { $weight } 千克
}
pdf-flags = 异常标记
pdf-no_flags = 未发现异常。
pdf-control_list = 标记按第 { $version } 版管制清单判断。
pdf-flag = { $flag }：{ $details }
pdf-conflicts = 未解决的冲突
pdf-no_conflicts = 没有未解决的冲突：每个字段只有一个值。
pdf-conflicts_note = 这些字段在不同设备上被修改，两次修改互不知晓。所有值均已保留；在有人解决之前，案件显示最后一个值。
pdf-value = 值 { $number }
pdf-value_shown = 值 { $number }（当前显示）
pdf-cleared = （已清空）
pdf-value_by = { $author } 于 { $at }

## The sections of the case.
pdf-nothing_recorded = 无记录。
pdf-no_details = 无详细记录。
pdf-in_conflict = 存在冲突：见“未解决的冲突”
pdf-withdrawn = { $item }（已撤回：{ $reason }）
pdf-unknown_item = 条目 { $id }

## Photographs.
pdf-photographs = 照片
pdf-no_photos = 未附照片。
pdf-photo_title = 照片 { $number }/{ $total } · { $file }
pdf-photo_excluded = { $title }（已排除）
pdf-thumbnail_unreadable = 无法读取缩略图（{ $reason }）。原件以下方的 SHA-256 标识。
pdf-no_thumbnail = 此 { $type } 文件没有缩略图。原件以下方的 SHA-256 标识。
pdf-file_name = 文件名
pdf-caption = 照片说明
pdf-no_caption = 无说明
pdf-annotations = 标注
pdf-annotation_line = { $number }. { $mark }：{ $author }，{ $at }
pdf-excluded = 已排除
pdf-media_type = 媒体类型
pdf-size = 大小
pdf-bytes = { $count ->
   *[other] { $bytes } 字节
}
pdf-taken_at = 拍摄时间（相机时钟）
pdf-camera = 相机
pdf-position = 位置（相机）
pdf-attached_at = 附加时间
pdf-attached_by = 附加人

## Review and chain of custody.
pdf-review = 审核
pdf-no_review = 无审核记录。
pdf-decision = { $by } 于 { $at }
pdf-decision_comment = { $by } 于 { $at }：{ $comment }
pdf-section_comment = 对“{ $section }”的意见
pdf-changed_since_approval = 审核通过后的修改
pdf-changed_events = { $count ->
   *[other] { $count } 个事件（已在操作记录中标出）
}
pdf-bag_labels = 袋子标签
pdf-bag_labels_note = 剪下每张标签并贴在对应的袋子上。扫描二维码或输入其下方的文字即可找到本案及对应条目；最后两个字符用于校验其余部分。
pdf-custody = 保管链
pdf-no_custody = 无保管记录。
pdf-custody_item_number = { $item }（{ $number }）
pdf-custody_item_withdrawn = { $item }，已撤回：{ $reason }
pdf-custody_handover = { $at }：{ $from } → { $to }，地点：{ $place }，状况：{ $condition }（记录人：{ $recorder }，设备 { $device }，事件 { $event }）

## The timeline.
pdf-appendix = 附录：按人员和工作时段列出的修改
pdf-no_events = 无事件。
pdf-appendix_note = { $count ->
   *[other] 共 { $count } 个已签名事件，按人员和工作时段分组：工作时段指同一人在同一设备上的连续修改，间隔均不超过 { $minutes } 分钟。时间为各设备自身的时钟。每项修改及其修改前后的值均载于随本案卷导出的证据包；末页清单列明每个事件。
}
pdf-session_person = { $author }（{ $role }）· { $sessions ->
   *[other] { $sessions } 个工作时段
}
## Between the names of a list in one line ("Vessel name, Voyage").
pdf-list_separator = 、
pdf-session_when = { $from } 至 { $to }
pdf-session_line = { $count ->
   *[other] 在设备 { $device } 上修改 { $count } 项：{ $what }
}
pdf-session_refused = { $count ->
   *[other] { $count } 个事件未并入案卷（原因见证据包）
}

## Shipping documents: a table of type, number and file name, each with its file's SHA-256.
pdf-documents = 货运单证
pdf-no_documents = 未附货运单证。
pdf-document_type = 类型
pdf-document_number = 编号
pdf-no_document_number = 未填写
pdf-document_excluded = { $file }（已排除：{ $reason }）
pdf-documents_note = 每份单证下方是其文件确切字节的 SHA-256：文件本身以该名称保存在案件的证据包中。

## The manifest. Its lines ("case …", "event …", "photo …") are the hashed text itself, the same
## in every language: keep them in English.
pdf-manifest = 清单
pdf-manifest_note = 案件的每个已签名事件（按操作记录顺序）和每张照片原件，各附其确切字节的 SHA-256。清单文本为：一行 "case <case id> <case number>"，然后每个事件一行 "event <event id> <device id>:<device seq> <sha256>"，然后每张照片一行 "photo <sha256> <file name>"，每行以换行符（LF）结尾。清单的 SHA-256 印在最后。
pdf-manifest_events = 已签名事件（{ $count }）
pdf-manifest_event = 事件 { $event }  设备 { $device }:{ $seq }
pdf-no_signed_events = 未提供已签名事件。
pdf-manifest_photos = 照片原件（{ $count }）
pdf-manifest_documents = 货运单证（{ $count }）
pdf-manifest_documents_note = 照片行之后，每份货运单证一行 "document <sha256> <file name>"，按附加顺序排列。
pdf-manifest_sha256 = 清单 SHA-256：
