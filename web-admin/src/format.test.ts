import { describe, expect, it } from 'vitest'
import { area, date, dateTime, feeFen, hectares, mu, parseHectares, parseYuan, pricePerMu, yuan } from './format'

describe('areas', () => {
  it('shows m² as 公顷 with four decimals, exactly (the plans\' own figures)', () => {
    expect(hectares(881559)).toBe('88.1559')
    expect(hectares(801011)).toBe('80.1011')
    expect(hectares(18755)).toBe('1.8755')
    expect(hectares(1)).toBe('0.0001')
    expect(hectares(0)).toBe('0.0000')
  })
  it('shows 亩 with four decimals, half up', () => {
    expect(mu(18755)).toBe('28.1325')
    expect(mu(667)).toBe('1.0005')
    expect(mu(10000)).toBe('15.0000')
  })
  it('writes both the way the plans do', () => {
    expect(area(18755)).toBe('1.8755 公顷（28.1325 亩）')
    expect(area(18755, 'en')).toBe('1.8755 ha (28.1325 mu)')
  })
  it('parses typed 公顷 into whole m² and refuses what is not exact', () => {
    expect(parseHectares('1.8755')).toBe(18755)
    expect(parseHectares(' 88.1559 ')).toBe(881559)
    expect(parseHectares('2')).toBe(20000)
    expect(parseHectares('0.00001')).toBeNull()
    expect(parseHectares('-1')).toBeNull()
    expect(parseHectares('1e3')).toBeNull()
    expect(parseHectares('')).toBeNull()
    expect(parseHectares('1000000000')).toBeNull()
  })
  it('refuses numbers that are not whole m²', () => {
    expect(() => hectares(1.5)).toThrow(RangeError)
  })
})

describe('money', () => {
  it('shows fen as 元 with thousands separators', () => {
    expect(yuan(140662500)).toBe('¥1,406,625.00')
    expect(yuan(5000000)).toBe('¥50,000.00')
    expect(yuan(1)).toBe('¥0.01')
    expect(yuan(-12345)).toBe('-¥123.45')
  })
  it('shows prices per 亩 in 万元', () => {
    expect(pricePerMu(5000000)).toBe('5.00 万元/亩')
    expect(pricePerMu(6250000, 'en')).toBe('¥62,500.00/mu')
  })
  it('parses typed 元 into fen', () => {
    expect(parseYuan('50,000.00')).toBe(5000000)
    expect(parseYuan('0.5')).toBe(50)
    expect(parseYuan('1.234')).toBeNull()
    expect(parseYuan('abc')).toBeNull()
  })
  it('computes the fee as the server does: 667 m² → 50 025.00 元, 1.8755 公顷 → 1 406 625.00 元', () => {
    expect(feeFen(667, 5000000)).toBe(5002500)
    expect(feeFen(18755, 5000000)).toBe(140662500)
    expect(feeFen(1, 5000000)).toBe(7500)
  })
})

describe('dates', () => {
  it('shows dates in Beijing time, Chinese style', () => {
    expect(date('2026-11-24')).toBe('2026年11月24日')
    expect(date('2026-11-23T17:30:00Z')).toBe('2026年11月24日')
    expect(date('2026-11-23T17:30:00Z', 'en')).toBe('2026-11-24')
    expect(dateTime('2026-11-23T17:30:00Z')).toBe('2026/11/24 01:30')
    expect(date('not a date')).toBe('')
  })
})
