/**
 * Problems in a source are vfile messages with positions; this prints them the way compilers do,
 * `file:line:col: severity: reason`, one line each and never with a stack trace.
 */
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

/** Format one message as `file:line:col: error|warning: reason`. */
export function formatMessage(message: VFileMessage, fallbackPath = '<input>'): string {
  const file = message.file || fallbackPath
  const line = message.line ?? 1
  const column = message.column ?? 1
  const severity = message.fatal ? 'error' : 'warning'
  return `${file}:${line}:${column}: ${severity}: ${message.reason}`
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
