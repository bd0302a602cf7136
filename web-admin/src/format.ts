// How areas, money and dates read for Chinese users. Exact: whole m² and whole fen in, BigInt arithmetic, no floats.
import { lang as currentLang, type Lang } from './i18n'

const M2_PER_HECTARE = 10000n
const MU_PER_HECTARE = 15n

function toBig(v: number | bigint | string): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new RangeError(`not a whole number: ${v}`)
  return BigInt(v)
}

function grouped(integer: bigint): string {
  return integer.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function fixed(numerator: bigint, denominator: bigint, decimals: number, group = false): string {
  const negative = numerator < 0n
  let n = negative ? -numerator : numerator
  const scale = 10n ** BigInt(decimals)
  // round half up on the magnitude
  let scaled = (n * scale * 2n + denominator) / (denominator * 2n)
  const whole = scaled / scale
  const frac = (scaled % scale).toString().padStart(decimals, '0')
  const text = (group ? grouped(whole) : whole.toString()) + (decimals > 0 ? '.' + frac : '')
  return negative && scaled !== 0n ? '-' + text : text
}

/** 18 755 m² → "1.8755" (公顷, 4 decimals, exact). */
export function hectares(m2: number | bigint): string {
  return fixed(toBig(m2), M2_PER_HECTARE, 4)
}

/** 18 755 m² → "28.1325" (亩, 4 decimals, half up — display only). */
export function mu(m2: number | bigint): string {
  return fixed(toBig(m2) * MU_PER_HECTARE, M2_PER_HECTARE, 4)
}

/** "1.8755 公顷（28.1325 亩）" — the way the plans write areas — or "1.8755 ha (28.1325 mu)"; the screen's language by default. */
export function area(m2: number | bigint, lang: Lang = currentLang.value): string {
  return lang === 'zh' ? `${hectares(m2)} 公顷（${mu(m2)} 亩）` : `${hectares(m2)} ha (${mu(m2)} mu)`
}

/** 140 662 500 fen → "¥1,406,625.00". */
export function yuan(fen: number | bigint): string {
  const v = toBig(fen)
  const text = fixed(v < 0n ? -v : v, 100n, 2, true)
  return (v < 0n ? '-¥' : '¥') + text
}

/** 5 000 000 fen/亩 → "5.00 万元/亩" (Chinese) or "¥50,000.00/mu". */
export function pricePerMu(fen: number | bigint, lang: Lang = currentLang.value): string {
  const v = toBig(fen)
  return lang === 'zh' ? `${fixed(v, 1000000n, 2)} 万元/亩` : `${yuan(v)}/mu`
}

/** Parses 公顷 typed by a user ("1.8755") into whole m², refusing more than 4 decimals; null when not a number. */
export function parseHectares(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(t)) return null
  const [whole, frac = ''] = t.split('.')
  const m2 = BigInt(whole) * M2_PER_HECTARE + BigInt(frac.padEnd(4, '0'))
  return Number(m2)
}

/** Parses 元 typed by a user ("50000" or "50,000.00") into whole fen; null when not an amount. */
export function parseYuan(text: string): number | null {
  const t = text.trim().replace(/,/g, '')
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(t)) return null
  const [whole, frac = ''] = t.split('.')
  return Number(BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0')))
}

/** The fee for an area: round_half_up(areaM2 × fee per 亩 × 15 / 10 000), as the server computes it. */
export function feeFen(areaM2: number, feePerMuFen: number): number {
  const n = BigInt(areaM2) * BigInt(feePerMuFen) * MU_PER_HECTARE
  return Number((n * 2n + M2_PER_HECTARE) / (M2_PER_HECTARE * 2n))
}

const DATE_ZH = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' })
const TIME_ZH = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

/** "2026年11月24日" (Beijing time) or "2026-11-24" in English. */
export function date(value: string | Date, lang: 'zh' | 'en' = 'zh'): string {
  const d = typeof value === 'string' ? new Date(value.length === 10 ? value + 'T00:00:00+08:00' : value) : value
  if (Number.isNaN(d.getTime())) return ''
  if (lang === 'zh') return DATE_ZH.format(d)
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d)
}

/** "2026/11/24 19:05" in Beijing time. */
export function dateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(d.getTime()) ? '' : TIME_ZH.format(d)
}
