# The case screens: the case list and its filters, a case's form, conflicts, timeline, chain of
# custody, photos and exports.

## The case list.
cases-title = 案件
cases-export_csv = 导出 CSV
cases-export_xlsx = 导出 XLSX
cases-export_partner = 合作机构表（CSV）
cases-check_evidence = 核验证据
cases-checking = 正在核验…
cases-new_case = 新建案件
cases-empty = 尚无案件：请按“新建案件”（Ctrl+N）。
cases-empty_filtered = 没有符合筛选条件的案件。
cases-column-case_number = 案件编号
cases-column-port = 口岸
cases-column-status = 状态
cases-column-container = 集装箱
cases-column-flags = 异常标记
cases-column-opened = 创建时间
cases-column-last_change = 最近修改
cases-pages = 分页
cases-previous = ← 上一页
cases-next = 下一页 →
# The rows shown: "1–50 of 1,234".
cases-page_range = 第 { $first }–{ $last } 条，共 { $total } 条
cases-page_none = 无案件
# A page past the last one.
cases-page_beyond = 本页无案件，共 { $total } 条
cases-port_placeholder = 例如 CNSHA
cases-open_case = 创建案件
cases-cancel = 取消

## The filters, on the case list and the statistics.
filter-label = 筛选案件
filter-search = 搜索案件
filter-search_placeholder = 搜索编号、封志、当事人、备注…
filter-port = 口岸
filter-port_placeholder = CNSHA
filter-port_hint = UN/LOCODE：五个字母，例如 CNSHA
filter-opened_from = 创建日期自
filter-opened_to = 至
# A day as it is typed in this language; $example is today written so.
filter-day_placeholder = 年-月-日
filter-day_hint = 日期格式为“年-月-日”，例如 { $example }
filter-status = 状态
filter-all = 全部
filter-concealment = 藏匿方式
filter-material = 管制物项
filter-detection = 发现方式
filter-outcome = 处理结果
filter-country = 途经国家（地区）
filter-country_placeholder = CN
filter-country_hint = 两个字母（ISO 3166），例如 CN
filter-flag = 预警标记
filter-flagged = 仅看有异常标记的
filter-clear = 清除筛选

## One case.
case-loading = 正在加载…
case-back = 返回
case-opened = { $count ->
   *[other] { $author } 于 { $date } 创建 · { $count } 条修改记录
}
case-withdraw_case = 撤销案件…
case-reopen = 重新开启案件
case-withdrawn_because = 已撤销：{ $reason }
case-why_withdrawn = 撤销案件的原因？
case-confirm = 确认
case-export_pdf = 导出 PDF
case-export_bundle = 导出证据包
case-export_bundle_title = 案件已签名的事件、照片及服务器的证明合为一个文件，任何人均可用 quayside-check 离线核验
case-flags = 异常标记
case-no_flags = 无异常标记
case-suggested_outcome = 标记提示的处理结果：{ $outcome }（{ $flags }）。仅为建议，由您决定。
case-use_suggested_outcome = 记录此处理结果
case-control_list = 按第 { $version } 版管制清单判断
case-control_list_apply = 改用第 { $version } 版管制清单
case-sections = 栏目
case-timeline = 操作记录
# $item is one entry of the section, in lower case ("seal").
case-add_item = 添加{ $item }
# "Seal 2".
case-item_name = { $item } { $number }
case-item_withdrawn = { $name } 已撤回：{ $reason }
case-move_up = 上移
case-move_down = 下移
case-withdraw_start = 撤回…
case-withdraw_reason = 原因（记入案卷）
case-withdraw = 撤回{ $name }
case-seal_as_evidence = 封存为证据
case-conflicts = { $count ->
   *[other] { $count } 个字段在两台设备上被修改
}

