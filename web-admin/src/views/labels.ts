import type { Schema } from '../api'
import { lang, t } from '../i18n'
import { townshipName } from '../regions'

const STATUS: Record<string, string> = {
  DRAFT: '草稿', DECLARED: '已申报', TOWNSHIP_REVIEWED: '乡镇已审核', APPROVED: '已批准', IMPLEMENTED: '已实施', CLOSED: '已办结',
  REJECTED: '已驳回', SUBMITTED: '已提交', ACCEPTED: '已验收', OPEN: '处理中', RESOLVED: '已办结', WITHDRAWN: '已撤回',
  PENDING_PAYMENT: '待缴款', SETTLED: '已结算', EXPIRED: '已过期', CANCELLED: '已撤销', PAID: '已到账',
}
const STATUS_EN: Record<string, string> = {
  DRAFT: 'Draft', DECLARED: 'Declared', TOWNSHIP_REVIEWED: 'Reviewed', APPROVED: 'Approved', IMPLEMENTED: 'Implemented',
  CLOSED: 'Closed', REJECTED: 'Rejected', SUBMITTED: 'Submitted', ACCEPTED: 'Accepted', OPEN: 'Open', RESOLVED: 'Resolved',
  WITHDRAWN: 'Withdrawn', PENDING_PAYMENT: 'Awaiting payment', SETTLED: 'Settled', EXPIRED: 'Expired', CANCELLED: 'Cancelled', PAID: 'Money arrived',
}
export const CATEGORIES: Record<string, string> = {
  GREENING: '国土绿化', GREEN_BELT: '绿化带', SHELTER_FOREST: '农田防护林', CAPITAL_FOREST_ORCHARD: '工商资本造林种果',
  AGRI_FACILITY: '农村道路及农业设施', RESERVOIR: '水库水面', PLANTING_ADJUSTMENT: '种植结构调整',
}
export const COVERAGE: Record<string, string> = { SELF: '自行补充', PURCHASE: '购买', FEE: '费用', ADJUSTMENT: '县级调剂' }

/** Where a status word means something else: an OPEN listing is on offer, an OPEN case is being handled. */
const LISTING_STATUS: Record<string, [string, string]> = { OPEN: ['挂牌中', 'Listed'] }
/** An OPEN payment notice awaits the money. */
const NOTICE_STATUS: Record<string, [string, string]> = { OPEN: ['待缴款', 'Awaiting payment'] }

export function statusText(s: string, of?: 'listing' | 'notice'): string {
  const special = of === 'listing' ? LISTING_STATUS[s] : of === 'notice' ? NOTICE_STATUS[s] : undefined
  if (special) return lang.value === 'en' ? special[1] : special[0]
  return lang.value === 'en' ? STATUS_EN[s] ?? s : STATUS[s] ?? s
}
const CATEGORIES_EN: Record<string, string> = {
  GREENING: 'Greening', GREEN_BELT: 'Green belt', SHELTER_FOREST: 'Shelter forest', CAPITAL_FOREST_ORCHARD: 'Forest or orchard (capital)',
  AGRI_FACILITY: 'Rural road or farm facility', RESERVOIR: 'Reservoir surface', PLANTING_ADJUSTMENT: 'Planting adjustment',
}
export function categoryText(c: string): string {
  return (lang.value === 'en' ? CATEGORIES_EN[c] : CATEGORIES[c]) ?? c
}

/** An outflow application as the application tables show it. */
export type OutflowRow = ReturnType<typeof outflowRow>
export function outflowRow(a: Schema<'OutflowController.OutflowView'>) {
  return { ...a, township: townshipName(a.townshipId), statusText: statusText(a.status), categoryText: categoryText(a.category),
    requiredM2: a.obligation.requiredM2, remainingM2: a.obligation.remainingM2 }
}

/** The columns of the application tables (the enterprise's own list and the county's review list). */
export function outflowColumns() {
  return [
    { prop: 'id', label: t('申请编号'), kind: 'number' as const, width: 80 },
    { prop: 'township', label: t('乡镇') },
    { prop: 'categoryText', label: t('用途') },
    { prop: 'landClassAfter', label: t('转出后地类') },
    { prop: 'areaM2', label: t('面积'), kind: 'area' as const },
    { prop: 'requiredM2', label: t('平衡责任'), kind: 'area' as const },
    { prop: 'remainingM2', label: t('尚需落实'), kind: 'area' as const },
    { prop: 'planYear', label: t('计划年度'), kind: 'number' as const },
    { prop: 'statusText', label: t('状态') },
  ]
}
