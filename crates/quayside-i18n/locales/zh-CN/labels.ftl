# Labels of the case model: sections, fields, event kinds, flags, roles, statuses, code lists,
# and the words of exports. In code a key is written with dots (`section.route`); here the dots
# are hyphens, as Fluent ids allow no dots.

## Section headings.
section-case = 案件
section-declaration = 报关单
section-transport = 运输方式与船舶
section-units = 运输单元
section-seals = 封志
section-route = 运输路线
section-declared_lines = 申报商品项
section-goods_found = 实际货物
section-samples = 样品
section-readings = 分析仪读数
section-concealments = 藏匿方式
section-detection = 发现方式
section-parties = 当事人
section-outcome = 处理结果
section-evidence = 证据物品

## One item of a list section, followed by its number ("Seal 2").
item-units = 单元
item-seals = 封志
item-route = 路线区段
item-declared_lines = 申报商品项
item-goods_found = 实际货物
item-samples = 样品
item-readings = 读数
item-concealments = 藏匿方式
item-parties = 当事人
item-evidence = 证据物品

## Fields.
field-port = 查验口岸（UN/LOCODE）
field-location_type = 地点类型
field-customs_procedure = 海关监管方式
field-legal_basis = 法律依据
field-case_notes = 备注
field-declaration_number = 报关单号
field-transport_document = 提单/空运单号
field-declared_description = 申报品名
field-declared_hs_code = 申报商品编码
field-declared_quantity = 申报数量
field-declared_weight = 申报重量
field-declared_value = 申报货值
field-declared_origin = 申报原产国（地区）
field-risk_lane = 风险布控通道
field-transport_mode = 运输方式
field-vessel_name = 船名
field-imo_number = IMO编号
field-voyage = 航次
field-container_number = 集装箱号（ISO 6346）
field-size_type = 箱型尺寸代码
field-unit_kind = 单元类型
field-unit_number = 单元编号
field-seal_number = 封志号
field-seal_state = 状况
field-seal_unit = 所在单元
field-leg_locode = 地点（UN/LOCODE）
field-leg_role = 环节
field-leg_basis = 申报或查明
field-line_description = 商品名称
field-line_hs_code = 商品编码
field-line_quantity = 数量
field-line_weight = 重量
field-goods_description = 货物描述
field-goods_declared_line = 夹藏于或顶替的申报商品项
field-goods_unit = 查获所在单元
field-goods_hs_code = 实际商品编码
field-goods_material = 管制物项
field-goods_form = 形态
field-goods_quantity = 数量
field-goods_weight = 重量
field-goods_identified_by = 认定依据
field-goods_discrepancy = 与申报不符情况
field-sample_seal = 样品封志号
field-sample_method = 检测方法
field-sample_taken_at = 取样时间
field-sample_result = 检测结果
field-reading_sample = 样品
field-reading_instrument_make = 仪器品牌
field-reading_instrument_model = 仪器型号
field-reading_instrument_serial = 仪器序列号
field-reading_id = 读数编号
field-reading_taken_at = 读数时间
field-reading_element = 元素
field-reading_mass_percent = 质量百分比
field-reading_uncertainty = 不确定度（±，质量百分比）
field-concealment_method = 方式
field-concealment_description = 藏匿手法
field-concealment_location = 藏匿部位
field-concealment_unit = 所在单元
field-detection_methods = 发现方式
field-detection_notes = 发现情况说明
field-party_role = 角色
field-party_kind = 个人或企业
field-party_name = 姓名/名称
field-party_identifier = 证件号码或注册号
field-party_country = 国家（地区）
field-party_nationality = 国籍
field-party_birth_year = 出生年份
field-party_gender = 性别
field-party_address = 地址
field-outcome_code = 处理结果
field-shareable = 可与合作机构共享
field-outcome_notes = 处理情况说明
field-evidence_number = 物证袋号或封志号
field-evidence_description = 描述
field-evidence_quantity = 数量

