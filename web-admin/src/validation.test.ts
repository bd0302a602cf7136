import { describe, expect, it } from 'vitest'
import { emptyOutflowForm, fieldOfCode, outflowBody, validateOutflow as validate, type OutflowForm, type OutflowLimits } from './validation'

/** What GET /api/rules/outflow answers (DeclarationFormReadsTheServersLimitsTest holds the server to it). */
const LIMITS: OutflowLimits = {
  greenBelts: [
    { roadType: 'COUNTY_TOWNSHIP_ROAD', maxWidthM: 3 },
    { roadType: 'RAILWAY_NATIONAL_PROVINCIAL_ROAD', maxWidthM: 5 },
    { roadType: 'RIVER_RESERVOIR', maxWidthM: null },
  ],
  ruralRoadMinWidthM: 1.0,
  ruralRoadMaxWidthM: 8.0,
  lakeOrTurfLandClasses: ['草皮', '人工湖'],
  qualityGradeMin: 1,
  qualityGradeMax: 15,
  landClassAfterMaxLength: 100,
}

function validateOutflow(f: OutflowForm) {
  return validate(f, LIMITS)
}

function form(patch: Partial<OutflowForm>): OutflowForm {
  return { ...emptyOutflowForm(), townshipId: 7, landClassAfter: '乔木林地', areaHectares: '1.8755', qualityGrade: 12, ...patch }
}

describe('outflow declaration checks, one row per rule (as the server orders them)', () => {
  const rows: [string, Partial<OutflowForm>, keyof OutflowForm, string][] = [
    ['permanent basic farmland is never converted', { permanentBasicFarmland: true }, 'permanentBasicFarmland', 'OUTFLOW_PERMANENT_BASIC_FARMLAND'],
    ['planned construction land is out of scope', { plannedConstructionLand: true }, 'plannedConstructionLand', 'OUTFLOW_PLANNED_CONSTRUCTION_LAND'],
    ['no landscape lakes', { landscapeLake: true }, 'landscapeLake', 'OUTFLOW_LAKE_OR_TURF'],
    ['no turf, even when only the land class says so', { landClassAfter: '草皮' }, 'landscapeLake', 'OUTFLOW_LAKE_OR_TURF'],
    ['high-standard farmland needs a 补建 plan', { highStandardFarmland: true }, 'highStandardFarmland', 'OUTFLOW_HIGH_STANDARD_WITHOUT_PLAN'],
    ['a green belt names its road and width', { category: 'GREEN_BELT' }, 'greenBeltWidthM', 'OUTFLOW_GREEN_BELT_UNDESCRIBED'],
    ['3 m along county roads', { category: 'GREEN_BELT', greenBeltRoadType: 'COUNTY_TOWNSHIP_ROAD', greenBeltWidthM: '3.01' }, 'greenBeltWidthM', 'OUTFLOW_GREEN_BELT_TOO_WIDE'],
    ['5 m along national roads', { category: 'GREEN_BELT', greenBeltRoadType: 'RAILWAY_NATIONAL_PROVINCIAL_ROAD', greenBeltWidthM: '5.5' }, 'greenBeltWidthM', 'OUTFLOW_GREEN_BELT_TOO_WIDE'],
    ['rural roads at least 1.0 m', { ruralRoadWidthM: '0.9' }, 'ruralRoadWidthM', 'OUTFLOW_RURAL_ROAD_WIDTH'],
    ['rural roads at most 8.0 m', { ruralRoadWidthM: '8.1' }, 'ruralRoadWidthM', 'OUTFLOW_RURAL_ROAD_WIDTH'],
    ['area is required', { areaHectares: '' }, 'areaHectares', 'MISSING_FIELD'],
    ['area has at most 4 decimals of 公顷', { areaHectares: '1.00001' }, 'areaHectares', 'VALIDATION_FAILED'],
    ['area is positive', { areaHectares: '0' }, 'areaHectares', 'VALIDATION_FAILED'],
    ['quality grade 1-15', { qualityGrade: 16 }, 'qualityGrade', 'VALIDATION_FAILED'],
    ['a township is chosen', { townshipId: null }, 'townshipId', 'MISSING_FIELD'],
  ]
  for (const [name, patch, field, code] of rows) {
    it(name, () => {
      const errors = validateOutflow(form(patch))
      expect(errors[field]).toBe(code)
      expect(Object.keys(errors)).toEqual([field])
    })
  }

  it('accepts the boundaries', () => {
    expect(validateOutflow(form({ category: 'GREEN_BELT', greenBeltRoadType: 'COUNTY_TOWNSHIP_ROAD', greenBeltWidthM: '3' }))).toEqual({})
    expect(validateOutflow(form({ category: 'GREEN_BELT', greenBeltRoadType: 'RIVER_RESERVOIR', greenBeltWidthM: '30' }))).toEqual({})
    expect(validateOutflow(form({ ruralRoadWidthM: '1.0' }))).toEqual({})
    expect(validateOutflow(form({ ruralRoadWidthM: '8' }))).toEqual({})
    expect(validateOutflow(form({ highStandardFarmland: true, supplementPlan: true }))).toEqual({})
  })

  it('sends whole m² and the width as typed', () => {
    const body = outflowBody(form({ ruralRoadWidthM: '4.5' }))
    expect(body.areaM2).toBe(18755)
    expect(body.ruralRoad).toEqual({ widthM: '4.5' })
    expect(body.greenBelt).toBeNull()
  })

  it('places server refusals next to the field', () => {
    expect(fieldOfCode('OUTFLOW_GREEN_BELT_TOO_WIDE')).toBe('greenBeltWidthM')
    expect(fieldOfCode('VALIDATION_FAILED', 'areaM2')).toBe('areaHectares')
    expect(fieldOfCode('FORBIDDEN')).toBeNull()
  })
})

