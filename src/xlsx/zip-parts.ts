/**
 * A zip package (APPNOTE.TXT, the .ZIP file format specification: sections 4.3.7 local file
 * header, 4.3.12 central directory header, 4.3.16 end of central directory record) opened to read,
 * replace and add a few small parts, every other part copied byte for byte, still compressed. The
 * report's .xlsx is patched this way (./package-patch.ts): a 100,000-row workbook's source sheet
 * is most of the file, and reading it back into a zip library to write it again took about 200 ms.
 *
 * Only what ExcelJS's zip writer (archiver) writes is taken: one disk, no zip64, parts stored or
 * deflated. Anything else is refused with ZipShapeError, never half-read.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export class ZipShapeError extends Error {}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

interface Entry {
  readonly name: string;
  /** The central directory record, as read (its local-header offset is rewritten on output). */
  readonly record: Buffer;
  /** The local header, the data and any data descriptor: up to the next part or the directory. */
  readonly span: Buffer;
  readonly method: number;
  readonly compressedSize: number;
}

/** The parts' texts, read and written by name (the subset of JSZip's API package-patch.ts uses). */
export interface PackageParts {
  file(name: string): { async(type: 'string'): Promise<string> } | null;
  file(name: string, text: string): unknown;
}

export class ZipParts implements PackageParts {
  private readonly entries = new Map<string, Entry>();
  /** Parts replaced or added, as text (deflated here) or deflated already: written anew. */
  private readonly written = new Map<string, string | Deflated>();

  private constructor(entries: readonly Entry[]) {
    for (const e of entries) this.entries.set(e.name, e);
  }

  static read(zip: Buffer): ZipParts {
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end < 0 || end + 22 > zip.length || zip.readUInt32LE(end) !== END)
      throw new ZipShapeError('no end of central directory record');
    const count = zip.readUInt16LE(end + 10);
    const size = zip.readUInt32LE(end + 12);
    const start = zip.readUInt32LE(end + 16);
    if (zip.readUInt16LE(end + 4) !== 0 || zip.readUInt16LE(end + 8) !== count)
      throw new ZipShapeError('a zip on several disks');
    if (count === 0xffff || size === 0xffffffff || start === 0xffffffff)
      throw new ZipShapeError('a zip64 package');
    if (start + size > end) throw new ZipShapeError('the central directory overlaps its end record');
    const found: { name: string; record: Buffer; offset: number; method: number; compressedSize: number }[] =
      [];
    let at = start;
    for (let i = 0; i < count; i++) {
      if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL)
        throw new ZipShapeError(`central directory record ${i + 1} is not where its size says`);
      const length = 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
      const record = zip.subarray(at, at + length);
      found.push({
        name: zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28)),
        record,
        offset: zip.readUInt32LE(at + 42),
        method: zip.readUInt16LE(at + 10),
        compressedSize: zip.readUInt32LE(at + 20),
      });
      at += length;
    }
    // Each part runs from its local header to the next one's (or to the directory): its data
    // descriptor, when the writer streamed it, is copied with it.
    const byOffset = [...found].sort((a, b) => a.offset - b.offset);
    const entries = byOffset.map((f, i) => {
      const next = byOffset[i + 1]?.offset ?? start;
      if (f.offset + 30 > next || zip.readUInt32LE(f.offset) !== LOCAL)
        throw new ZipShapeError(`no local header for ${f.name}`);
      return { ...f, span: zip.subarray(f.offset, next) };
    });
    return new ZipParts(entries);
  }

  file(name: string): { async(type: 'string'): Promise<string> } | null;
  file(name: string, text: string): this;
  file(name: string, text?: string): { async(type: 'string'): Promise<string> } | null | this {
    if (text !== undefined) {
      this.written.set(name, text);
      return this;
    }
    const written = this.written.get(name);
    if (typeof written === 'string') return { async: async () => written };
    if (written !== undefined) throw new ZipShapeError(`${name} was given compressed: it is not read back`);
    const entry = this.entries.get(name);
    if (!entry) return null;
    return { async: async () => textOf(entry) };
  }

  /** Sets a part from its raw deflate data (in pieces laid end to end), its CRC-32 and its size. */
  deflated(name: string, part: Deflated): this {
    this.written.set(name, part);
    return this;
  }

  /** The package: kept parts as they were, then the written ones, then the directory. */
  toBuffer(): Buffer {
    const pieces: Buffer[] = [];
    const records: Buffer[] = [];
    let offset = 0;
    for (const [name, entry] of this.entries) {
      if (this.written.has(name)) continue;
      const record = Buffer.from(entry.record);
      record.writeUInt32LE(offset, 42);
      records.push(record);
      pieces.push(entry.span);
      offset += entry.span.length;
    }
    for (const [name, given] of this.written) {
      const part = typeof given === 'string' ? deflatedText(given) : given;
      const { local, record } = headers(name, part, offset);
      records.push(record);
      pieces.push(local, ...part.data);
      offset += local.length + part.data.reduce((n, d) => n + d.length, 0);
    }
    if (offset > 0xffffffff) throw new ZipShapeError('the package would need zip64');
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(records.length, 8);
    end.writeUInt16LE(records.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...pieces, directory, end]);
  }
}

function textOf(entry: Entry): string {
  const local = entry.span;
  const dataAt = 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const data = local.subarray(dataAt, dataAt + entry.compressedSize);
  if (entry.method === STORED) return data.toString('utf8');
  if (entry.method === DEFLATED) return inflateRawSync(data).toString('utf8');
  throw new ZipShapeError(`${entry.name} is compressed by method ${entry.method}`);
}

/** A part's deflated bytes (pieces laid end to end form one raw deflate stream). */
export interface Deflated {
  readonly data: readonly Buffer[];
  readonly crc: number;
  readonly size: number;
}

function deflatedText(text: string): Deflated {
  const raw = Buffer.from(text, 'utf8');
  return { data: [deflateRawSync(raw, { level: 6 })], crc: crc32(raw), size: raw.length };
}

/** A new part's local header and central directory record. */
function headers(name: string, part: Deflated, offset: number): { local: Buffer; record: Buffer } {
  const nameBytes = Buffer.from(name, 'utf8');
  const compressed = part.data.reduce((n, d) => n + d.length, 0);
  if (compressed > 0xffffffff || part.size > 0xffffffff) throw new ZipShapeError(`${name} would need zip64`);
  // The fields both headers share, in the same order (APPNOTE 4.3.7 from "version needed", 4.3.12).
  const shared = (header: Buffer, at: number) => {
    header.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
    header.writeUInt16LE(UTF8_NAME, at + 2);
    header.writeUInt16LE(DEFLATED, at + 4);
    header.writeUInt16LE(0, at + 6); // 00:00
    header.writeUInt16LE((0 << 9) | (1 << 5) | 1, at + 8); // 1980-01-01: a fixed date, a reproducible file
    header.writeUInt32LE(part.crc >>> 0, at + 10);
    header.writeUInt32LE(compressed, at + 14);
    header.writeUInt32LE(part.size, at + 18);
    header.writeUInt16LE(nameBytes.length, at + 22);
  };
  const local = Buffer.alloc(30 + nameBytes.length);
  local.writeUInt32LE(LOCAL, 0);
  shared(local, 4);
  nameBytes.copy(local, 30);
  const record = Buffer.alloc(46 + nameBytes.length);
  record.writeUInt32LE(CENTRAL, 0);
  record.writeUInt16LE(20, 4); // version made by: MS-DOS, 2.0
  shared(record, 6);
  record.writeUInt32LE(offset, 42);
  nameBytes.copy(record, 46);
  return { local, record };
}