## The case file's header, sections and entries, and the guide on a person's first cases.
# "Open · Not submitted": the case's status, then where it stands in review.
casefile-flags = { $count ->
    [0] 无异常标记
   *[other] { $count } 个异常标记
}
# What a reviewer expects: how much of it is filled in.
casefile-filled = 已填 { $done } / { $total }
casefile-go_missing = 转到第一个尚有缺项的栏目
casefile-export = 导出
casefile-export_pdf_hint = 可打印或移交的案卷，以您的语言生成
casefile-submit = 提交
casefile-submit_title = 提交 { $number } 审核
casefile-submit_complete = 审核所需各项均已填写。
casefile-submit_missing = { $count ->
   *[other] 审核时将发现 { $count } 项缺失：
}
casefile-and_more = 另有 { $count } 项
casefile-submit_anyway = 按现状提交
casefile-state_now = 案件当前状态：{ $state }
casefile-submit_flags = 未处理的差异标记：请逐一勾选，确认已阅读
casefile-submit_flags_left = { $count ->
   *[other] 还有 { $count } 个差异标记未勾选，勾选后才能提交
}
casefile-missing_photo = 照片：尚无
casefile-missing_entry = { $section }：尚无记录
casefile-missing_holder = { $item }：尚无保管人记录
# "Goods found 2: Material".
casefile-missing_item_field = { $item }：{ $field }
# "Quantity or Weight": either is enough.
casefile-either = { $first }或{ $second }
casefile-progress = 已填 { $done } / { $total }
casefile-progress_short = { $done }/{ $total }
casefile-complete = 已完整
casefile-fold_all = 折叠全部栏目
casefile-unfold_all = 展开全部栏目
# "Party 2: Shipper": an entry's name and what tells it apart.
casefile-item_title = { $name }：{ $detail }
casefile-entry_actions = 移动或撤回{ $name }
casefile-no_entry = 尚无记录。
casefile-no_entry_expected = 尚无记录：审核要求至少一项。
casefile-withdraw_question = 撤回{ $name }？该项仍保留在案卷中，标为已撤回，并附您填写的原因。
casefile-entry_withdrawn = { $name } 已撤回。
casefile-entry_moved_up = { $name } 已上移。
casefile-entry_moved_down = { $name } 已下移。
casefile-entry_moved_back = { $name } 已移回原处。
casefile-entry_restored = { $name } 已恢复。
casefile-undo = 撤销
casefile-notice_close = 关闭此提示
casefile-restore = 恢复{ $name }
casefile-guide_title = 您的首批查获案卷
casefile-guide_count = 已完成 { $done } / { $total }
casefile-guide_intro = 一份查获案卷须包含以下内容。审核认为完整的项目会自动打勾；点击即可转到该栏目。
casefile-guide_declaration = 报关单：报关单号、申报品名、商品编码、数量或重量、原产国（地区）
casefile-guide_goods_found = 实际货物：货物名称、管制物项、数量
casefile-guide_concealments = 货物以何种方式藏匿于何处
casefile-guide_photos = 货物、藏匿部位及封志的照片
casefile-guide_parties = 当事人：发货人、收货人或申报人的角色和名称
casefile-guide_outcome = 处理结果，以及可否共享
casefile-guide_done = 已完成
casefile-guide_todo = 待完成
casefile-guide_hide = 隐藏此指引

## A field of the case form.
form-personal = 个人信息
form-personal_title = 个人信息：不计入共享统计
form-saving = 正在保存…
form-draft = 草稿，未保存
form-editing = 编辑中
form-draft_restored = 已恢复未保存的草稿
form-draft_restored_invalid = 已恢复未保存的草稿：{ $reason }
form-draft_restored_not_valid = 已恢复未保存的草稿：内容无效
form-not_valid = 无效
form-needs_reason = 尚未保存：请在上方说明修改本案的原因，随后自动保存
form-not_saved = 尚未保存：{ $reason }
form-expected = 应填
form-not_filled = 未填写
form-entry_gone = 已撤回的条目

## A field edited on several devices at once.
conflict-label = 冲突的值
conflict-title = 在 { $count } 台设备上同时被修改
conflict-empty = （空）
conflict-empty_value = 空
conflict-shown = 当前显示
conflict-keep = 保留此值
conflict-keep_value = 保留此值：{ $value }（{ $author }）

## The timeline.
timeline-author = { $author }（{ $role }）
timeline-since_approval = 审核通过后修改
timeline-refused = 未生效：{ $reason }
# A field's change: "Vessel name: MSC ANNA → MSC ANNA II".
timeline-change = { $label }：{ $from } → { $to }
timeline-change_set = { $label }：{ $to }
timeline-change_cleared = { $label }：{ $from } →（已清空）

## The chain of custody of an evidence item or a sample.
custody-title = 保管链
custody-row = { $at } — { $from } → { $to }，{ $place }，{ $condition }（记录人：{ $recorder }）
custody-held_by = 现保管人：{ $holder }
custody-nobody = 尚无此物品的保管人记录
custody-form_title = 登记移交
custody-form_label = 登记{ $name }的移交
custody-from = 移交人
custody-to = 接收人
custody-place = 地点
custody-at = 日期和时间
custody-at_placeholder = 年-月-日 时:分
custody-condition = 封志和包装状况
custody-condition_placeholder = 例如：封志完好
custody-save = 登记移交
custody-required = 登记移交须填写此项
custody-future = 晚于当前时间：移交完成后再登记

