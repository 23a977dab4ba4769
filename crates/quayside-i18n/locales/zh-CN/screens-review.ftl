# The review screens: a case's review panel and the reason a change needs, the supervisors'
# review queue, the statistics dashboard and the evidence check.

## A case's review: where it stands, and the step this person may take.
approval-region = 审核
approval-waiting_since = 自{ $since }起待审核
approval-waiting_since_by = 自{ $since }起待审核（{ $by }提交）
approval-waiting_by = 待审核（{ $by }提交）
approval-returned = 已退回查验关员
approval-returned_by = 已被{ $by }退回
approval-returned_by_comment = 已被{ $by }退回：{ $comment }
approval-approved_by = { $by }于{ $at }审核通过
approval-reopened = 审核通过后已修改{ $count }处，待审核
# A comment given with a submission or an approval, quoted.
approval-quoted = “{ $comment }”
# Followed by a link to the timeline (changed_since_link), then changed_since_end.
approval-changed_since = { $by }于{ $at }审核通过后已修改{ $count }处：
approval-changed_since_link = 已在时间线中标出
approval-changed_since_end = 。
approval-note_for_supervisor = 给审核主管的说明（选填）
approval-comment = 审核意见（选填）
approval-submit = 提交审核
approval-approve = 审核通过
approval-return = 退回查验关员…
approval-return_question = 查验关员需要修改什么？（必填）
approval-return_missing = 请写明需修改的内容：查验关员首先看到这一条。
approval-section_comments = 分项意见（选填，显示在相应部分旁）
approval-return_confirm = 退回查验关员
approval-cancel = 取消
# Who commented on a section: the supervisor's name, or their role when the name is unknown.
approval-comment_by = { $name }：
approval-reason_region = 修改本案件的原因
approval-reason_given = 修改原因：
approval-reason_submitted = 本案件已提交审核。如需修改，请说明原因：
approval-reason_reopened = 本案件审核通过后已被修改，目前待审核。如需修改，请说明原因：
approval-reason_approved = 本案件已审核通过。如需修改，请说明原因：
approval-reason_placeholder = 例如：封志号读错
approval-reason_save = 保存原因并修改
approval-reason_kept = 该原因随每处修改一并记录。
approval-reason_kept_approved = 该原因随每处修改一并记录，案件将重新进入审核。
approval-go_submit = 请在案件顶部提交审核
approval-acknowledged = { $count ->
   *[other] { $by } 提交时已确认以下 { $count } 个差异标记：
}
approval-approve_title = 审核通过 { $number }？
approval-summary_changes = 本次审核涵盖的修改
approval-summary_flags = 未处理的差异标记
approval-summary_acknowledged = 查验关员已确认的差异标记
approval-summary_photos = 案卷中的照片
approval-close = 结案…
approval-close_title = 对 { $number } 结案？
approval-close_explain = 此案件已审核通过。结案后不能再修改，也不会重新进入审核。
approval-close_note = 备注（可选）
approval-close_confirm = 结案
approval-closed_by = 由 { $by } 于 { $at } 结案

## The supervisors' review queue.
queue-title = 审核队列
queue-port = 口岸
queue-inspector = 查验关员
queue-all = 全部
queue-empty = 没有待审核的案件。
queue-empty_filtered = 当前筛选条件下没有待审核的案件。
queue-case_number = 案件编号
queue-review = 审核
queue-waiting_since = 送审时间
queue-submitted_by = 提交人
queue-container = 集装箱
queue-flags = 异常标记
queue-flag_count = { $count }项异常

