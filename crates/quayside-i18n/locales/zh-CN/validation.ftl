# Why a value was refused (`invalid.*`), what a valid one was found to be (`valid.*`), and the
# details of discrepancy flags (`discrepancy.*`). Each says what is wrong and how to fix it.
# Variables hold what was typed or a code, shown as given; `$length`, `$count` and `$position`
# are numbers.

## Container numbers (ISO 6346).
invalid-container_empty = 请输入集装箱号：4 个字母加 7 位数字，例如 CSQU3054383
invalid-container_length = 集装箱号应有 11 个字符（4 个字母、7 位数字，例如 CSQU3054383），但 { $number } 有 { $length } 个：请检查是否漏输或多输了字符
invalid-container_not_plain = 集装箱号{ $position ->
    [1] 开头
   *[other] 第 { $position } 个字符处（{ $before } 之后）
}是 { $character }，它不是普通字母或数字：集装箱号由 4 个字母 A-Z 和 7 位数字组成，例如 CSQU3054383
invalid-container_look_alike = 集装箱号{ $position ->
    [1] 开头
   *[other] 第 { $position } 个字符处（{ $before } 之后）
}是 { $character }：它看起来像 { $plain }，但属于其他文字的字母；请改为输入 { $plain }
invalid-container_invisible = 集装箱号{ $position ->
    [1] 开头
   *[other] 第 { $position } 个字符处（{ $before } 之后）
}有一个不可见字符 { $character }：请删除它并核对号码（它是随复制的文字一起粘贴进来的）
invalid-container_owner = { $number } 的箱主代码“{ $owner }”必须是三个字母：请检查是否把字母误读成了数字，例如把 O 读成 0
invalid-container_category = { $number } 的第四个字符是“{ $character }”，但必须是 U、J 或 Z（设备类别代码）：请在箱门上重新核对
invalid-container_serial = { $number } 的箱号“{ $serial }”必须是六位数字：请检查是否把数字误读成了字母，例如把 0 读成 O
invalid-container_no_check_digit = { $number } 缺少校验码：请补上校验码，应为 { $expected }（{ $number }{ $expected }），但请以箱门上的号码为准
invalid-container_check_digit_letter = { $number } 的最后一个字符是“{ $character }”，但必须是数字（校验码，此处应为 { $expected }）：请在箱门上重新核对号码
invalid-container_check_digit = 校验码是 { $given }，但 { $number } 的校验码应为 { $expected }：请在箱门上重新核对号码
valid-container_check_digit = ISO 6346 校验码 { $digit } 正确

## IMO ship numbers.
invalid-imo_empty = 请输入 IMO 编号：7 位数字，例如 IMO 9074729
invalid-imo_characters = IMO 编号为 7 位数字（前面可加“IMO”），但“{ $text }”含有其他字符：请照船舶证书抄写数字，例如 IMO 9074729
invalid-imo_length = IMO 编号应有 7 位数字，但 { $digits } 有 { $length } 位：请检查是否漏输或多输了数字
invalid-imo_mmsi = IMO 编号应有 7 位数字，但 { $digits } 有 { $length } 位（9 位数字是 MMSI，即船舶无线电识别码，不是 IMO 编号）：请检查是否漏输或多输了数字
invalid-imo_check_digit = 校验码是 { $given }，但 IMO { $first_six } 的校验码应为 { $expected }：请在船舶证书或船体上重新核对 IMO 编号
valid-imo_check_digit = IMO 校验码正确