## Photos.
photos-title = 照片
photos-add = 添加照片
photos-drop = 或将文件拖放到此处
photos-pick_title = 选择要添加到案件的照片
photos-pick_filter = 照片和 X 光图像（JPEG、PNG、HEIC、TIFF、WebP）
photos-progress = { $done } / { $total }
photos-imported = 已导入 { $imported } / { $total } 个文件
photos-imported_some = 已导入 { $imported } / { $total } 个文件，{ $failed } 个未导入
photos-attached = 已附加
photos-already_attached = 已在本案中
photos-with_note = { $outcome }；{ $note }
photos-busy = 未导入：另一批照片正在导入，完成后请重新添加
# Sizes in megabytes.
photos-too_big = { $size } MB，超过 { $limit } MB 上限：未导入
photos-unreadable = 无法读取 { $file }（{ $reason }）：请确认这是您有权打开的文件。未保存任何内容。
photos-excluded = 已排除：{ $name }
photos-annotated = { $count } 个标注

## Shipping documents: the list, and the form that attaches a PDF or scan with its type and number.
documents-title = 货运单证
documents-none = 尚未附货运单证
documents-type = 单证类型
documents-number = 编号
documents-number_optional = 单证上的编号（可选）
documents-file = 文件
documents-size = 大小
documents-actions = 操作
documents-size_kb = { $size } KB
documents-size_mb = { $size } MB
documents-no_number = 无
documents-add = 附加单证
documents-drop = 或将 PDF 或扫描件拖放到此处（JPEG、PNG、TIFF；最大 25 MB）
documents-pick_title = 选择要附加到案件的货运单证
documents-pick_filter = 单证（PDF、JPEG、PNG、TIFF）
documents-attached = 已附加
documents-already_attached = 已在本案件中
documents-too_big = { $size } MB 超过单份单证 { $limit } MB 的上限：未附加。请以较低分辨率扫描或拆分文件。
documents-excluded = 已排除：{ $reason }
documents-exclude = 排除
documents-exclude_reason = 排除此单证的原因
documents-cancel = 取消
scan-label = 扫描{ $item }编号（扫描枪或键盘，然后按回车）
scan-hint = 每扫描一次就添加一条带编号的记录；输入框保持就绪，可继续扫描。
scan-camera = 用相机读取
scan-added = 已添加{ $item } { $value }。
camera-open = 相机
camera-title = 相机：为本案拍照
camera-choose = 使用的相机
camera-take = 拍照
camera-taken = 已拍 { $count } 张
camera-code_title = 相机：读取编码
camera-code_hint = 让条形码或二维码保持稳定，约占画面的三分之一，然后读取。
camera-read = 读取编码
camera-no_code = 该画面中未找到编码：请拿稳或靠近一些再读取。
camera-done = 完成
camera-starting = 正在启动相机…
camera-unavailable = 无法启动任何相机（{ $detail }）。请关闭此窗口，改为从文件导入照片。
camera-shot_saved = 第 { $number } 张照片已存入本案
camera-shot_failed = 第 { $number } 张照片未保存：{ $reason }
camera-hint = 每张照片拍下即存入本案，使用相机的完整分辨率，并记录为在本设备上拍摄。依次拍摄箱门、封志、货物和查获物。
viewer-label = 照片 { $name }
viewer-close = 关闭
viewer-excluded = 已排除：{ $reason }
viewer-sha256 = SHA-256
viewer-size = 大小
viewer-size_value = { $bytes } 字节 · { $type }
viewer-taken = 拍摄时间
viewer-camera = 相机
viewer-position = 位置
viewer-window = 灰度级
viewer-window_hint = 收窄灰度范围可看清密集货物内部；原件保留全部灰度级。
viewer-window_low = 黑色对应灰度 { $level }
viewer-window_high = 白色对应灰度 { $level }
viewer-window_auto = 自动灰度
viewer-source = 来源
viewer-source_camera = 在设备 { $device } 上用 Quayside 相机拍摄
viewer-source_file = 从文件导入
viewer-attached = 附加
viewer-attached_value = { $author } 于 { $date }
viewer-not_in_file = 文件中无此信息
viewer-caption = 照片说明
viewer-exclude_start = 从案件中排除…
viewer-exclude_reason = 排除的原因？
viewer-exclude = 排除
viewer-fit = 适应窗口
viewer-full_size = 按原始尺寸显示
viewer-annotations = 标注
viewer-annotations_shown = 显示标注
viewer-annotation_tools = 在照片上绘制
viewer-annotation_text = 要放置的文字
viewer-annotation_hint = 在照片上从起点拖到终点，或先点起点再点终点。
viewer-annotation_hint_freehand = 用手指、笔或鼠标在照片上绘制。
viewer-annotation_hint_text = 先输入文字，再点照片上要放置的位置。
viewer-annotation_area = 绘制区域：方向键移动点，回车键放置
viewer-annotation_keys = 使用键盘：按 Tab 移到照片，用方向键移动点（按住 Shift 移得更远），按回车键放置。
viewer-annotation_started = 起点已定：请点终点。
viewer-annotations_none = 此照片上没有绘制内容。在照片上绘制不会改变原件。
viewer-annotation_by = { $author }，{ $date }
viewer-annotation_remove = 删除{ $shape }

