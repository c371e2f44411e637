/**
 * Pieces deflated apart, laid end to end, must inflate (by Node's zlib, which we did not write) to
 * the text written, and the CRC-32s joined by crc32Combine must be zlib's CRC-32 of the whole.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Combine, deflatePiece, PieceDeflater } from '../../src/xlsx/deflate-pieces';
import { seededRandom } from '../helpers/seeded-random';

const random = seededRandom(7);
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

describe('crc32Combine', () => {
  it("joins two CRC-32s into zlib's CRC-32 of the two byte strings, for lengths 0 to 3 MB", () => {
    for (const [a, b] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [5, 7],
      [1000, 1],
      [3, 65_536],
      [123_457, 3_000_001],
    ] as const) {
      const x = bytes(a);
      const y = bytes(b);
      expect(crc32Combine(crc32(x), crc32(y), y.length), `${a} + ${b}`).toBe(crc32(Buffer.concat([x, y])));
    }
  });
});

describe('PieceDeflater', () => {
  it('deflates many writes in pieces that, end to end and then finished, inflate to the text', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${Math.floor(random() * 1e6) / 100}</v></c></row>`,
    );
    const deflater = new PieceDeflater();
    // Writes of about 64 KB, as the source sheet's writer makes them.
    for (let i = 0; i < rows.length; i += 1000) deflater.write(rows.slice(i, i + 1000).join(''));
    const head = Buffer.from('<worksheet><sheetData>');
    const tail = Buffer.from('</sheetData></worksheet>');
    const out = await deflater.finish();
    expect(out.pieces.length).toBeGreaterThan(1);
    const stream = Buffer.concat([deflatePiece(head, false), ...out.pieces, deflatePiece(tail, true)]);
    const text = `${head}${rows.join('')}${tail}`;
    expect(inflateRawSync(stream).toString('latin1')).toBe(text);
    expect(out.size).toBe(text.length - head.length - tail.length);
    const crc = crc32Combine(crc32Combine(crc32(head), out.crc, out.size), crc32(tail), tail.length);
    expect(crc).toBe(crc32(Buffer.from(text, 'latin1')));
  });

  it('nothing written: no pieces, size 0', async () => {
    const out = await new PieceDeflater().finish();
    expect(out).toEqual({ pieces: [], crc: 0, size: 0 });
    expect(inflateRawSync(deflatePiece(Buffer.from('x'), true)).toString()).toBe('x');
  });
});