## 运输单元：按类型核对编号（IATA 集装器、UPU S10；集装箱同上）。
invalid-unit_kind_first = 请先选择单元类型（集装箱、挂车、航空集装器或邮件）：编号按类型核对
invalid-unit_number_other_kind = { $number } 不是有效的{ $kind }编号：请先更正或清除该单元的编号，再更改类型
invalid-unit_number_not_plain = 编号的第 { $position } 个字符是 { $character }，不是普通字母或数字：请用字母 A-Z 和数字 0-9 重新输入
invalid-uld_length = 集装器编号应有 9 或 10 个字符（3 个字母、4 或 5 位数字和 2 个字符的航空公司代码，例如 AKE12345CX），但 { $number } 有 { $length } 个：请检查是否漏输或多输了字符
invalid-uld_type = { $number } 的类型代码“{ $type }”必须是三个字母，例如 AKE：请检查是否把字母误读成了数字，例如把 O 读成 0
invalid-uld_serial = { $number } 的序号“{ $serial }”必须是 4 或 5 位数字：请检查是否把数字误读成了字母，例如把 0 读成 O
invalid-uld_owner = { $number } 末尾的航空公司代码“{ $owner }”必须是 2 个字母，或一个字母加一位数字，例如 CX：请在集装器铭牌上重新核对
invalid-s10_length = 邮件号应有 13 个字符（2 个字母、8 位数字、1 位校验码和 2 个字母的国家代码，例如 RR123456785CN），但 { $number } 有 { $length } 个：请检查是否漏输或多输了字符
invalid-s10_service = { $number } 开头的业务代码“{ $service }”必须是两个字母，例如 RR：请检查是否把字母误读成了数字
invalid-s10_serial = { $number } 的序号“{ $serial }”必须是八位数字：请检查是否把数字误读成了字母，例如把 0 读成 O
invalid-s10_country = { $number } 末尾的国家代码“{ $country }”不是 ISO 3166 国家：请在面单上重新核对最后两个字母
invalid-s10_no_check_digit = { $number } 缺少校验码：请在八位数字后补上，应为 { $expected }（{ $corrected }），但请以面单上的号码为准
invalid-s10_check_digit_letter = { $number } 的校验码是“{ $character }”，但必须是数字（此处应为 { $expected }）：请在面单上重新核对号码
invalid-s10_check_digit = 校验码是 { $given }，但 { $number } 的校验码应为 { $expected }：请在面单上重新核对号码
valid-s10_check_digit = UPU S10 校验码 { $digit } 正确
## UN/LOCODEs, countries and currencies.
invalid-locode_empty = 请输入 UN/LOCODE：国家代码加三个字符，例如鹿特丹为 NLRTM
invalid-locode_not_plain = UN/LOCODE 的第 { $position } 个字符是 { $character }，它不是普通字母 A-Z 或数字：请重新输入代码（可能粘贴进了其他文字中形似的字母或不可见字符）
invalid-locode_length = UN/LOCODE 有 5 个字符（2 个字母的国家代码、3 个字符的地点代码，例如 NLRTM），但 { $code } 有 { $length } 个：请检查是否漏输或多输了字符
invalid-locode_country_letters = UN/LOCODE 以两个字母的国家代码开头，但 { $code } 以“{ $country }”开头：例如 NLRTM 中的 NL
invalid-locode_country_unassigned = { $code } 以“{ $country }”开头，这不是已分配的 ISO 3166 国家代码：请检查前两个字母
invalid-locode_country_uk = { $code } 以“{ $country }”开头，这不是已分配的 ISO 3166 国家代码：请检查前两个字母（英国是 GB）
invalid-locode_zero_one = UN/LOCODE 从不使用数字 0 或 1，但 { $code } 中有“{ $digit }”：这很可能是字母 { $letter }
invalid-locode_place = UN/LOCODE 的后三个字符是字母 A-Z 或数字 2-9，但 { $code } 中有“{ $character }”：请核对代码，例如 NLRTM
invalid-country_empty = 请输入国家（地区）的两字母 ISO 代码，例如泰国为 TH
invalid-country_shape = 国家（地区）代码是两个字母（ISO 3166），例如泰国为 TH，但“{ $text }”不是：请填代码，不要填名称
invalid-country_unassigned = { $code } 不是已分配的 ISO 3166 国家代码：请检查拼写
invalid-country_uk = { $code } 不是已分配的 ISO 3166 国家代码：请检查拼写（英国是 GB）
invalid-birth_year_shape = 出生年份为四位数字，例如 { $example }，但“{ $text }”不是：请只填写年份
invalid-birth_year_range = { $text } 不是本应用接受的出生年份：请填写 { $from } 至 { $to } 之间的年份
invalid-currency_empty = 请输入币种的三字母代码，例如 USD 或 EUR
invalid-currency_shape = 币种是三字母代码，例如 USD、EUR 或 THB，但“{ $text }”不是：请填代码，不要填符号或名称