## An export's result.
export_result-busy = 正在导出…
export_result-failed = 未导出：{ $reason }
# Followed by the file's path, then its size.
export_result-saved_to = 已保存至
export_result-bytes = （{ $bytes } 字节）
export_result-sha256 = SHA-256
export_result-close = 关闭
export_result-show_in_folder = 在文件夹中显示
export_result-cancelled = 未保存：“保存”对话框已关闭，未选择文件

## A call the app did not answer.
ipc-no_answer = 应用未响应：{ $reason }
## 将分析仪导出文件（CSV）导入为读数。
import_readings-title = 导入分析仪导出文件（CSV）
import_readings-choose = 选择分析仪导出的 CSV 文件
import_readings-found = { $file }：{ $count } 个读数。请核对每列的内容，然后导入。
import_readings-column = 列
import_readings-holds = 内容
import_readings-first_rows = 前几行
import_readings-not_read = 不读取
import_readings-role_reading_id = 读数编号
import_readings-role_time = 日期或时间
import_readings-role_instrument_serial = 仪器序列号
import_readings-role_instrument_make = 仪器品牌
import_readings-role_instrument_model = 仪器型号
import_readings-concentration = 文件中的浓度单位
import_readings-unit_percent = 质量百分比（合金模式）
import_readings-unit_ppm = ppm，百万分之一（按质量百分比保存）
import_readings-role_element = { $label }（质量百分比）
import_readings-role_uncertainty = { $label } 不确定度（±）
import_readings-sample = 读数所属样品
import_readings-no_sample = 请先添加样品：每个读数都属于一个样品。
import_readings-element_twice = { $label } 被选给了两列：请只选给其中一列。
import_readings-no_element = 请至少为一列选择元素。
import_readings-import = 导入读数
import_readings-cancel = 取消
import_readings-done = 从 { $total } 行中添加了 { $count } 个读数。
import_readings-not_detected = { $count } 个值未检出（<LOD、ND），未添加。
import_readings-bad_rows = 以下行无法读取，因此未导入任何内容。请更正文件，或导入其他行并略过这些行：
import_readings-skip_bad = 导入其他行并略过这些行

## 其他案件中出现：本案记录的、其他案件也记录的对象。
related-title = 其他案件中出现
related-none = 本案记录的内容未出现在本设备的其他案件中。
related-seen_in = { $count ->
    [0] 未见于其他案件
   *[other] 见于另外 { $count } 个案件
}
related-newest_of = 列出 { $count } 个中最新的 { $shown } 个。
related-through_link = 经人工关联
related-summary_only = 其他口岸的摘要：本设备上没有此案件
related-elsewhere = 另有 { $count } 个其他口岸的案件（仅数量：案件由该口岸保管）
related-elsewhere_offline = 未查询其他口岸：目前无法连接服务器。
related-seized_warning = { $kind } { $name } 曾出现在已结案的查扣案件中。
related-show_cases = 查看案件
related-badge = { $kind }：见于另外 { $count } 个案件
related-maybe_same = 可能与 { $name } 相同（{ $count } 个案件）
related-same = 相同
related-not_same = 不同
related-same_label = { $name } 与 { $other } 相同
related-not_same_label = { $name } 与 { $other } 不同

## 案件关系网：两层共同实体以内的案件，以及两案之间的关联。
related-show_network = 查看本案关系网
network-title = { $case } 的关系网
network-back = 返回案件
network-opened_from = 立案日期自
network-opened_to = 立案日期至
network-port = 口岸
network-summary = 案件：{ $cases } · 共同实体：{ $entities }。方形为案件，圆形为实体，虚线为人工建立的关联，虚线框为仅有摘要的其他口岸案件。
network-truncated = 共有这些实体的案件多于所绘的 { $max } 个：请缩小日期或口岸范围。
network-cases = 关系网中的案件
network-none = 在此日期和口岸范围内，没有其他案件与本案相隔两层共同实体以内。
network-depth = 相隔 { $depth } 步
network-path_title = { $from } 与 { $to } 如何关联
network-step = { $from } 和 { $to } 都记有 { $name }（{ $kind }）。
network-step_linked = { $from } 记有 { $name }（{ $kind }），已被人工关联到 { $to } 记有的 { $other }。
network-no_path = { $from } 与 { $to } 在四步之内没有共同之处。
network-open_case = 打开 { $case }
