/** ISO dates at the precision the text gives (`2009`, `2011-07`, `2014-06-16`) as numbers and words. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The date as a fractional year, for placing it on an axis; a bare year sits at its middle. */
export function fractionalYear(date: string): number {
  const [year = 0, month, day] = date.split('-').map(Number)
  if (month === undefined) return year + 0.5
  if (day === undefined) return year + (month - 0.5) / 12
  return year + (month - 1) / 12 + (day - 0.5) / 365
}

/** `16 Jun 2014`, `Jul 2011`, `2009`: only the precision the text gave. */
export function formatDate(date: string): string {
  const [year = '', month, day] = date.split('-')
  const monthName = month ? MONTHS[Number(month) - 1] : undefined
  if (!monthName) return year
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`
}

/** A date or a range, in words: `26–27 Apr 2012` is written out in full as `26 Apr 2012 – 27 Apr 2012`. */
export function formatRange(date: string, endDate: string | null): string {
  return endDate && endDate !== date ? `${formatDate(date)} – ${formatDate(endDate)}` : formatDate(date)
}
