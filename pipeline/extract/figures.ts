/**
 * Figures: amounts written as digits or words, with scale, unit and qualifier: "more than 900
 * million mobile subscribers", "20%", "EUR 15 million", "one-fifth". Not figures: dates, years,
 * names with numbers ("5G", "FP7", "Horizon 2020", "Industry 4.0") and ordinals ("7th").
 */
import type { DateMatch } from './dates.ts'

/** A figure found in a text. */
export interface FigureMatch {
  start: number
  end: number
  value: number
  unit: string | null
  qualifier: string | null
  text: string
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  a: 1,
}
const DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  tenth: 10,
  tenths: 10,
}
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  trillion: 1e12,
  // Indian English: a lakh is a hundred thousand, a crore ten million ("INR 500 crore").
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
}
const CURRENCIES: Record<string, string> = {
  eur: 'EUR',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  usd: 'USD',
  $: 'USD',
  us$: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  jpy: 'JPY',
  yen: 'JPY',
  krw: 'KRW',
  won: 'KRW',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
}
const QUALIFIER =
  '(?:(more than|over|around|about|almost|nearly|some|approximately|approx\\.|circa|ca\\.|c\\.|at least|up to|less than|fewer than|roughly|close to|above|below|under|exceeding|just over|just under|well over)\\s+)?'
const CURRENCY_BEFORE = '(?:(EUR|€|USD|US\\$|\\$|£|¥|₹|JPY|KRW)\\s?)?'
/** ISO 4217 codes ("NZD 500 million", "INR 2 billion"), as the runtime knows them. */
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'))
/**
 * "1,250,000" and "1,250.5"; "250 000" (a space between thousands, as EU texts write them); "12,5"
 * (a decimal comma: one or two digits after it); "12" and "12.5".
 */
const NUMBER =
  '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d,.])|\\d+,\\d{1,2}(?![\\d,])|\\d+(?:\\.\\d+)?)'
const SCALE = '(?:\\s?(thousand|millions?|billions?|trillion|lakhs?|crores?|bn|mn|m)\\b)?'
const PERCENT = '(?:\\s?(%|per ?cent\\b|percent\\b))?'
/** An amount in digits, with what may stand around it (exported for the test of `digitMatches`). */
export const DIGITS = new RegExp(`${QUALIFIER}${CURRENCY_BEFORE}${NUMBER}${SCALE}${PERCENT}`, 'gi')
const IN_WORDS =
  '\\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a)[\\s-](half|halves|thirds?|quarters?|fifths?|sixths?|tenths?|hundred|thousand|million|billion)\\b'
const WORDS = new RegExp(`${QUALIFIER}${IN_WORDS}`, 'gi')

/** "one in four", "three out of ten": a share. */
const SHARE =
  '\\b(one|two|three|four|five|six|seven|eight|nine|\\d{1,2})\\s+(?:in|out of)\\s+(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\\d{1,3})\\b'
const ONE_IN = new RegExp(`${QUALIFIER}${SHARE}(?!\\s*(?:19|20)\\d\\d)`, 'gi')

// Every match of `WORDS` or `ONE_IN` holds its pattern without the qualifier, which is several
// times faster to look for (an optional qualifier first is tried at every character): a text
// without it skips the whole pattern (most texts: a megabyte of briefings has no share at all).
const HAS_IN_WORDS = new RegExp(IN_WORDS, 'i')
const HAS_SHARE = new RegExp(SHARE, 'i')
/** "2/3 of firms", "over 1/4": a share written as a fraction (not "24/7", a date or "3/4G"). */
const SLASH_SHARE = new RegExp(`${QUALIFIER}\\b([1-9])\\/([2-9]|10)\\b(?![/\\d.,])`, 'gi')
const numberWord = (word: string) =>
  /^\d+$/.test(word) ? Number(word) : (WORD_NUMBERS[word.toLowerCase()] ?? Number.NaN)

/** People or accounts counted right after an amount ("9.9 m inhabitants"). */
const PEOPLE_AFTER =
  /^\s+(?:inhabitants|people|persons|users|subscribers|subscriptions|citizens|customers|households|residents|accounts|connections|visitors|students)\b/i