## HS codes.
invalid-hs_empty = 请输入商品编码：至少 6 位数字，例如 2805.30
invalid-hs_character = 商品编码只含数字（可以有点号和空格），但“{ $text }”中有“{ $character }”：例如 2805.30
invalid-hs_chapter_00 = { $digits } 不是有效的商品编码：不存在第 00 章。请填写货物的编码，第 01 至 97 章
invalid-hs_chapter_77 = { $digits } 不是有效的商品编码：第 77 章为将来使用保留，不含任何货物。请填写货物的编码，第 01 至 97 章
invalid-hs_chapter_national = { $digits } 不是有效的商品编码：第 98 和 99 章供各国自用，不属于国际协调制度。请填写货物的编码，第 01 至 97 章
invalid-hs_heading_alone = { $digits } 只是品目，不够：请填写 6 位数字，例如 { $digits }.30
invalid-hs_too_short = 商品编码至少有 6 位数字，但 { $digits } 只有 { $length } 位：请填写 6 位数字，例如 2805.30
invalid-hs_too_long = 商品编码最多 10 位数字，但 { $digits } 有 { $length } 位：请检查是否多输了数字
valid-hs_watched = 属于管制物项监控清单：{ $material }

## Weights, quantities and amounts. `$number` is the number as typed; `$example` an example as
## the person writes numbers.
invalid-weight_empty = 请输入重量及单位，例如 1250 kg
invalid-weight_no_unit = 请填写单位：kg、g、t 或 lb，例如 1250 kg
invalid-weight_no_number = 请在单位前填写数值，例如 1250 kg
invalid-weight_unit = “{ $unit }”不是重量单位：请用 kg、g、t 或 lb，例如 1250 kg
invalid-weight_negative = 重量不能为负：请去掉负号
invalid-weight_implausible = { $weight } 超过一百万吨，单票货物不可能这么重：请检查数值和单位
invalid-quantity_empty = 请输入数量及单位，例如 1200 pcs 或 40 箱
invalid-quantity_no_unit = 请在数值后填写单位，例如 1200 pcs 或 40 箱
invalid-quantity_no_number = 请在单位前填写数值，例如 1200 pcs 或 40 箱
invalid-quantity_unit = 单位必须是一个词，最多 20 个字，例如 pcs 或 箱，但“{ $unit }”不是：其他细节请写在描述中
invalid-quantity_negative = 数量不能为负：请去掉负号
invalid-mass_percent_negative = 质量分数不能为负：请填写分析仪显示的百分比，0 至 100
invalid-mass_percent_over = '{ $number }' 超过 100 %：请填写该元素在样品中的百分比，0 至 100
invalid-mass_percent_decimals = '{ $number }' 超过 4 位小数：请保留 4 位，例如 { $example }
invalid-mass_percent_not_detected = '{ $text }' 表示未检出该元素：请将质量百分比留空，或撤回此读数
invalid-money_empty = 请输入金额及币种代码，例如 12000 USD
invalid-money_symbol = 币种请用三字母代码，不要用符号，例如 12000 USD
invalid-money_no_currency = 币种请用三字母代码，例如 12000 USD
invalid-money_no_amount = 请同时填写金额，例如 12000 USD
invalid-money_negative = 金额不能为负：请去掉负号
invalid-money_cents = { $amount } 超过两位小数：请精确到分，例如 { $example }
invalid-number_point = “{ $number }”不是数字：请只用数字，最多一个小数点，例如 { $example }
invalid-number_comma = “{ $number }”不是数字：请只用数字，最多一个小数逗号，例如 { $example }
invalid-number_decimal_comma = “{ $number }”不是数字：这里小数点用点号，逗号用于千位分隔，所以 { $plain } 应写作 { $plain }
invalid-number_decimal_comma_grouped = “{ $number }”不是数字：这里小数点用点号，逗号用于千位分隔，所以 { $plain } 应写作 { $plain } 或 { $grouped }
invalid-number_two_ways = “{ $number }”可能是 { $thousands }，也可能是 { $decimal }：要表示 { $thousands } 请不加千位分隔符，要表示 { $decimal } 请用小数逗号