## Event kinds, as the timeline heads each event.
event-case_opened = 案件已创建
event-field_set = 字段已修改
event-item_added = 条目已添加
event-item_moved = 条目已移动
event-item_withdrawn = 条目已撤回
event-item_restored = 条目已恢复
event-photo_attached = 照片已附加
event-photo_caption_set = 照片已加说明
event-photo_excluded = 照片已排除
event-status_set = 状态已变更
event-custody_transferred = 保管已移交
event-review_submitted = 已提交审核
event-review_approved = 审核通过
event-review_returned = 退回查验关员
event-case_closed = 已结案
event-unknown = 较新版本的事件
event-undecodable = 无法读取的事件

## Discrepancy flags.
flag-controlled_undeclared = 管制物项未申报
flag-hs_heading_mismatch = 税目不符
flag-weight_discrepancy = 重量不符
flag-quantity_discrepancy = 数量不符
flag-commingling = 管制物项夹藏于其他货物中
flag-analyser_controlled = 分析仪检出管制元素
flag-origin_not_on_route = 原产国不在运输路线上
flag-origin_relabelled = 原产地改标
flag-undeclared_transshipment = 未申报转运
flag-custody_break = 保管链中断

## The role an author signs with.
role-inspector = 查验关员
role-supervisor = 审核主管
role-admin = 管理员
role-other = 其他角色

## Case status.
status-open = 办理中
status-closed = 已结案
status-withdrawn = 已撤销

## Review state, as the case list and queue show it.
review-not_submitted = 未提交
review-submitted = 待审核
review-returned = 已退回
review-approved = 已通过
review-reopened = 审核通过后已修改

## Where a case stands: its status and review in one state, shown in the header, list, queue and exports.
state-draft = 草稿
state-submitted = 待审核
state-returned = 已退回
state-approved = 已通过
state-reopened = 审核通过后已修改
state-closed = 已结案
state-withdrawn = 已撤销

## The words of timeline lines other than sections and fields.
change-case_number = 案件编号
change-status = 状态
change-review = 审核
change-reason = 修改原因
change-photo = 照片
change-caption = 照片说明
change-custody = 保管
change-conflict = 冲突：同一时间在别处被修改，两个值均已保留
change-conflict_settled = 冲突已解决
change-acknowledged = 已确认的差异标记
change-added = 已添加
change-position = 第 { $position } 位
change-entry = { $item } { $number }
change-withdrawn = 已撤回：{ $reason }
change-restored = 已恢复
change-photo_attached = 已附加（SHA-256 { $sha256 }）
change-photo_excluded = 已排除：{ $reason }
change-status_reason = { $status }（{ $reason }）
change-custody_to = 移交给 { $to }，地点 { $place }，时间 { $at }（状况：{ $condition }）
change-review_submitted = 已提交审核
change-review_submitted_comment = 已提交审核（{ $comment }）
change-review_returned = 已退回：{ $comment }
change-review_approved = { $count ->
   *[other] 已审核通过，涵盖 { $count } 个事件
}
change-review_approved_comment = { $count ->
   *[other] 已审核通过，涵盖 { $count } 个事件（{ $comment }）
}
change-review_uncovered = { $count ->
   *[other] { $count } 项未涵盖的修改使案件重新待审
}

