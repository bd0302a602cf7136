// The outflow declaration's rule checks (DOMAIN.md §5, seeds 000 and 001), shown as the user types. The limits are
// the server's own (GET /api/rules/outflow, loaded once by the form); the server applies the same rules and has the
// last word, and its refusals are shown next to the same fields.
import type { components } from './api-types'
import { parseHectares } from './format'

export type RoadType = components['schemas']['RoadType']
/** The widths, land classes and bounds the server checks a declaration against. */
export type OutflowLimits = components['schemas']['OutflowRulesController.OutflowLimits']

export interface OutflowForm {
  townshipId: number | null
  category: string
  landClassAfter: string
  areaHectares: string
  qualityGrade: number | null
  paddy: boolean
  permanentBasicFarmland: boolean
  plannedConstructionLand: boolean
  highStandardFarmland: boolean
  supplementPlan: boolean
  greenBeltRoadType: RoadType | ''
  greenBeltWidthM: string
  ruralRoadWidthM: string
  landscapeLake: boolean
  turf: boolean
  ownership: '集体' | '国有'
  /** The area by slope grade 1-5 in 公顷; all blank means the whole area at grade 1 (as before). */
  slopeHectares: string[]
}

/** field → error code; the codes are the server's (docs/errors.md), so one message table serves both. */
export type FieldErrors = Partial<Record<keyof OutflowForm, string>>

/** The widest green belt along a road type, or null where no width is set (rivers and reservoirs). */
export function maxGreenBeltWidthM(limits: OutflowLimits, roadType: RoadType): number | null {
  return limits.greenBelts.find(b => b.roadType === roadType)?.maxWidthM ?? null
}

function width(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) return null
  return Number(t)
}

export function emptyOutflowForm(): OutflowForm {
  return {
    townshipId: null, category: 'GREENING', landClassAfter: '', areaHectares: '', qualityGrade: null, paddy: false,
    permanentBasicFarmland: false, plannedConstructionLand: false, highStandardFarmland: false, supplementPlan: false,
    greenBeltRoadType: '', greenBeltWidthM: '', ruralRoadWidthM: '', landscapeLake: false, turf: false,
    ownership: '集体', slopeHectares: ['', '', '', '', ''],
  }
}

export function validateOutflow(f: OutflowForm, limits: OutflowLimits): FieldErrors {
  const e: FieldErrors = {}
  if (f.townshipId == null) e.townshipId = 'MISSING_FIELD'
  if (!f.landClassAfter.trim()) e.landClassAfter = 'MISSING_FIELD'
  else if (f.landClassAfter.length > limits.landClassAfterMaxLength) e.landClassAfter = 'VALIDATION_FAILED'
  const m2 = parseHectares(f.areaHectares)
  if (!f.areaHectares.trim()) e.areaHectares = 'MISSING_FIELD'
  else if (m2 == null || m2 <= 0) e.areaHectares = 'VALIDATION_FAILED'
  if (f.slopeHectares.some(v => v.trim())) {
    const grades = f.slopeHectares.map(v => (v.trim() ? parseHectares(v) : 0))
    const sum = grades.reduce<number>((a, b) => a + (b ?? 0), 0)
    if (grades.some(g => g == null || g < 0) || m2 == null || sum !== m2) e.slopeHectares = 'SLOPES_DO_NOT_ADD_UP'
  }
  if (f.qualityGrade == null) e.qualityGrade = 'MISSING_FIELD'
  else if (!Number.isInteger(f.qualityGrade) || f.qualityGrade < limits.qualityGradeMin
    || f.qualityGrade > limits.qualityGradeMax) e.qualityGrade = 'VALIDATION_FAILED'
  if (f.permanentBasicFarmland) e.permanentBasicFarmland = 'OUTFLOW_PERMANENT_BASIC_FARMLAND'
  if (f.plannedConstructionLand) e.plannedConstructionLand = 'OUTFLOW_PLANNED_CONSTRUCTION_LAND'
  if (f.landscapeLake || f.turf || limits.lakeOrTurfLandClasses.includes(f.landClassAfter.trim())) {
    e.landscapeLake = 'OUTFLOW_LAKE_OR_TURF'
  }
  if (f.highStandardFarmland && !f.supplementPlan) e.highStandardFarmland = 'OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN'
  if (f.category === 'GREEN_BELT') {
    const w = width(f.greenBeltWidthM)
    if (!f.greenBeltRoadType || w == null) e.greenBeltWidthM = 'OUTFLOW_GREEN_BELT_UNDESCRIBED'
    else {
      const max = maxGreenBeltWidthM(limits, f.greenBeltRoadType)
      if (max != null && w > max) e.greenBeltWidthM = 'OUTFLOW_GREEN_BELT_TOO_WIDE'
    }
  }
  if (f.ruralRoadWidthM.trim()) {
    const w = width(f.ruralRoadWidthM)
    if (w == null || w < limits.ruralRoadMinWidthM || w > limits.ruralRoadMaxWidthM) e.ruralRoadWidthM = 'OUTFLOW_RURAL_ROAD_WIDTH'
  }
  return e
}

