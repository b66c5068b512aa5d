/**
 * Problems in a source are vfile messages with positions; this prints them the way compilers do,
 * `file:line:col: severity: reason`, one line each and never with a stack trace. Source text echoed
 * in a message can hold anything, so what is printed is made safe for a terminal: one line, control
 * and bidirectional characters shown as `\u{…}` escapes.
 */
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

/** A failure of the build itself rather than of a source (no browser, a time limit tripped): one line, no stack. */
export class BuildFailure extends Error {
  override name = 'BuildFailure'
}

/** Control characters (line breaks included) and bidi embeddings, overrides, isolates and marks. */
const UNPRINTABLE = /[\p{Cc}\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/gu

/** `text` as one terminal line: nothing in it can move the cursor, colour or reorder what follows. */
export function oneLine(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.codePointAt(0) ?? 0
    return code === 0x0a || code === 0x09 ? ' ' : `\\u{${code.toString(16).toUpperCase()}}`
  })
}

/** Format one message as `file:line:col: error|warning: reason`. */
export function formatMessage(message: VFileMessage, fallbackPath = '<input>'): string {
  const file = message.file || fallbackPath
  const line = message.line ?? 1
  const column = message.column ?? 1
  const severity = message.fatal ? 'error' : 'warning'
  return oneLine(`${file}:${line}:${column}: ${severity}: ${message.reason}`)
}

/** Every message a file collected, formatted, in source order. */
export function formatMessages(file: VFile): string[] {
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => formatMessage(message, file.path))
}

/** Whether a thrown value is a problem in the source (as opposed to a bug in our code). */
export function isSourceProblem(error: unknown): error is VFileMessage {
  return error instanceof VFileMessage
}

/** The one line to print for a failure that stops the build, or `null` for a bug (print its stack). */
export function formatFailure(error: unknown, fallbackPath?: string): string | null {
  if (isSourceProblem(error)) return formatMessage(error, fallbackPath)
  if (error instanceof BuildFailure) return oneLine(`build: ${error.message}`)
  return null
}
