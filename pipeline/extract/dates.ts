/**
 * Dates in running text, as ISO 8601 at the precision written: "June 16, 2014", "16 June 2014",
 * "16/06/2014" (day first, as EU texts write it), "2014-06-16", "July 2011", "2010", ranges
 * ("26-27 April 2012", "2016-2017", "from 2014 to 2020"). A year that is part of a name
 * ("Horizon 2020", "Vision 2030") is not a date.
 */

/** A date found in a text. */
export interface DateMatch {
  start: number
  end: number
  date: string
  endDate: string | null
  /** Written as "since 2009": the start of something that goes on. */
  since: boolean
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
/**
 * A month written in lower case ("september 2023", a slip): only in full, never "may", and in
 * patterns of their own, tried only on a text that has one (the month patterns are the dates' cost).
 */
const LOWER_MONTH = '(january|february|march|april|june|july|august|september|october|november|december)'
const ANY_LOWER_MONTH = new RegExp(LOWER_MONTH)
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const YEAR = '((?:19|20)\\d\\d)'
const DASH = '\\s*(?:-|–|—|to|until)\\s*'

/** Whether `word` is a month's name, in full or as written short ("October", "Sept."). */
export function isMonthName(word: string): boolean {
  return MONTH_NAME.test(word)
}
const MONTH_NAME = new RegExp(`^${MONTH}$`)

const pad = (n: number) => String(n).padStart(2, '0')
const month = (name: string) =>
  MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1

function day(y: string, m: number, d: string | number): string | null {
  const n = Number(d)
  if (m < 1 || m > 12 || n < 1 || n > 31) return null
  return `${y}-${pad(m)}-${pad(n)}`
}

type Build = (g: string[]) => [string | null, string | null] | null

/** A pattern, how its match becomes a date, and what a text needs to hold for the pattern to be tried (a cheap test). */
const PATTERNS: [RegExp, Build, RegExp?][] = [
  // "2023-02-15", and "2023/05/14" as some tools write it.
  [/\b(\d{4})([-/])(\d{2})\2(\d{2})\b/g, (g) => [day(g[1] ?? '', Number(g[3]), g[4] ?? ''), null], /\d[-/]\d/],
  // "March 2024 – June 2025", "between 1 and 3 March 2022": ranges whose ends each say their month.
  [
    new RegExp(`\\b${MONTH}\\s+${YEAR}${DASH}${MONTH}\\s+${YEAR}\\b`, 'g'),
    (g) => [`${g[2]}-${pad(month(g[1] ?? ''))}`, `${g[4]}-${pad(month(g[3] ?? ''))}`],
  ],
  [
    new RegExp(`\\b[Bb]etween\\s+${DAY}\\s+and\\s+${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[4] ?? '', month(g[3] ?? ''), g[1] ?? ''), day(g[4] ?? '', month(g[3] ?? ''), g[2] ?? '')],
    /[Bb]etween/,
  ],
  [
    new RegExp(`\\b${DAY}${DASH}${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[4] ?? '', month(g[3] ?? ''), g[1] ?? ''), day(g[4] ?? '', month(g[3] ?? ''), g[2] ?? '')],
  ],
  [
    new RegExp(`\\b${DAY}\\s+${MONTH}${DASH}${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[5] ?? '', month(g[2] ?? ''), g[1] ?? ''), day(g[5] ?? '', month(g[4] ?? ''), g[3] ?? '')],
  ],
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}${DASH}${DAY},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[4] ?? '', month(g[1] ?? ''), g[2] ?? ''), day(g[4] ?? '', month(g[1] ?? ''), g[3] ?? '')],
  ],
  [
    new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[3] ?? '', month(g[2] ?? ''), g[1] ?? ''), null],
  ],
  [
    new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[3] ?? '', month(g[1] ?? ''), g[2] ?? ''), null],
  ],
  [
    /\b(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)\b/g,
    (g) => {
      const [a, b] = [Number(g[1]), Number(g[3])]
      // Day first, as European texts write dates, unless that cannot be.
      return b > 12 ? [day(g[4] ?? '', a, b), null] : [day(g[4] ?? '', b, a), null]
    },
    /\d[/.-]\d/,
  ],
  [
    new RegExp(`\\b${MONTH}${DASH}${MONTH}\\s+${YEAR}\\b`, 'g'),
    (g) => [`${g[3]}-${pad(month(g[1] ?? ''))}`, `${g[3]}-${pad(month(g[2] ?? ''))}`],
  ],
  [new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'g'), (g) => [`${g[2]}-${pad(month(g[1] ?? ''))}`, null]],
  [
    new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${LOWER_MONTH},?\\s+${YEAR}\\b`, 'g'),
    (g) => [day(g[3] ?? '', month(g[2] ?? ''), g[1] ?? ''), null],
  ],
  [new RegExp(`\\b${LOWER_MONTH}\\s+${YEAR}\\b`, 'g'), (g) => [`${g[2]}-${pad(month(g[1] ?? ''))}`, null]],
  [
    // "Q2–Q3 2024": from the first quarter's first month to the second's last.
    /\bQ([1-4])\s*(?:-|–|—|to)\s*Q([1-4])\s*((?:19|20)\d\d)\b/gi,
    (g) =>
      Number(g[2]) > Number(g[1]) ? [`${g[3]}-${pad(Number(g[1]) * 3 - 2)}`, `${g[3]}-${pad(Number(g[2]) * 3)}`] : null,
    /q[1-4]\s*[-–—t]/i,
  ],
  [
    /\b(?:Q([1-4])|([1-4])Q|(first|second|third|fourth) quarter(?: of)?)(?:\s*|[/-])((?:19|20)\d\d)\b/gi,
    (g) => {
      const q = Number(g[1] || g[2]) || ['first', 'second', 'third', 'fourth'].indexOf((g[3] ?? '').toLowerCase()) + 1
      return [`${g[4]}-${pad(q * 3 - 2)}`, `${g[4]}-${pad(q * 3)}`]
    },
    /q[1-4]|[1-4]q|quarter/i,
  ],
  [
    /\b(?:H([12])|(first|second) half(?: of)?)\s*((?:19|20)\d\d)\b/gi,
    (g) => {
      const h = Number(g[1]) || ((g[2] ?? '').toLowerCase() === 'first' ? 1 : 2)
      return [`${g[3]}-${pad(h * 6 - 5)}`, `${g[3]}-${pad(h * 6)}`]
    },
    /h[12]|half/i,
  ],
  [
    /\b((?:19|20)\d\d)\s*(?:-|–|—|\/)\s*((?:19|20)?\d\d)\b(?![-–/]\d)/g,
    (g) => {
      const start = g[1] ?? ''
      const endYear = (g[2] ?? '').length === 2 ? `${start.slice(0, 2)}${g[2]}` : (g[2] ?? '')
      return endYear > start ? [start, endYear] : null
    },
    /\d\s*[-–—/]/,
  ],
  [
    /\b(?:from|between)\s+((?:19|20)\d\d)\s+(?:to|until|and)\s+((?:19|20)\d\d)\b/gi,
    (g) => [g[1] ?? '', g[2] ?? ''],
    /from|between/i,
  ],
  [/\b((?:19|20)\d\d)\b/g, (g) => [g[1] ?? '', null]],
]

/** A month's name, as `MONTH` spells it, anywhere. */
const ANY_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/

/** Words that may stand before a year without making it part of a name. */
const YEAR_LEAD =
  /(?:^|[^\p{L}])(In|Since|By|From|Until|Till|Before|After|During|Throughout|Between|Through|As of|Early|Late|Mid|And|To|Of|Also|Only|Then|Already|Spring|Summer|Autumn|Winter|Q[1-4]|H[12])\s+$/u

/** Every date in `text`, in order, none overlapping. */
export function findDates(text: string): DateMatch[] {
  const taken: [number, number][] = []
  const found: DateMatch[] = []
  // Half the patterns spell a month out; most paragraphs name none.
  const months = ANY_MONTH.test(text)
  const lowerMonths = ANY_LOWER_MONTH.test(text)
  for (const [pattern, build, needs] of PATTERNS) {
    if (!months && pattern.source.includes(MONTH)) continue
    if (!lowerMonths && pattern.source.includes(LOWER_MONTH)) continue
    if (needs && !needs.test(text)) continue
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (taken.some(([a, b]) => start < b && end > a)) continue
      if (pattern.source === '\\b((?:19|20)\\d\\d)\\b' && !isBareYear(text, start, end)) continue
      const built = build([...match].map((g) => g ?? ''))
      if (!built?.[0]) continue
      taken.push([start, end])
      const since = /\b(since|starting in|started in|from)\s+(?:(?:mid|early|late|the end of)[\s-]+)?$/i.test(
        text.slice(Math.max(0, start - 24), start),
      )
      found.push({ start, end, date: built[0], endDate: built[1], since })
    }
  }
  return joinRanges(
    text,
    found.sort((a, b) => a.start - b.start),
  )
}

