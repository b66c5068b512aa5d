/**
 * Rows: a paragraph whose lines are a table's rows or a list of labelled facts, as a briefing
 * copies them ("Population	19.9 million", "Capital: Nairobi"), one per line. Each line is then a
 * sentence of its own (`sentences.ts`) and the page shows one per line (`render/view-model.ts`).
 */

/** A line that opens with a short label and a colon ("Internet users: 42%"). */
const LABELLED = /^\s*[^\s:][^:\n]{0,40}:\s+\S/

/** Whether `text` has two lines or more and every one is a table's row (a tab) or a labelled fact. */
export function isRows(text: string): boolean {
  if (!text.includes('\n')) return false
  const lines = text.split('\n')
  return lines.every((line) => line.includes('\t')) || lines.every((line) => LABELLED.test(line))
}