describe('the checks follow the limits the server gives', () => {
  it('a wider green belt, a narrower road, another land class and grade bound', () => {
    const other: OutflowLimits = {
      ...LIMITS,
      greenBelts: [{ roadType: 'COUNTY_TOWNSHIP_ROAD', maxWidthM: 4 }],
      ruralRoadMinWidthM: 0.5,
      lakeOrTurfLandClasses: ['景观水面'],
      qualityGradeMax: 10,
      landClassAfterMaxLength: 4,
    }
    const f = form({ category: 'GREEN_BELT', greenBeltRoadType: 'COUNTY_TOWNSHIP_ROAD', greenBeltWidthM: '4', ruralRoadWidthM: '0.5', qualityGrade: 10 })
    expect(validate(f, other)).toEqual({})
    expect(validate({ ...f, greenBeltWidthM: '4.01' }, other).greenBeltWidthM).toBe('OUTFLOW_GREEN_BELT_TOO_WIDE')
    expect(validate({ ...f, landClassAfter: '草皮' }, other).landscapeLake).toBeUndefined()
    expect(validate({ ...f, landClassAfter: '景观水面' }, other).landscapeLake).toBe('OUTFLOW_LAKE_OR_TURF')
    expect(validate({ ...f, landClassAfter: '其他林地用' }, other).landClassAfter).toBe('VALIDATION_FAILED')
    expect(validate({ ...f, qualityGrade: 11 }, other).qualityGrade).toBe('VALIDATION_FAILED')
  })
})

describe('the area by slope grade', () => {
  const base = (): OutflowForm => ({ ...emptyOutflowForm(), townshipId: 1, landClassAfter: '果园', areaHectares: '1.5000', qualityGrade: 12 })

  it('may be left blank: the whole area counts as grade 1', () => {
    expect(validateOutflow(base()).slopeHectares).toBeUndefined()
    expect(outflowBody(base()).slopes).toBeNull()
  })

  it('must add up to the area to the m²', () => {
    const f = base()
    f.slopeHectares = ['1.0000', '0.4999', '', '', '']
    expect(validateOutflow(f).slopeHectares).toBe('SLOPES_DO_NOT_ADD_UP')
    f.slopeHectares = ['1.0000', '0.5', '', '', '']
    expect(validateOutflow(f).slopeHectares).toBeUndefined()
    expect(outflowBody(f).slopes).toEqual({ grade1M2: 10000, grade2M2: 5000, grade3M2: 0, grade4M2: 0, grade5M2: 0 })
    expect(outflowBody(f).ownership).toBe('集体')
  })
})
