/**
 * A large zip part compressed in independent pieces, on Node's thread pool, while this thread
 * goes on writing it. Each piece is a raw deflate stream ended by a sync flush (RFC 1951: a
 * non-final stored block leaves the stream byte-aligned), so pieces laid end to end, the last one
 * finished, are one valid deflate stream: the way pigz compresses in parallel. The part's CRC-32
 * is kept piece by piece, and joined to the parts written before and after it with crc32Combine.
 *
 * The source-data sheet of a 100,000-row workbook is about 55 MB of XML: through ExcelJS's zip
 * streams its deflate waited on this thread between 16 KB chunks, and the workbook's commit waited
 * on the deflate (measured: about a third of the .xlsx's time).
 */
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

/** Bytes gathered before a piece is sent to the pool: big enough that starting a deflate is cheap. */
const PIECE_BYTES = 1 << 20;
/**
 * Deflate level of the workbook's parts (write-report.ts too): a 100,000-row source sheet
 * compresses about 3× faster than at the default 6, for a file about a fifth larger.
 */
export const DEFLATE_LEVEL = 1;

export interface DeflatedPieces {
  /** The compressed pieces, in order; none is final (a finished piece must follow them). */
  readonly pieces: readonly Buffer[];
  readonly crc: number;
  /** Uncompressed bytes. */
  readonly size: number;
}

/** Text in, deflated pieces out. The text must be Latin-1 (the sheet's XML here is ASCII). */
export class PieceDeflater {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private readonly pending: Promise<Buffer>[] = [];
  private crc = 0;
  private size = 0;

  /**
   * Each text becomes bytes at once (measured: one megabyte of text joined from many writes took
   * several times longer to copy out, and to collect, than its pieces did one by one).
   */
  write(text: string): void {
    const bytes = Buffer.from(text, 'latin1');
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    if (this.heldBytes >= PIECE_BYTES) this.send();
  }

  async finish(): Promise<DeflatedPieces> {
    this.send();
    return { pieces: await Promise.all(this.pending), crc: this.crc, size: this.size };
  }

  private send(): void {
    if (this.heldBytes === 0) return;
    const bytes =
      this.held.length === 1 ? (this.held[0] as Buffer) : Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    // zlib's output buffer holds the piece's whole output: with the default 16 KB, every 16 KB
    // of output would wait for this thread.
    const options = { level: DEFLATE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: PIECE_BYTES };
    this.pending.push(
      new Promise((resolve, reject) =>
        deflateRaw(bytes, options, (error, out) => (error ? reject(error) : resolve(out))),
      ),
    );
  }
}

/** One piece, deflated here: `last` finishes the stream, else it ends with a sync flush. */
export function deflatePiece(bytes: Buffer, last: boolean): Buffer {
  return deflateRawSync(bytes, {
    level: DEFLATE_LEVEL,
    finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
  });
}

/** Reflected CRC-32 polynomial (the zip one). */
const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial, in the reflected bit order (zlib's crc32.c, multmodp). */
function multModP(a: number, b: number): number {
  let m = 1 << 31;
  let p = 0;
  let bb = b;
  for (;;) {
    if (a & m) {
      p ^= bb;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    bb = bb & 1 ? (bb >>> 1) ^ POLY : bb >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo p, for k = 0…31. */
const X2N: readonly number[] = (() => {
  const table = [1 << 30];
  for (let k = 1; k < 32; k++) table.push(multModP(table[k - 1] as number, table[k - 1] as number));
  return table;
})();

/** x^(n·2^k) modulo p (zlib's x2nmodp). */
function x2nModP(n: number, k: number): number {
  let p = 1 << 31;
  let rest = n;
  let i = k;
  while (rest > 0) {
    if (rest % 2 === 1) p = multModP(X2N[i & 31] as number, p);
    rest = Math.floor(rest / 2);
    i++;
  }
  return p >>> 0;
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and B's length in bytes (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
