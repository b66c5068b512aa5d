/**
 * Where each section will fall in the PDF, found before printing: the print layout is laid out
 * again as columns the size of a page's content box, so a heading's column is its page. This costs
 * one layout instead of a second print. Runs through CDP, which works with the page's JavaScript off.
 */
import type { Page } from 'puppeteer-core'

/** The A4 page of `templates/style.css` (`@page { size: A4; margin: 22mm 18mm 20mm }`), in millimetres. */
export const PAGE_MM = { width: 210, height: 297, top: 22, right: 18, bottom: 20, left: 18 }

const PX_PER_MM = 96 / 25.4

/** The content box of a page in CSS pixels. */
export function contentBox(page = PAGE_MM): { width: number; height: number } {
  return {
    width: (page.width - page.left - page.right) * PX_PER_MM,
    height: (page.height - page.top - page.bottom) * PX_PER_MM,
  }
}

/**
 * Once the fonts are in: measure the page (1-based) each `[data-toc-for]` target will start on, by
 * id, and write the numbers into the contents, in one round trip. The page must already be in print
 * media; the measuring style is removed again before returning.
 */
export async function measureAndFill(page: Page): Promise<Record<string, number>> {
  const { width, height } = contentBox()
  return page.evaluate(
    `document.fonts.ready.then(function () { var pages = (${MEASURE})(${width}, ${height}); (${FILL})(pages); return pages })`,
  ) as Promise<Record<string, number>>
}

/**
 * The measuring code, as text: it runs in the page, and a bundler's helpers (such as esbuild's
 * `__name`) must not be woven into it.
 */
const MEASURE = `function (width, height) {
  var doc = document
  var style = doc.createElement('style')
  style.textContent = 'html{width:' + width + 'px;margin:0;padding:0}' +
    'body{width:' + width + 'px;height:' + height + 'px;columns:' + width + 'px 1;column-gap:0;column-fill:auto;margin:0;padding:0}'
  doc.head.append(style)
  // Forced page breaks, and changes of named page, become column breaks.
  var pageName = function (element) { return getComputedStyle(element).getPropertyValue('page') || 'auto' }
  var forced = []
  for (var element of doc.body.querySelectorAll('*')) {
    var previous = element.previousElementSibling
    var changes = previous ? pageName(previous) !== pageName(element) : false
    if (getComputedStyle(element).breakBefore === 'page' || changes) forced.push(element)
  }
  for (var element of forced) element.style.setProperty('break-before', 'column')
  var left = doc.body.getBoundingClientRect().left
  var pages = {}
  for (var entry of doc.querySelectorAll('[data-toc-for]')) {
    var id = entry.dataset.tocFor || ''
    var target = doc.getElementById(id)
    var heading = target ? target.querySelector('h1, h2, h3') || target : null
    if (!heading) continue
    pages[id] = Math.floor((heading.getBoundingClientRect().left - left + 1) / width) + 1
  }
  for (var element of forced) element.style.removeProperty('break-before')
  style.remove()
  return pages
}`

/** Write page numbers into the contents; entries keep their reserved width, so nothing moves. */
export async function fillContents(page: Page, pages: Record<string, number>): Promise<void> {
  await page.evaluate(`(${FILL})(${JSON.stringify(pages)})`)
}

const FILL = `function (numbers) {
  for (var entry of document.querySelectorAll('[data-toc-for]')) {
    var number = numbers[entry.dataset.tocFor || '']
    entry.textContent = number === undefined ? '' : String(number)
  }
}`
