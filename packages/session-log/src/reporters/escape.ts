// Text quoted from a log (and file names) reach terminals and CI logs. Control characters
// could move the cursor, recolour or hide text, or start a command of a CI runner; bidi
// controls reorder what is shown. They are written as visible escapes instead.

const unsafe = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu

/** The text with every control character shown as an escape such as `\x1b` or `\u202e`. */
export function visible(text: string): string {
  return text.replace(unsafe, (char) => {
    const code = char.codePointAt(0)!
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/**
 * JSON that shows no control character when printed: JSON.stringify escapes C0 controls
 * but writes DEL, C1 controls and bidi controls as they are.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