## Code lists.
concealment-C1 = 伪瞒报
concealment-C2 = 掺混夹带
concealment-C3 = 藏于物品或液体中
concealment-C4 = 结构夹藏
concealment-C5 = 单证掩饰
concealment-C6 = 拆分寄递
detection-D1 = 风险布控（红色通道）
detection-D2 = 情报线索或合作机构预警
detection-D3 = 随机抽查
detection-D4 = 单证不符
detection-D5 = X光或γ射线机检
detection-D6 = 人工查验
detection-D7 = 手持式分析仪
detection-D8 = 辐射监测门
detection-D9 = 海关稽查
detection-D10 = 联合执法行动
outcome-O1 = 放行，无异常
outcome-O2 = 改单或补税后放行
outcome-O3 = 扣留，待检测结果或许可证
outcome-O4 = 查扣
outcome-O5 = 没收
outcome-O6 = 行政处罚
outcome-O7 = 移送刑事处理
outcome-O8 = 退运
outcome-O9 = 销毁
outcome-O10 = 控制下交付
material-rare_earth = 稀土金属及其化合物
material-gallium_germanium = 镓、锗
material-antimony = 锑
material-tungsten = 钨
material-none = 非管制物项
## What each entry of the controlled-materials watchlist covers, by HS subheading: `watch.<hs prefix>`.
watch-280530 = 稀土金属
watch-284610 = 铈的化合物
watch-284690 = 其他稀土化合物
watch-811292 = 镓、锗：未锻轧、粉末、废碎料
watch-811299 = 镓、锗：已锻轧
watch-282560 = 锗的氧化物
watch-811010 = 锑：未锻轧、粉末
watch-811020 = 锑废碎料
watch-811090 = 其他锑
watch-282580 = 锑的氧化物
watch-261710 = 锑矿砂
watch-810110 = 钨粉
watch-810194 = 未锻轧钨
watch-810196 = 钨丝
watch-810197 = 钨废碎料
watch-810199 = 其他钨
watch-261100 = 钨矿砂
watch-284180 = 钨酸盐
## Declared goods of known composition, by HS heading or subheading: `composition.<hs prefix>`.
composition-381010 = 焊膏
composition-8001 = 未锻轧锡
composition-8003 = 锡条、杆、型材及丝
composition-8007 = 其他锡制品
composition-7403 = 精炼铜及铜合金
composition-7901 = 未锻轧锌
composition-7601 = 未锻轧铝
composition-7502 = 未锻轧镍
composition-720221 = 硅铁
composition-720229 = 其他硅铁
composition-6907 = 陶瓷砖
composition-2603 = 铜矿砂及其精矿
form-ingot = 锭
form-powder = 粉末
form-oxide = 氧化物
form-alloy = 合金
form-blend = 混合物
form-ore = 矿砂或精矿
form-scrap = 废碎料
form-wire = 丝材或锻轧材
form-other = 其他
transport_mode-sea = 海运
transport_mode-air = 空运
transport_mode-road = 公路
transport_mode-rail = 铁路
transport_mode-postal = 邮件或快件
route_role-origin = 原产地
route_role-loading = 装货地
route_role-transshipment = 转运地
route_role-transit = 过境地
route_role-discharge = 卸货地
route_role-destination = 目的地
route_basis-declared = 申报
route_basis-established = 查明
unit_kind-container = 集装箱
unit_kind-trailer = 挂车或货车
unit_kind-uld = 航空集装器（ULD）
unit_kind-postal = 邮件
seal_state-intact = 完好
seal_state-broken = 破损
sample_method-xrf = 手持式XRF
sample_method-libs = 手持式LIBS
sample_method-density = 密度测试
sample_method-icp_ms = 实验室ICP-MS
sample_method-other = 其他实验室方法
party_role-shipper = 发货人
party_role-consignee = 收货人
party_role-declarant = 申报人
party_role-carrier = 承运人
party_role-driver = 驾驶员
party_role-other = 其他
party_kind-company = 企业
party_kind-person = 个人
risk_lane-red = 红色
risk_lane-yellow = 黄色
risk_lane-green = 绿色
risk_lane-blue = 蓝色
identified_by-visual = 外观查验
identified_by-analyser = 手持式分析仪
identified_by-lab = 实验室
identified_by-documents = 单证
yes_no-yes = 是
yes_no-no = 否
customs_procedure-export = 出口
customs_procedure-import = 进口
customs_procedure-transit = 转关/过境
location_type-seaport = 海港
location_type-airport = 机场
location_type-land_border = 陆路口岸
location_type-postal_centre = 邮件或快件中心
gender-female = 女
gender-male = 男
gender-unknown = 不详