/** The request body of POST /api/outflow-applications; call only when validateOutflow found nothing. */
export function outflowBody(f: OutflowForm) {
  return {
    townshipId: f.townshipId,
    category: f.category,
    landClassAfter: f.landClassAfter.trim(),
    areaM2: parseHectares(f.areaHectares),
    qualityGrade: f.qualityGrade,
    paddy: f.paddy,
    permanentBasicFarmland: f.permanentBasicFarmland,
    plannedConstructionLand: f.plannedConstructionLand,
    highStandardFarmland: f.highStandardFarmland,
    supplementPlan: f.supplementPlan,
    greenBelt: f.category === 'GREEN_BELT' && f.greenBeltRoadType
      ? { roadType: f.greenBeltRoadType, widthM: f.greenBeltWidthM.trim() } : null,
    ruralRoad: f.ruralRoadWidthM.trim() ? { widthM: f.ruralRoadWidthM.trim() } : null,
    landscapeLake: f.landscapeLake,
    turf: f.turf,
    ownership: f.ownership,
    slopes: f.slopeHectares.some(v => v.trim()) ? slopes(f.slopeHectares) : null,
  }
}

function slopes(hectares: string[]) {
  const m2 = hectares.map(v => (v.trim() ? parseHectares(v) ?? 0 : 0))
  return { grade1M2: m2[0], grade2M2: m2[1], grade3M2: m2[2], grade4M2: m2[3], grade5M2: m2[4] }
}

/** Which form field a server refusal belongs to (the server names the field for 400s; rule codes are mapped here). */
export function fieldOfCode(code: string, field?: string): keyof OutflowForm | null {
  const byCode: Record<string, keyof OutflowForm> = {
    OUTFLOW_PERMANENT_BASIC_FARMLAND: 'permanentBasicFarmland',
    OUTFLOW_PLANNED_CONSTRUCTION_LAND: 'plannedConstructionLand',
    OUTFLOW_LAKE_OR_TURF: 'landscapeLake',
    OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN: 'highStandardFarmland',
    OUTFLOW_GREEN_BELT_UNDESCRIBED: 'greenBeltWidthM',
    OUTFLOW_GREEN_BELT_TOO_WIDE: 'greenBeltWidthM',
    OUTFLOW_RURAL_ROAD_WIDTH: 'ruralRoadWidthM',
    TOWNSHIP_NOT_FOUND: 'townshipId',
  }
  if (byCode[code]) return byCode[code]
  if (!field) return null
  const byField: Record<string, keyof OutflowForm> = {
    townshipId: 'townshipId', landClassAfter: 'landClassAfter', areaM2: 'areaHectares', qualityGrade: 'qualityGrade',
    slopes: 'slopeHectares',
    'greenBelt.widthM': 'greenBeltWidthM', 'greenBelt.roadType': 'greenBeltWidthM', 'ruralRoad.widthM': 'ruralRoadWidthM',
  }
  return byField[field] ?? null
}
