/**
 * Bytes of a text export → string. Excel saves "Unicode text" as UTF-16 LE with a BOM and
 * "CSV UTF-8" with a UTF-8 BOM; other tools write plain UTF-8. The BOM decides; without one the
 * bytes must be valid UTF-8, else we say so instead of guessing a legacy code page.
 */

import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding }
  | { readonly ok: false; readonly message: string };

export function decodeText(bytes: Uint8Array): Decoded {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8(bytes.subarray(3), 'utf-8-bom');
  if (b0 === 0xff && b1 === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  if (looksLikeUtf16WithoutBom(bytes)) {
    return {
      ok: false,
      message:
        'looks like UTF-16 text without a byte-order mark; save it as UTF-8 or as Excel "Unicode text"',
    };
  }
  return utf8(bytes, 'utf-8');
}

function utf8(bytes: Uint8Array, encoding: TextEncoding): Decoded {
  if (bytes.includes(0)) return binary();
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding };
  } catch {
    return {
      ok: false,
      message:
        'is not valid UTF-8 text (binary data, or a legacy code page such as Windows-1256); save it as "CSV UTF-8" or .xlsx',
    };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2 !== 0)
    return { ok: false, message: `is cut short: an odd number of bytes for ${encoding}` };
  const text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
  if (text.includes('\u0000')) return binary();
  return { ok: true, text, encoding };
}

function binary(): Decoded {
  return { ok: false, message: 'is not a text file (it contains NUL bytes); give a CSV or an .xlsx file' };
}

/** Every other byte zero in the first bytes: ASCII text stored as UTF-16 without a BOM. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 8) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  return (oddZeros > half * 0.8 && evenZeros === 0) || (evenZeros > half * 0.8 && oddZeros === 0);
}

/**
 * A UTF-8 file's bytes after its byte-order mark, when decodeText would read them as UTF-8
 * without complaint, for a reader that decodes cell by cell (the same text, never a whole-file
 * string beside the bytes). Null otherwise: decodeText then reads the file, or says what is wrong.
 */
export function utf8Body(bytes: Uint8Array): { bytes: Uint8Array; encoding: 'utf-8' | 'utf-8-bom' } | null {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // decodeText's TextDecoder drops a second BOM right after the first: leave that file to it.
  if (bom && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return null;
  if (!bom && (bytes[0] === 0xff || bytes[0] === 0xfe || looksLikeUtf16WithoutBom(bytes))) return null;
  if (body.includes(0) || !isUtf8(body)) return null;
  return { bytes: body, encoding: bom ? 'utf-8-bom' : 'utf-8' };
}