## Spreadsheet exports: sheet names, and column headings that are no field, code or kind.
sheet-cases = 案件
sheet-totals = 汇总
sheet-by_concealment = 按藏匿方式
sheet-by_material = 按物项
sheet-by_outcome = 按处理结果
sheet-by_detection = 按发现方式
sheet-by_month = 按月
sheet-by_week = 按周
sheet-routes = 路线
column-opened_at = 创建时间
column-opened_by = 创建人
column-updated_at = 更新时间
column-flags = 异常标记
column-events = 事件
column-cases = 案件数
column-seized_kg = 查扣量（千克）
column-month = 月份
column-iso_week = ISO周
column-declared_kg = 申报重量（千克）
column-found_kg = 查获重量（千克）
column-code = { $column }（代码）
sheet-by_flag = 按预警标记
cell-no_flag = 无预警标记
sheet-partner = 供合作机构
column-offenders = 违法人员（角色：国籍、出生年份、性别）
cell-not_recorded = （未记录）

## Notes shown with a result.
export-personal_data = 本文件含有个人信息。请存放于加密存储设备，仅与有权知悉者共享，不再需要时予以删除。
export-partner = 仅含标为“可与合作机构共享”且经主管批准的案件。不含姓名、身份证件号码、地址、执法人员或自由文本：违法人员仅按角色、国籍、出生年份和性别列出。

## Hints shown beside a code list's entries.
hint-concealment-C1 = 伪报品名、伪报商品编码、少报数量、低报价格
hint-concealment-C2 = 掺入瓷砖、废料、精矿；合金化或镀覆
hint-concealment-C3 = 塑料模特、瓶装水、机械设备、假底包装
hint-concealment-C4 = 集装箱或车辆的侧壁、底板、框架
hint-concealment-C5 = 更换标签或重新包装、虚假原产地证书、转运、空壳公司
hint-concealment-C6 = 邮件、快件、快递包裹
hint-detection-D7 = XRF、LIBS、密度
hint-material-rare_earth = HS 2805.30, 2846.10, 2846.90
hint-material-gallium_germanium = HS 8112.92, 8112.99, 2825.60
hint-material-antimony = HS 8110.10, 8110.20, 8110.90, 2825.80, 2617.10
hint-material-tungsten = HS 8101.10-8101.99, 2611.00, 2841.80
hint-route_basis-established = 经查验查明
hint-unit_kind-uld = IATA 集装器编号，例如 AKE12345CX
hint-unit_kind-postal = UPU S10 邮件号，例如 RR123456785CN
hint-risk_lane-red = 实货查验
hint-risk_lane-yellow = 单证审核
hint-risk_lane-green = 免于查验
hint-risk_lane-blue = 海关稽查

## What to type, shown in an empty box.
input_hint-container = 例如 CSQU 305438 3
input_hint-imo = 7 位数字，例如 9074729
input_hint-locode = 例如 CNSHA
input_hint-country = 两个字母，例如 CN
input_hint-hs_code = 例如 8101.94
input_hint-weight = 例如 1250 kg
input_hint-quantity = 例如 40 箱
input_hint-money = 例如 12000 USD
input_hint-date_time = 2026/12/6 14:05 或 2026年12月6日
input_hint-mass_percent = 例如 38.25
input_hint-birth_year = 四位数字，例如 1975
## Elements an analyser reads, by symbol: `element.<symbol>`.
element-Ga = 镓
element-Ge = 锗
element-Sb = 锑
element-W = 钨
element-Sc = 钪
element-Y = 钇
element-La = 镧
element-Ce = 铈
element-Pr = 镨
element-Nd = 钕
element-Pm = 钷
element-Sm = 钐
element-Eu = 铕
element-Gd = 钆
element-Tb = 铽
element-Dy = 镝
element-Ho = 钬
element-Er = 铒
element-Tm = 铥
element-Yb = 镱
element-Lu = 镥
element-Sn = 锡
element-Pb = 铅
element-Cu = 铜
element-Zn = 锌
element-Fe = 铁
element-Ni = 镍
element-Co = 钴
element-Ag = 银
element-Bi = 铋
element-In = 铟
element-Si = 硅
element-Al = 铝