/** "from January 2022 to December 2025", "between 1 May and 3 June 2024": two dates, one range. */
function joinRanges(text: string, dates: DateMatch[]): DateMatch[] {
  const out: DateMatch[] = []
  for (let i = 0; i < dates.length; i++) {
    const a = dates[i] as DateMatch
    const b = dates[i + 1]
    if (
      b &&
      !a.endDate &&
      !b.endDate &&
      a.date < b.date &&
      /^\s*(?:to|until|till|through|and)\s+$/.test(text.slice(a.end, b.start)) &&
      /\b(?:from|between)\s+$/i.test(text.slice(Math.max(0, a.start - 10), a.start))
    ) {
      out.push({ ...a, end: b.end, endDate: b.date })
      i++
    } else out.push(a)
  }
  return out
}

/** A bare year, not part of a name, an amount or a code. */
function isBareYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start)
  const after = text.slice(end, end + 12)
  // "mid-2019", "early-2020": the year, at the precision written (no month is invented).
  const hyphenLead = /(?:^|[^\p{L}])(?:mid|early|late|end)-$/iu.test(before)
  if (
    (!hyphenLead && /[\p{L}\p{N}$€£¥./-]$/u.test(before)) ||
    /^(?:[%\p{L}]|\.\d|,\d|\s*(?:%|per ?cent|million|billion|euro|EUR|USD))/iu.test(after)
  )
    return false
  // "Regulation (EU) 2016/679": the year of an act's number, which names the act.
  if (/^\/\d{3,}/.test(after)) return false
  // "Horizon 2020", "Vision 2030": a capitalised word right before the year names something.
  const word = /([\p{Lu}][\p{L}\p{N}-]*)\s+$/u.exec(before)
  if (word && !YEAR_LEAD.test(before) && month(word[1] ?? '') === 0) return false
  if (word && month(word[1] ?? '') > 0) return true
  // "the 2030 Digital Compass", "a 2025 Agenda": a year that leads the name of a plan is its target.
  // ("In 2021 Digital Europe Programme calls opened" is a date: a preposition leads it.)
  if (
    TARGET_NAME.test(text.slice(end, end + 60)) &&
    !YEAR_LEAD.test(before) &&
    !/\b(?:in|since|by|from|until|during|of)\s+$/.test(before)
  )
    return false
  return true
}

/** After a year: the rest of a plan's name, whose year is its target ("2030 Digital Compass"). */
const TARGET_NAME =
  /^\s+(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:Compass|Agenda|Strategy|Vision|Goals|Targets|Roadmap|Plan|Decade|Programme|Program)\b/u
