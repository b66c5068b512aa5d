/**
 * The source stage's own guarantees, case by case: a bad byte is named by line and column (in
 * characters, multi-byte text before it counted right), messages print as one safe terminal line,
 * and the careful read refuses what is not a regular file of a briefing's size.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { BuildFailure, formatFailure, formatMessage, oneLine } from '../../pipeline/source/messages.ts'
import { decodeText, readSourceBytes } from '../../pipeline/source/read-source.ts'
import { temporaryDir } from './support.ts'

function decodeFailure(bytes: Uint8Array): string {
  try {
    decodeText(bytes, new VFile({ path: 'brief.md' }))
  } catch (error) {
    return formatMessage(error as VFileMessage)
  }
  return 'decoded'
}

describe('decodeText', () => {
  it.each([
    ['a bad byte after multi-byte text', Buffer.concat([Buffer.from('Ok.\nCafé '), Buffer.from([0xff])]), 2, 6],
    [
      'a sequence cut short mid-line',
      Buffer.concat([Buffer.from('日本'), Buffer.from([0xe4, 0xb8]), Buffer.from('x')]),
      1,
      3,
    ],
    ['a sequence cut short at the end of the file', Buffer.concat([Buffer.from('a\nbc'), Buffer.from([0xe4])]), 2, 3],
    ['an overlong encoding', Buffer.from([0x61, 0xc0, 0xaf]), 1, 2],
    ['a surrogate encoded as UTF-8', Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]), 1, 3],
  ])('names the line and column of %s', (_, bytes, line, column) => {
    expect(decodeFailure(bytes)).toBe(`brief.md:${line}:${column}: error: Source is not valid UTF-8; save it as UTF-8`)
  })

  it('names UTF-16 and binary text for what they are', () => {
    expect(decodeFailure(Buffer.from('\ufeffJapan', 'utf16le'))).toBe(
      'brief.md:1:1: error: Source is UTF-16; save it as UTF-8',
    )
    expect(decodeFailure(Buffer.from('a\nb\nc\0'))).toBe(
      'brief.md:3:1: error: Source looks binary (it contains a NUL byte)',
    )
  })
})

describe('messages', () => {
  it('print as one line, control and bidi characters shown as escapes', () => {
    expect(oneLine('a\nb\u001b[31mc\u202ed\u0007')).toBe('a b\\u{1B}[31mc\\u{202E}d\\u{7}')
    const message = new VFileMessage('Bad `\u202e\u001b]0;title\u0007`', { place: { line: 2, column: 3 } })
    message.file = 'source/x\u202e.md'
    expect(formatMessage(message)).toBe('source/x\\u{202E}.md:2:3: warning: Bad `\\u{202E}\\u{1B}]0;title\\u{7}`')
  })

  it('print a failure of the build as one line, and leave a bug to its stack', () => {
    expect(formatFailure(new BuildFailure('no browser\nat all'))).toBe('build: no browser at all')
    expect(formatFailure(new TypeError('bug'))).toBeNull()
  })
})

describe('readSourceBytes', () => {
  it('refuses a directory and a device without reading them, and reads a regular file', async () => {
    const dir = await temporaryDir('bytes')
    await expect(readSourceBytes(dir)).rejects.toThrow('Expected a source file, found a directory')
    await expect(readSourceBytes('/dev/zero')).rejects.toThrow('found a device, pipe or socket')
    await expect(readSourceBytes(join(dir, 'missing.md'))).rejects.toThrow('No such source file')
    await writeFile(join(dir, 'ok.md'), 'Japan.\n')
    expect(Buffer.from(await readSourceBytes(join(dir, 'ok.md'))).toString()).toBe('Japan.\n')
  })
})
