// zh-CN first, with an English switch. Error messages come from the server's problem documents (messageZh / title).
import { ref } from 'vue'

export type Lang = 'zh' | 'en'
export const lang = ref<Lang>((localStorage.getItem('lang') as Lang) || 'zh')

export function setLang(l: Lang) {
  lang.value = l
  localStorage.setItem('lang', l)
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en'
}

const en: Record<string, string> = {
  '耕地进出平衡': 'Farmland In/Out Balance',
  '指标交易与资金结算系统': 'Indicator Market & Fund Settlement',
  '用户名': 'Username', '密码': 'Password', '登录': 'Sign in', '退出': 'Sign out', 'English': '中文',
  '我的转出申请': 'My outflow applications', '申报转出': 'Declare an outflow', '指标市场': 'Indicator market',
  '指标库存': 'Indicator inventory', '指标挂牌': 'Listings', '资金账户': 'Fund account', '转进项目': 'Inflow projects',
  '银行对账': 'Bank reconciliation', '概览': 'Dashboard', '转进验收': 'Inflow acceptance', '转出审批': 'Outflow approval',
  '违法用地': 'Violations', '县级规则': 'County rules', '数据导入': 'Imports', '统计报表': 'Reports', '用户与单位': 'Users & organisations',
  '县级储备（县级实施）': 'County reserve (county-led project)', '县级储备': 'County reserve', '借出冻结': 'Lent, frozen',
  '驳回申请': 'Reject the application', '撤回申请': 'Withdraw the application', '理由（必填）': 'Reason (required)', '理由': 'Reason',
  '此操作将同时：': 'This will also:', '取消待缴款订单': 'Cancel the unpaid order', '预留指标释放': 'its reserved indicators released',
  '作废缴款通知书': 'Cancel the payment notice', '冲销已落实面积': 'Reverse the covered area', '退回指标': 'Give indicators back',
  '退款': 'Refund', '专项资金退还': '’s fund pays back', '原流水': 'bank serial', '费用不退': 'Fee kept', '保留': 'keeps',
  '并继续承担': 'and still owes', '的补充义务': 'of restoration', '退款合计': 'Refunds in all',
  '该申请尚无订单、缴款通知书或已落实的面积，无需撤销任何内容。': 'The application has no order, payment notice or covered area: nothing to undo.',
  '冲销': 'Reversal', '强制': 'override', '强制办结': 'Close by override', '尚有': 'still has', '请填写理由': 'Please give a reason',
  '未落实。强制办结须注明理由（如县政府批准文号）：': 'uncovered. Closing it needs a reason (e.g. the county decision number):',
  '驳回或撤回后的费用': 'Fees of rejected or withdrawn applications', '退还缴款人': 'Refund the payer',
  '留存乡镇，继续承担补充义务': 'Kept by the township, which still restores the area', '申报': 'Declare', '已撤回': 'Withdrawn',
  '其他收入': 'Other receipts', '归还储备': 'Repaid to reserve', '缴费收入': 'Fees', '出让收入': 'Sales', '调入': 'Moved in', '调出': 'Moved out',
  '乡镇': 'Township', '面积': 'Area', '状态': 'Status', '操作': 'Actions', '导出 Excel': 'Export to Excel', '筛选': 'Filter',
  '平衡责任': 'Obligation', '已落实': 'Covered', '尚需落实': 'Remaining', '落实方式': 'Coverage', '购买指标': 'Buy indicators',
  '缴纳费用': 'Pay the fee', '下载平衡确认单': 'Download balance confirmation', '提交': 'Submit', '取消': 'Cancel',
  '确认付款': 'Confirm payment', '支付流水号': 'Payment reference', '金额': 'Amount', '单价': 'Price', '批次': 'Lot',
  '可用': 'Available', '预留': 'Reserved', '冻结': 'Frozen', '已使用': 'Consumed', '已扣减': 'Deducted', '总量': 'Issued',
  '挂牌': 'List', '撤回': 'Withdraw', '余额': 'Balance', '收入': 'Received', '支出': 'Spent', '流水': 'Statement',
  '上传银行流水': 'Upload bank statement', '已匹配': 'Matched', '对方户名': 'Counterparty',
  '验收': 'Accept', '驳回': 'Reject', '审核': 'Review', '批准': 'Approve', '立案': 'Open a case', '拆除复垦': 'Restore',
  '补办手续': 'Legalise', '保存': 'Save', '年度': 'Year', '冻结扣减统计': 'Freeze & deduction', '年度平衡': 'Annual balance',
  '资金': 'Funds', '市场': 'Market', '考核': 'Assessment', '详情': 'Details', '新增': 'Add', '共': 'Total',
  '各乡镇可用指标': 'Available indicators by township', '市场成交（按月）': 'Market volume by month',
  '冻结与扣减（按月）': 'Frozen and deducted by month', '下单': 'Place order', '订单': 'Order', '分配': 'Allocation',
  '已结算': 'Settled', '待付款': 'Awaiting payment', '费用': 'Fee', '自行补充': 'Own restoration', '购买': 'Purchase',
  '申请编号': 'Application', '用途': 'Use', '质量等别': 'Quality grade', '水田': 'Paddy', '计划年度': 'Plan year',
  '行': 'Row', '错误': 'Error', '导入成功': 'Imported', '读取行数': 'Rows read', '导入面积': 'Area imported',
  '案件编号': 'Case no.', '说明': 'Description', '借用待还': 'Owed', '解冻': 'Unfrozen', '扣减': 'Deducted',
  '费用标准': 'Fee standard', '指导价': 'Guide price', '超额系数(‰)': 'Surplus factor (‰)', '先进后出': 'Inflow first',
  '同步平衡': 'Synchronous', '缴款期限(工作日)': 'Payment term (working days)', '申报时段': 'Declaration windows',
  '单位': 'Organisation', '角色': 'Role', '名称': 'Name', '类型': 'Kind', '无数据': 'No data', '请输入': 'Please enter',
  '处理中': 'Working', '成功': 'Done', '支付': 'Pay', '面积(公顷)': 'Area (ha)', '价格(元/亩)': 'Price (yuan/mu)',
  '基本分': 'Base', '扣分': 'Deduction', '加分': 'Bonus', '得分': 'Score', '转出': 'Outflow', '转进': 'Inflow',
  '已平衡': 'Balanced', '未平衡': 'Not balanced', '下载 Excel': 'Download Excel', '查询': 'Query', '开始': 'From', '结束': 'To',
  '期初': 'Opening', '期末': 'Closing', '时间': 'Time', '摘要': 'Memo', '参考号': 'Reference', '记一笔支出': 'Record an expense',
  '用户': 'Users', '转出后地类': 'Land class after', '乡镇审核': 'Township review', '实施': 'Implement', '办结': 'Close',
  '转出主体': 'Enterprise / project owner', '县级管理员': 'County admin', '县政府': 'County government', '通知': 'Notifications', '暂无通知': 'No notifications', '我的订单': 'My orders', '付款期限': 'Pay by', '取消订单': 'Cancel order', '返回': 'Back',
  '全部': 'All', '取消订单后，预留的指标立即释放。': 'Cancelling releases the reserved indicators at once.', '无指标可冻结': 'Not secured', '挂牌中': 'Listed', '启用': 'Enabled', '已停用': 'Disabled', '停用': 'Disable', '停用用户': 'Disable user',
  '停用后该用户立即无法登录，已登录的会话也随即失效。': 'The user can no longer sign in, and their open sessions end now.',
  '重置密码': 'Reset password', '新密码（至少 10 个字符），请当面或电话告知用户。': 'New password (at least 10 characters); tell the user in person or by phone.',
  '至少 10 个字符': 'At least 10 characters', '修改密码': 'Change password', '当前密码': 'Current password',
  '新密码': 'New password', '确认新密码': 'New password again',
  '密码已修改，其他设备上的登录已失效。': 'Password changed; your sessions on other devices have ended.',
  '各坡度级面积(公顷)': 'Area by slope grade (ha)', '级': ' grade', '权属性质': 'Ownership', '集体': 'Collective', '国有': 'State',
  '银行已记、单位未记': 'In the bank, not in the books', '单位已记、银行未记': 'In the books, not yet in the bank',
  '银行已记、单位未记（银行已收企业未收 / 银行已付企业未付）': 'In the bank, not in the books (received or paid by the bank only)',
  '单位已记、银行未记（企业已收银行未收 / 企业已付银行未付）': 'In the books, not yet in the bank (received or paid in the books only)',
  '余额调节表': 'Balance reconciliation statement', '调节后相符': 'Agrees after adjustment', '调节后不符': 'Differs after adjustment',
  '银行对账单余额': 'Bank statement balance', '单位账面余额': 'Balance in the books', '加：企业已收、银行未收': 'Add: in the books, not yet received by the bank',
  '加：银行已收、企业未收': 'Add: received by the bank, not in the books', '减：企业已付、银行未付': 'Less: paid in the books, not yet by the bank',
  '减：银行已付、企业未付': 'Less: paid by the bank, not in the books', '调节后余额': 'Adjusted balance',
  '银行导出的流水（.xlsx 或 CSV，GBK 或 UTF-8）：交易日期、收入金额/支出金额（或金额）、交易流水号、对方户名、余额等列': 'The statement as the bank exports it (.xlsx or CSV, GBK or UTF-8): date, money in/out (or amount), serial, counterparty, balance',
  '匹配依据': 'Matched by', '流水号相同': 'Same serial', '附言含参考号': 'Reference in the memo', '金额日期唯一对应': 'Only pair of amount and date',
  '未处理流水': 'Open bank lines', '银行对账单中尚未匹配、也未入账的流水（各次对账累计，每笔只记一次）': 'Statement lines neither matched nor booked yet (from every reconciliation, each line once)',
  '入账': 'Book', '备注': 'Note', '记为': 'Book as', '原因': 'Reason', '对账记录': 'Reconciliations so far', '截至': 'Up to',
  '行数': 'Lines', '新行数': 'New lines', '未处理': 'Open', '已入账': 'Booked', '利息收入': 'Interest', '财政补助': 'Fiscal subsidy', '银行手续费': 'Bank charge', '其他': 'Other',
  '备注（如：来款单位不明，已向银行查询）': 'Note (e.g. payer unknown, asked the bank)',
  '结果': 'Outcome', '地类': 'Land class', '导入': 'Import', '导入（提示）': 'Import (warning)', '不导入（错误）': 'Refused (error)',
  '跳过': 'Skipped', '编号': 'No.', '表': 'Table', '文件': 'File', '提示': 'Warnings', '有效': 'In force', '已替换': 'Replaced',
  '附表1 耕地转进': 'Table 1: inflow', '附表2 耕地转出': 'Table 2: outflow', '取自表题': 'From the title',
  '表中无等别列时必选': 'Needed without a grade column', '选择文件（.xlsx 或 .csv）': 'Choose a file (.xlsx or .csv)',
  '重新预览': 'Preview again', '可导入': 'To import', '替换前次导入（前次导入的数据未被使用时才可替换）': 'Replace the earlier import (only while nothing of it has been used)',
  '确认导入': 'Import', '导入编号': 'import no.', '导入记录': 'Imports so far', '取位容差(平方米)': 'Rounding tolerance (m²)',
  '地名沿革': 'Place-name history', '旧称': 'Former name', '现乡镇': 'Township now',
  '起始日期': 'Since', '删除': 'Delete', '删除旧称': 'Delete the former name', '导入时按旧称找到现乡镇，并在该行提示': 'Imports find the township by its former name and warn on the row',
  '缴款通知书': 'Payment notice', '缴款识别码': 'Remittance code', '缴款期限': 'Pay by', '收款人户名': 'Payee account name',
  '开户行 / 账号': 'Bank / account no.', '（未设置，请向乡镇财政所询问）': '(not set yet: ask the township finance office)',
  '到账': 'Arrived', '银行流水号': 'Bank serial', '请通过银行转账汇入收款账户，并在附言（用途）栏填写缴款识别码；乡镇财政确认到账后自动结算。':
    'Pay by bank transfer into the payee account, quoting the remittance code in the memo; it settles when the township finance confirms the money arrived.',
  '刷新到账状态': 'Refresh payment status', '开具缴款通知书': 'Issue a payment notice', '已开具缴款通知书': 'Payment notice issued',
  '部分到账': 'Partly paid', '待确认到账': 'To confirm', '确认到账': 'Confirm arrival', '已确认到账，订单或费用已结算': 'Confirmed: the order or fee is settled',
  '本乡镇收款的缴款通知书中尚未到账的款项。核对银行回单后逐笔确认，或在“银行对账”中导入对账单，附言含缴款识别码的款项自动确认。':
    'Notices payable to this township whose money has not been confirmed. Confirm each from the bank receipt, or import the statement under Bank reconciliation: lines quoting a remittance code are confirmed by themselves.',
  '收款账户': 'Payee account', '缴款通知书上打印的收款账户；修改后只影响此后开具的通知书。': 'The account printed on payment notices; a change applies to notices issued afterwards.',
  '户名': 'Account name', '开户行': 'Bank', '账号': 'Account no.', '款项': 'For', '缴款人': 'Payer', '指标价款': 'Indicators',
  '转出费用': 'Outflow fee', '到账日期': 'Arrival date', '到账金额(元)': 'Amount arrived (yuan)', '付款人': 'Payer',
  '第 {0} 行按缴款识别码确认到账并结算：': 'Line {0} paid the notice it quotes and settled it: ',
  '第 {0} 行含缴款识别码但未结算：': 'Line {0} quotes a notice but did not settle it: ',
  '村': 'Village', '原地类': 'Land class before', '目标地类': 'Target class', '权属': 'Ownership', '坡度级': 'Slope grade',
}

/** The text in the current language: Chinese is the key itself. */
export function t(zh: string): string {
  return lang.value === 'zh' ? zh : en[zh] ?? zh
}