/** What is counted, named before the amount ("a population of 1.4 billion"). */
const COUNTED_BEFORE = /\b(population|inhabitants|people|users|subscribers|consumers|citizens|customers)\s+of\s+$/i
/** A verb that says a count's size, right before the amount ("accounts exceed 38 million"). */
const COUNT_VERB_BEFORE =
  /\s+(?:exceeds?|exceeded|reach(?:es|ed)?|totals?|totall?ed|numbers?|numbered|stands? at|stood at|amounts? to|amounted to|rose to|grew to|climbed to)\s+$/

/**
 * What is counted, named before an amount with a scale and nothing after it: "a population of 1.4
 * billion", or the words before a verb of size ("Mobile money accounts exceed 38 million", "the
 * number of internet users reached 100 million"), in lower case unless written in capitals.
 */
function countedBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 60), start)
  const counted = COUNTED_BEFORE.exec(before.slice(-30))?.[1]
  if (counted) return counted
  const verb = COUNT_VERB_BEFORE.exec(before)
  if (!verb) return null
  const words = before.slice(0, verb.index).split(/\s+/)
  const kept: string[] = []
  for (let word = words.pop(); word && kept.length < 3; word = words.pop()) {
    if (UNIT_STOP.test(word) || !/^[\p{L}][\p{L}-]*$/u.test(word)) break
    kept.unshift(word)
  }
  const unit = kept.join(' ')
  return unit && !/^\p{Lu}{2}/u.test(unit) ? (unit[0]?.toLowerCase() ?? '') + unit.slice(1) : unit || null
}

/**
 * A label that a line starts with ("Mobile subscriptions: ", "5G coverage: "), as a list of facts
 * has it, or a table's first cell copied as text, a tab after it ("Population	19.9 million").
 */
