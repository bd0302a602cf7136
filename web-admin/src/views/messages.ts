// Messages for the rule codes the browser checks itself; the same wording as the server's error list (docs/errors.md).
import { lang } from '../i18n'

const MESSAGES: Record<string, [string, string]> = {
  MISSING_FIELD: ['必填项。', 'Required.'],
  VALIDATION_FAILED: ['取值无效（面积为正数，最多4位小数公顷；质量等别1–15）。', 'Invalid value (positive area, at most 4 decimals of ha; grade 1-15).'],
  SLOPES_DO_NOT_ADD_UP: ['各坡度级面积之和须等于转出面积（不填则全部计为坡度1级）。', 'The slope grades must add up to the area (leave them blank for grade 1).'],
  OUTFLOW_PERMANENT_BASIC_FARMLAND: ['永久基本农田不得转出。', 'Permanent basic farmland can never be converted.'],
  OUTFLOW_PLANNED_CONSTRUCTION_LAND: ['规划建设用地范围内的耕地不纳入进出平衡转出。', 'Land inside planned construction land is not handled by in/out balance.'],
  OUTFLOW_LAKE_OR_TURF: ['严禁占用耕地挖湖造景、铺草皮。', 'Farmland may not be dug into landscape lakes or laid with turf.'],
  OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN: ['高标准农田转出须有补建方案。', 'High-standard farmland may be converted only with a 补建 plan.'],
  OUTFLOW_GREEN_BELT_UNDESCRIBED: ['绿化带须注明道路类型和宽度。', 'A green belt needs its road type and width.'],
  OUTFLOW_GREEN_BELT_TOO_WIDE: ['绿化带宽度超标（县乡道路不得超过3米，铁路、国道省道不得超过5米）。', 'The green belt is wider than allowed.'],
  OUTFLOW_RURAL_ROAD_WIDTH: ['新增农村道路宽度须在1.0米至8.0米之间。', 'A new rural road must be 1.0 m to 8.0 m wide.'],
  TOWNSHIP_NOT_FOUND: ['乡镇不存在或您无权查看。', 'The township does not exist or is not visible to you.'],
}

export function messageOf(code: string): string {
  const m = MESSAGES[code]
  if (!m) return code
  return lang.value === 'zh' ? m[0] : m[1]
}
