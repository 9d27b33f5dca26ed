/**
 * Turning user-supplied strings into safe receiptline markup.
 *
 * receiptline grammar (README "Special characters in text" / "in property values"):
 * - in text, `\ | { } - = ~ _ " ` ^` are special; each is escaped with a backslash (`\-` and `\=` stop a line of
 *   dashes or equals signs becoming a rule or a paper cut). Unknown escapes are *dropped*, so we escape nothing else.
 * - in property values (`{code:…}`), `\ | { } ;` are special. `:` is not escaped: receiptline splits key and value
 *   at the first colon only, and `\:` would silently delete the colon.
 * - control characters (including CR/LF/TAB) would end the markup line or be dropped; we turn them into spaces.
 *
 * Printers only have single-byte code pages. We keep ASCII, Latin-1 and the few cp1252 punctuation marks receiptline's
 * `multilingual` encoding can print; other letters lose their diacritics (`ũ` → `u`) and anything left becomes `?`,
 * so the preview shows exactly what the paper will.
 */

const CP1252_EXTRAS = new Set([
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2013',
  '\u2014',
  '\u2026',
  '\u20ac',
  '\u2022',
])

/** C0/C1 controls, DEL, no-break space and the Unicode line/paragraph separators. */
function isControl(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0
  return cp < 0x20 || (cp >= 0x7f && cp <= 0xa0) || cp === 0x2028 || cp === 0x2029
}

function printableChar(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa1 && cp <= 0xff) || CP1252_EXTRAS.has(c)
}

/** Normalises a user string to one printable line: no control characters, collapsed spaces, printable repertoire. */
export function toPrintable(input: string): string {
  const oneLine = [...input.normalize('NFC')]
    .map((c) => (isControl(c) ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
  let out = ''
  for (const c of oneLine) {
    if (printableChar(c)) {
      out += c
      continue
    }
    const stripped = c.normalize('NFD').replace(/\p{M}/gu, '')
    out += stripped.length > 0 && [...stripped].every(printableChar) ? stripped : '?'
  }
  return out
}

/** Escapes printable text for a receiptline text column. Input must already be one line (see {@link toPrintable}). */
export function escapeText(text: string): string {
  return text.replace(/[\\|{}\-=~_"`^]/g, (c) => `\\${c}`)
}

/** Escapes a receiptline property value (e.g. the data of a `code` property). */
export function escapeValue(value: string): string {
  return [...value]
    .filter((c) => !isControl(c) || c === '\u00a0')
    .join('')
    .replace(/[\\|{};]/g, (c) => `\\${c}`)
}

/** Characters a long word may be broken after (URLs, compound names). */
const SOFT_BREAK = /[/?&=.\-_]/

/**
 * Word-wraps printable text to lines of at most `width` characters. Words longer than a line are broken after a URL
 * punctuation mark when there is one in reach, else hard.
 */
export function wrapWords(text: string, width: number): string[] {
  if (width < 1) throw new RangeError(`width ${width}`)
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ').filter((w) => w.length > 0)) {
    let rest = word
    while (rest.length > 0) {
      const room = line.length === 0 ? width : width - line.length - 1
      if ([...rest].length <= room) {
        line = line.length === 0 ? rest : `${line} ${rest}`
        rest = ''
      } else if ([...rest].length > width) {
        // An over-long word: fill this line (or a fresh one) up to a soft break.
        if (room < 4 && line.length > 0) {
          lines.push(line)
          line = ''
          continue
        }
        const chars = [...rest]
        let cut = room
        for (let i = room - 1; i > 0; i--) {
          if (SOFT_BREAK.test(chars[i] ?? '')) {
            cut = i + 1
            break
          }
        }
        if (cut < room / 2) cut = room
        const head = chars.slice(0, cut).join('')
        lines.push(line.length === 0 ? head : `${line} ${head}`)
        line = ''
        rest = chars.slice(cut).join('')
      } else {
        lines.push(line)
        line = ''
      }
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(line)
  return lines
}