const LABEL = /^\s*((?=[^:\t]*\p{L})[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?: [\p{L}'’-]+){0,4})(?::\s*|\t+)$/u

/**
 * The label the line of a figure at `start` opens with, right before it: where it starts, and what
 * it counts, in lower case unless written in capitals ("ICT"); `null` for none.
 */
function labelBefore(text: string, start: number): { start: number; unit: string } | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const match = LABEL.exec(text.slice(lineStart, start))
  const label = match?.[1]
  if (!match || !label) return null
  const unit = /^\p{Lu}{2}/u.test(label) ? label : (label[0]?.toLowerCase() ?? '') + label.slice(1)
  return { start: lineStart + match[0].indexOf(label), unit }
}

/** Words that end a unit: prepositions, conjunctions, verbs that often follow an amount. */
const UNIT_STOP =
  /^(long|wide|high|deep|old|of|in|on|at|to|for|from|by|with|under|during|since|per|and|or|but|as|than|that|which|who|is|are|was|were|has|have|had|will|would|can|could|the|a|an|between|among|across|over|into|each|every|year|by|this|these|those|its|their|our|also|been|being|be|ahead|across|including|such|like|while|whereas|according|compared|mainly|mostly|already|now|today|annually|alone|respectively|together|against|through|via|after|before|until|within|without|towards|toward|who|whom|whose|where|when|if|so|not|yet|more|less|out|up|down|off|use|used|uses|using|own|owns|live|lives|lived|work|works|access|accessed|subscribe|subscribed|rely|relies|depend|depends|buy|bought|go|went|make|made|get|got|receive|received|reach|reached|need|needs|lack|lacks|visit|visited|ran|run|runs|joined|join|joins|started|start|starts|began|begin|grew|grow|rose|fell|took|signed|opened|applied|participated|participate|participates)$/i

/** Every figure in `text`, skipping what `dates` already took. */
export function findFigures(text: string, dates: readonly DateMatch[]): FigureMatch[] {
  const found: FigureMatch[] = []
  const free = (start: number, end: number) =>
    !dates.some((d) => start < d.end && end > d.start) && !found.some((f) => start < f.end && end > f.start)
  for (const match of HAS_IN_WORDS.test(text) ? text.matchAll(WORDS) : []) {
    const [, qualifier, countWord, second] = match
    const start = match.index + (qualifier ? qualifier.length + 1 : 0)
    const count = WORD_NUMBERS[(countWord ?? '').toLowerCase()] ?? 1
    const denominator = DENOMINATORS[(second ?? '').toLowerCase()]
    const scale = SCALES[(second ?? '').toLowerCase()] ?? (second?.toLowerCase() === 'hundred' ? 100 : 1)
    if (countWord?.toLowerCase() === 'a' && !denominator) continue
    const value = denominator ? count / denominator : count * scale
    const end = match.index + match[0].length
    const unit = denominator ? { unit: 'share', end } : unitAfter(text, end)
    if (!free(match.index, unit.end)) continue
    found.push(figure(text, match.index, unit.end, value, unit.unit, qualifier ?? null))
    void start
  }
  for (const match of text.includes('/') ? text.matchAll(SLASH_SHARE) : []) {
    const [whole, qualifier, part, of] = match
    const value = Number(part) / Number(of)
    if (value >= 1 || !free(match.index, match.index + whole.length)) continue
    found.push(figure(text, match.index, match.index + whole.length, value, 'share', qualifier ?? null))
  }
  for (const match of HAS_SHARE.test(text) ? text.matchAll(ONE_IN) : []) {
    const [whole, qualifier, part, of] = match
    const value = numberWord(part ?? '') / numberWord(of ?? '')
    if (!Number.isFinite(value) || value <= 0 || value >= 1 || !free(match.index, match.index + whole.length)) continue
    found.push(figure(text, match.index, match.index + whole.length, value, 'share', qualifier ?? null))
  }
  for (const match of digitMatches(text)) {
    const [whole, qualifier, written, digits, scaleWord, percent] = match
    const numberStart = match.index + whole.indexOf(digits ?? '')
    // Any other ISO 4217 code, in capitals, right before the number ("NZD 500 million").
    const code =
      written || qualifier ? undefined : /\b([A-Z]{3}) ?$/.exec(text.slice(Math.max(0, numberStart - 4), numberStart))
    const currency = written ?? (code && ISO_CURRENCIES.has(code[1] ?? '') ? code[1] : undefined)
    let figureStart = code && currency ? numberStart - code[0].length : match.index
    let qualified = qualifier
    if (code && currency) {
      const lead = new RegExp(`${QUALIFIER}$`, 'i').exec(text.slice(Math.max(0, figureStart - 24), figureStart))
      if (lead?.[1]) {
        qualified = lead[1]
        figureStart -= lead[0].length
      }
    }
    const end = match.index + whole.length
    if (!digits || !free(numberStart, numberStart + digits.length)) continue
    if (isNamePart(text, numberStart, numberStart + digits.length, Boolean(qualifier || currency))) continue
    if (/^(19|20)\d\d$/.test(digits) && !scaleWord && !percent && !currency) continue
    const scale = scaleWord ? (SCALES[scaleWord.toLowerCase()] ?? 1) : 1
    // "m" alone is a scale only right after a currency amount ("EUR 5m") or before people counted
    // ("9.9 m inhabitants"); else it may be metres.
    if (scaleWord && /^m$/i.test(scaleWord) && !currency && !PEOPLE_AFTER.test(text.slice(end, end + 24))) continue
    // "000" of "250 000" read alone, or "05", is no amount.
    if (/^0\d/.test(digits)) continue
    const decimalComma = /^\d+,\d{1,2}$/.test(digits)
    const value = Number(decimalComma ? digits.replace(',', '.') : digits.replace(/[,\s\u00a0\u202f]/g, '')) * scale
    let unit: { unit: string | null; end: number }
    if (percent) unit = { unit: 'percent', end }
    else if (currency) unit = { unit: CURRENCIES[currency.toLowerCase()] ?? currency.toUpperCase(), end }
    else {
      const after = /^\s?(euros?|EUR|dollars|US dollars|USD|yen|won)\b/i.exec(text.slice(end))
      unit = after
        ? { unit: CURRENCIES[(after[1] ?? '').toLowerCase()] ?? 'EUR', end: end + after[0].length }
        : unitAfter(text, end)
    }
    if (!free(figureStart, figureStart + 1)) continue
    // "a population of 1.4 billion", "accounts exceed 38 million": what is counted stands before the amount.
    if (unit.unit === null && scaleWord) unit = { unit: countedBefore(text, figureStart), end: unit.end }
    // "Population: 100 million", as a list of key facts writes it: the label says what is counted,
    // and belongs to the figure's text ("Internet users: 78%").
    const label = labelBefore(text, figureStart)
    if (label) {
      if (unit.unit === null) unit = { unit: label.unit, end: unit.end }
      figureStart = label.start
    }
    // A bare number with nothing counted ("under 35", "the 27") tells a reader nothing.
    if (unit.unit === null) continue
    found.push(figure(text, figureStart, unit.end, value, unit.unit, qualified?.toLowerCase() ?? null))
  }
  return found.sort((a, b) => a.start - b.start)
}

/** `DIGITS` for `digitMatches` alone, which moves its `lastIndex`. */
const AMOUNT = new RegExp(DIGITS)

/**
 * The matches of `DIGITS` in `text`, as `text.matchAll` finds them, without trying the pattern at
 * every character: each match holds a digit, and before the first digit from where the search is,
 * only a qualifier and a currency, with blanks, can start one. So the search starts a little before
 * that digit: past blanks, a currency (three characters), blanks and a qualifier (twenty).
 */
export function* digitMatches(text: string): Generator<RegExpExecArray> {
  const digit = /\d/g
  for (let from = 0; ; ) {
    digit.lastIndex = from
    const next = digit.exec(text)
    if (!next) return
    let start = next.index
    while (start > from && /\s/.test(text[start - 1] ?? '')) start--
    start = Math.max(from, start - 3)
    while (start > from && /\s/.test(text[start - 1] ?? '')) start--
    AMOUNT.lastIndex = Math.max(from, start - 20)
    const match = AMOUNT.exec(text)
    if (!match) return
    yield match
    from = match.index + match[0].length
  }
}

function figure(
  text: string,
  start: number,
  end: number,
  value: number,
  unit: string | null,
  qualifier: string | null,
): FigureMatch {
  return {
    start,
    end,
    value: Number(value.toPrecision(12)),
    unit,
    qualifier: qualifier?.toLowerCase() ?? null,
    text: text.slice(start, end).trim().replace(/\t+/g, ' '),
  }
}

/** A number that belongs to a name or a code: "5G", "FP7", "3GPP", "Industry 4.0", "7th", "No. 3". */
function isNamePart(text: string, start: number, end: number, qualified: boolean): boolean {
  const before = text.slice(Math.max(0, start - 24), start)
  // After a tab, a number is a table's cell ("ICT share of GDP	3.8%"), not part of a name.
  if (before.endsWith('\t')) return false
  const after = text.slice(end, end + 4)
  // A currency written against its amount ("EUR1.2 billion") is no name.
  const currencyBefore = qualified && /(?:^|[^\p{L}])(?:EUR|USD|GBP|JPY|KRW|INR|CNY)$/u.test(before)
  if (/[\p{L}\p{N}&.+/-]$/u.test(before) && !/\s[-–]$/.test(before) && !currencyBefore) return true
  if (/^(st|nd|rd|th|[\p{L}])/u.test(after) && !/^(m|bn|mn)\b/.test(after)) return true
  if (/^[-–]\p{L}/u.test(after)) return true
  if (
    !qualified &&
    /[\p{Lu}][\p{L}\p{N}]*\s$/u.test(before) &&
    !/(?:^|\s)(In|By|Some|Over|About|Around|With|And|Of|For|To)\s$/.test(before)
  )
    return true
  return false
}

/** Units of measure: the unit is the symbol alone ("4,700 km long" counts km). */
const MEASURE =
  /^\s?(km|kilometres|kilometers|m2|km2|sq km|kg|t|MW|GW|kW|TWh|GWh|MHz|GHz|Mbps|Mbit\/s|Gbps|Gbit\/s|Tbps|TB|PB|GB)\b/

/** The noun phrase after an amount, up to three words ("mobile subscribers"). */
function unitAfter(text: string, end: number): { unit: string | null; end: number } {
  const measure = MEASURE.exec(text.slice(end))
  if (measure) return { unit: measure[1] ?? null, end: end + measure[0].length }
  const rest = text.slice(end)
  const words: string[] = []
  let consumed = 0
  // A row of a table copied as text ("Population	19.9 million") ends at its line.
  const row = text.slice(text.lastIndexOf('\n', end - 1) + 1, end).includes('\t')
  for (const match of rest.matchAll(/(\s+)([\p{L}][\p{L}'’-]*)/gu)) {
    if (match.index !== consumed || (row && match[1]?.includes('\n'))) break
    const word = match[2] ?? ''
    if (UNIT_STOP.test(word) || words.length === 3) break
    words.push(word)
    consumed = match.index + match[0].length
    if (/[,;:.!?)]/.test(rest[consumed] ?? '')) break
  }
  return words.length ? { unit: words.join(' '), end: end + consumed } : { unit: null, end }
}