## Dates and times. `$text` is what was typed; years are shown as typed, in the person's era.
invalid-date_empty = 请按 YYYY-MM-DD 输入日期，例如 { $year }-11-28
invalid-date_empty_day_first = 请按 DD/MM/YYYY 输入日期，例如 28/11/{ $year }
invalid-date_form = “{ $text }”不符合 YYYY-MM-DD 格式，如有时间请在后面加 HH:MM：例如 { $year }-11-28 或 { $year }-11-28 14:05
invalid-date_form_day_first = “{ $text }”不符合 DD/MM/YYYY 或 YYYY-MM-DD 格式，如有时间请在后面加 HH:MM：例如 28/11/{ $year } 或 28/11/{ $year } 14:05
invalid-date_form_ideographic = “{ $text }”不符合 YYYY-MM-DD 或 YYYY年MM月DD日 格式，如有时间请在后面加 HH:MM：例如 { $year }-11-28 或 { $year }年11月28日 14:05
invalid-date_order = “{ $text }”不是以年份开头：请先写年份，按 YYYY-MM-DD 填写，以免日和月混淆：例如 { $example }
invalid-date_order_both = “{ $text }”不是以年份开头：请先写年份，按 YYYY-MM-DD 填写，以免日和月混淆：例如 { $day_first } 表示 { $day_first_month }{ $day_first_day }日，{ $month_first } 表示 { $month_first_month }{ $month_first_day }日
invalid-date_two_digit_year = “{ $text }”的年份只有两位：请写全四位，例如 { $example }
invalid-date_buddhist_era = { $year } 看起来是佛历年份（佛历 { $year } 年即公元 { $common_era } 年），但这里按公元纪年读取年份：请写 { $common_era }，例如 { $example }
invalid-date_month = 不存在 { $month } 月：月份为 01 至 12（{ $pattern }）
invalid-date_day = { $date } 不是有效日期：{ $year } 年{ $month }只有 { $days } 天
invalid-date_too_early = { $date } 早于 1990 年，这里不可能出现：请检查年份
invalid-date_future = { $date } 是将来的时间：请检查日期和时间
invalid-date_not_a_day = “{ $text }”不只是一天：请只填日期，例如 { $day }
invalid-date_year_range = { $year } 年不像是此处的日期：请填 { $from } 至 { $to } 年之间的年份
invalid-time_hour = 不存在 { $hour } 时：小时为 00 至 23（HH:MM）
invalid-time_minute = 不存在 { $minute } 分：分钟为 00 至 59（HH:MM）
invalid-time_second = 不存在 { $second } 秒：秒为 00 至 59
month-january = 1月
month-february = 2月
month-march = 3月
month-april = 4月
month-may = 5月
month-june = 6月
month-july = 7月
month-august = 8月
month-september = 9月
month-october = 10月
month-november = 11月
month-december = 12月

## Free text.
invalid-text_control = 文本在第 { $position } 个字符处有一个不可见的控制字符（{ $code }）：请删除它，例如重新输入那一部分（只允许换行和制表符）
invalid-text_too_long = 文本有 { $length } 个字符，但最多允许 { $max } 个：请删减 { $over } 个

## Fields and code lists.
invalid-required = { $field }为必填项
invalid-not_in_list = “{ $text }”不在列表中：请从以下选择：{ $codes }
invalid-item_choice = 请从列表中选择{ $item }：所给的值不是其中的条目
invalid-item_not_in_case = 该{ $item }不在本案件中或已撤回：请从列表中选择