## The statistics dashboard.
stats-title = 统计
# $weight is a weight with its unit (stats-kilograms).
stats-total = { $count }起案件 · 查扣{ $weight }
stats-export = 导出供合作机构使用
stats-export_hint = 本统计的工作簿，不含当事人个人信息
stats-by_concealment = 按藏匿方式
stats-by_material = 按管制物项
stats-by_outcome = 按处理结果
stats-by_detection = 按发现方式
# Under the breakdowns where one case can count in several rows.
stats-note_concealment = 一起案件采用多种藏匿方式的，在每种方式下各计一次。其查扣量在这些方式之间平均分摊（藏匿方式不对应具体货物），因此各行查扣量之和等于总量。
stats-note_material = 一起案件涉及多种管制物项的，在每种物项下各计一次。每种物项只计其自身货物的重量，因此各行查扣量之和等于总量。
stats-note_detection = 一起案件经多种方式发现的，在每种方式下各计一次。其查扣量在这些方式之间平均分摊，因此各行查扣量之和等于总量。
stats-by_flag = 按预警标记
stats-note_flag = 一起案件有多个预警标记的，在每个标记下各计一次。其查扣量在这些标记之间平均分摊，因此各行查扣量之和等于总量。
stats-no_flag = 无预警标记
stats-none_recorded = 尚无案件记录此项。
stats-cases = 案件数
stats-seized = 查扣量
stats-seized_kg = 查扣量（千克）
stats-over_time = 案件趋势
stats-period = 统计周期
stats-by_week = 按周
stats-by_month = 按月
stats-no_cases = 无案件。
stats-cases_by_week = 每周案件数
stats-cases_by_month = 每月案件数
stats-week = 周
stats-month = 月份
stats-routes = 运输路线
stats-no_routes = 未记录运输路线。
stats-map_title = 路线图：{ $countries } 个国家之间的 { $legs } 段航程；下表列出每条路线的数字。
stats-map_leg = { $from } 至 { $to }：{ $cases } 个案件，查扣 { $kg } 千克
stats-not_recorded = 未记录
# $kg is already a number in the reader's language.
stats-kilograms = { $kg }千克
# An ISO 8601 week: $week is two digits ("07"), $year the year in the reader's calendar.
stats-week_label = { $year }年第{ $week }周

## The evidence check: the log, the photos and the server's proofs.
# $what, $problem and $reason are the check's own words.
evidence_report-event_problem = 事件 { $event }（设备 { $device }，序号 { $seq }）：{ $what }
evidence_report-event_problem_case = 事件 { $event }（设备 { $device }，序号 { $seq }，案件 { $case }）：{ $what }
evidence_report-photo_problem = 案件 { $case } 的照片 { $file }：{ $problem }
evidence_report-failed = 在{ $events }个事件和{ $photos }张照片中发现{ $problems }个问题
evidence_report-verified = 验证通过：来自{ $devices }台设备的{ $events }个事件，{ $photos }张照片。本机的每个签名、设备链和照片均与记录一致。
# As evidence_report-verified, with photos other devices attached that are not here yet.
evidence_report-verified_waiting = 验证通过：来自{ $devices }台设备的{ $events }个事件，{ $photos }张照片。本机的每个签名、设备链和照片均与记录一致。另有{ $waiting }张其他设备的照片尚未获取：下次同步时获取。
evidence_report-not_synced = 尚未与签名服务器同步：没有任何记录表明服务器已收到这些数据。
evidence_report-server_key = 服务器密钥 { $key }…
evidence_report-checkpoint = 服务器日志最近一次于{ $at }核对，当时共{ $size }个事件：日志只增未减。
evidence_report-checkpoint_alerts = 服务器日志最近一次于{ $at }核对，当时共{ $size }个事件；请查看上方警报。
evidence_report-all_proven = 已同步的每个事件均已证实记入服务器日志。
evidence_report-unproven = { $count }个事件尚未证实记入服务器日志（下次同步时证实）。
evidence_report-receipts = 已保存服务器回执{ $count }份。
evidence_report-revoked = 设备 { $device } 已于{ $at }被吊销：其序号 { $seq } 及以前的事件仍然有效。
evidence_report-refused = 同步时拒收（{ $at }）：事件 { $event }：{ $reason }
evidence_report-refused_unreadable = 同步时拒收（{ $at }）：事件（无法读取）：{ $reason }
evidence_report-alert = { $at }：{ $message }
evidence_report-close = 关闭