## Filters of the case list.
invalid-filter_opened_from = 创建日期自：“{ $text }”不是日期：请用 YYYY-MM-DD，例如 2026-02-01
invalid-filter_opened_to = 创建日期至：“{ $text }”不是日期：请用 YYYY-MM-DD，例如 2026-02-01
invalid-filter_dates_swapped = 创建日期的起始日（{ $from }）晚于截止日（{ $to }）：请对调
invalid-filter_concealment = “{ $text }”不是藏匿方式：请从以下选择：{ $codes }
invalid-filter_material = “{ $text }”不是管制物项类别：请从以下选择：{ $codes }
invalid-filter_detection = “{ $text }”不是查获方式：请从以下选择：{ $codes }
invalid-filter_outcome = “{ $text }”不是处理结果：请从以下选择：{ $codes }
invalid-filter_flag = “{ $text }”不是预警标记：请从以下选择：{ $codes }

## Discrepancy flags: what the goods found, the route and the chain of custody say against the
## declaration. Weights are in kilograms, `$percent` and `$tolerance` in per cent.
discrepancy-controlled_undeclared = 查获管制物项（{ $material }），但申报的商品均不在监控清单上
discrepancy-no_licence = { $name }（管制清单第 { $version } 版条目 { $entry }）申报时未记录出口许可证：请记录许可证，或扣留货物直至出示许可证
discrepancy-licence_expired = 出口许可证 { $licence } 有效期至 { $until }，早于 { $inspected } 的查验
discrepancy-hs_heading_mismatch = 实际货物的品目（{ $found }）与申报品目（{ $declared }）不符
discrepancy-weight = 实际重量 { $found } kg 与申报的 { $declared } kg 相差 { $percent }%（允许误差 { $tolerance }%）
discrepancy-weight_none_declared = 实际重量 { $found } kg，但申报重量为 0 kg
discrepancy-line_weight = 第 { $line } 项申报（{ $description }）申报重量 { $declared } 千克，查获 { $found } 千克：相差 { $percent }%（允差 { $tolerance }%）
discrepancy-quantity = 申报 { $declared }，查获 { $found } { $unit }
discrepancy-line_quantity = 第 { $line } 项申报（{ $description }）申报 { $declared }，查获 { $found } { $unit }
discrepancy-value = 估定价值 { $found } { $currency }，申报 { $declared } { $currency }：相差 { $percent }%（容差 { $tolerance }%）
discrepancy-line_value = 估定价值 { $found } { $currency }，第 { $line } 项（{ $description }）申报 { $declared } { $currency }：相差 { $percent }%（容差 { $tolerance }%）
discrepancy-commingling = 在第 { $line } 项申报（{ $description }，{ $declared } 千克）中查获 { $found } 千克{ $material }
discrepancy-commingling_found = 在第 { $line } 项申报（{ $description }）中查获 { $found } 千克{ $material }
discrepancy-commingling_unweighed = 在第 { $line } 项申报（{ $description }）中查获{ $material }
discrepancy-analyser_controlled = 分析仪在第 { $sample } 号样品中读出 { $symbol } { $percent } %；申报货物（{ $hs } { $goods }）不含{ $element }
discrepancy-analyser_controlled_reading = 分析仪在第 { $reading } 号读数中读出 { $symbol } { $percent } %（未指明样品）；申报货物（{ $hs } { $goods }）不含{ $element }
discrepancy-line_undescribed = 无描述
discrepancy-origin_not_on_route = 申报原产国（地区）{ $origin } 不在运输路线的任何一段上（{ $route }）
discrepancy-origin_relabelled = 申报原产国（地区）为 { $declared }；运输路线查明为 { $established }（{ $place }）
discrepancy-undeclared_transshipment = 货物在 { $place }（{ $country }）转运：该国家（地区）既不是申报原产国（地区），也不是目的地，申报的路线也不经过该地
discrepancy-custody_unheld = { $item } { $name }：没有记录由谁保管
discrepancy-custody_handover = { $item } { $name }：自 { $held_at } 起由 { $holder } 保管，但在 { $at } 由 { $from } 交给了 { $to }
