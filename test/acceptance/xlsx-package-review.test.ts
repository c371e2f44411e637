/**
 * An independent review of the .xlsx package writer (src/xlsx/zip-parts.ts, deflate-pieces.ts,
 * package-patch.ts), written from the specifications and the exported signatures only:
 * PKWARE APPNOTE.TXT (4.3.7 local file header, 4.3.9 data descriptor, 4.3.12 central directory
 * header, 4.3.16 end of central directory record, 4.4.4 general purpose bit flag), RFC 1951
 * (blocks, BFINAL, the empty stored block a sync flush ends with) and zlib's crc32_combine.
 *
 * The zips read here are made by hand in this file (so data descriptors with and without their
 * signature, local headers in another order than the directory, a local extra field unlike the
 * central one and an archive comment can be chosen), and what the code writes is judged by a
 * strict reader written here from APPNOTE, by Node's zlib, by JSZip, by Python's zipfile and by
 * `unzip -t`; a 100,000-row report by LibreOffice, whose SUM must equal a sum of the CSV's cents.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignCsv } from '../../bench/campaign-data';
import { crc32Combine, deflatePiece, PieceDeflater } from '../../src/xlsx/deflate-pieces';
import { patchedPackage } from '../../src/xlsx/package-patch';
import { ZipParts, ZipShapeError } from '../../src/xlsx/zip-parts';

const require = createRequire(import.meta.url);
const JsZip = createRequire(require.resolve('exceljs'))('jszip') as typeof JSZip;
const ROOT = join(import.meta.dirname, '../..');
const MB = 1 << 20;
const TMP = mkdtempSync(join(tmpdir(), 'xlsx-review-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------
// A zip writer of our own, from APPNOTE, so every odd-but-legal shape can be chosen.

interface HandEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly method: 0 | 8;
  /** 4.3.9: after the data, with or without the optional 0x08074b50 signature; bit 3 set. */
  readonly descriptor?: 'signed' | 'unsigned' | null;
  readonly localExtra?: Buffer;
  readonly centralExtra?: Buffer;
}

function handZip(entries: readonly HandEntry[], localOrder: readonly number[], comment = ''): Buffer {
  const locals: Buffer[] = [];
  const offsets: number[] = new Array(entries.length);
  let at = 0;
  const shaped = entries.map((e) => {
    const compressed = e.method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const utf8 = Buffer.from(e.name, 'utf8').some((b) => b > 0x7f) ? 0x800 : 0;
    const flags = (e.descriptor ? 0x8 : 0) | utf8;
    return { e, compressed, name, flags, crc: crc32(e.data) };
  });
  for (const i of localOrder) {
    const s = shaped[i];
    if (!s) throw new Error('bad order');
    const extra = s.e.localExtra ?? Buffer.alloc(0);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(s.flags, 6);
    h.writeUInt16LE(s.e.method, 8);
    h.writeUInt16LE(0x6000, 10);
    h.writeUInt16LE(0x5b81, 12);
    if (!s.e.descriptor) {
      h.writeUInt32LE(s.crc, 14);
      h.writeUInt32LE(s.compressed.length, 18);
      h.writeUInt32LE(s.e.data.length, 22);
    }
    h.writeUInt16LE(s.name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    const parts = [h, s.name, extra, s.compressed];
    if (s.e.descriptor) {
      const d = Buffer.alloc(s.e.descriptor === 'signed' ? 16 : 12);
      let o = 0;
      if (s.e.descriptor === 'signed') {
        d.writeUInt32LE(0x08074b50, 0);
        o = 4;
      }
      d.writeUInt32LE(s.crc, o);
      d.writeUInt32LE(s.compressed.length, o + 4);
      d.writeUInt32LE(s.e.data.length, o + 8);
      parts.push(d);
    }
    offsets[i] = at;
    for (const p of parts) at += p.length;
    locals.push(...parts);
  }
  const central: Buffer[] = [];
  shaped.forEach((s, i) => {
    const extra = s.e.centralExtra ?? Buffer.alloc(0);
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(0x031e, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(s.flags, 8);
    h.writeUInt16LE(s.e.method, 10);
    h.writeUInt16LE(0x6000, 12);
    h.writeUInt16LE(0x5b81, 14);
    h.writeUInt32LE(s.crc, 16);
    h.writeUInt32LE(s.compressed.length, 20);
    h.writeUInt32LE(s.e.data.length, 24);
    h.writeUInt16LE(s.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    h.writeUInt32LE(offsets[i] as number, 42);
    central.push(h, s.name, extra);
  });
  const cd = Buffer.concat(central);
  const note = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(at, 16);
  end.writeUInt16LE(note.length, 20);
  return Buffer.concat([...locals, cd, end, note]);
}

// ---------------------------------------------------------------------------------------------
// A strict reader from APPNOTE: every field that must agree is checked; throws on the first lie.

interface ReadEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly raw: Buffer;
  readonly data: Buffer;
  readonly start: number;
  readonly end: number;
}

/** `copied`: parts kept from a zip JSZip wrote, whose "version needed" of 1.0 for deflate is JSZip's. */
function strictRead(
  buf: Buffer,
  copied: ReadonlySet<string> = new Set(),
): { entries: ReadEntry[]; comment: string } {
  const fail = (what: string): never => {
    throw new Error(`zip: ${what}`);
  };
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === 0x06054b50 && p + 22 + buf.readUInt16LE(p + 20) === buf.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) fail('no end of central directory record whose comment length reaches the end');
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) fail('disk numbers not 0');
  const onDisk = buf.readUInt16LE(eocd + 8);
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (onDisk !== total) fail(`entries on this disk ${onDisk} ≠ total ${total}`);
  if (cdOffset + cdSize !== eocd) fail(`directory offset ${cdOffset} + size ${cdSize} ≠ EOCD at ${eocd}`);
  const entries: ReadEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) fail(`central record ${n} has no signature at ${p}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const elen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const lo = buf.readUInt32LE(p + 42);
    const nameBytes = buf.subarray(p + 46, p + 46 + nlen);
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (!copied.has(name) && buf.readUInt16LE(p + 6) < (method === 8 ? 20 : 10))
      fail(`${name}: version needed too low`);
    if (nameBytes.some((b) => b > 0x7f) && !(flags & 0x800)) {
      fail(`${name}: non-ASCII name without bit 11 (UTF-8) in the central record`);
    }
    p += 46 + nlen + elen + clen;
    if (buf.readUInt32LE(lo) !== 0x04034b50) fail(`${name}: no local header at ${lo}`);
    const lflags = buf.readUInt16LE(lo + 6);
    if ((lflags & 0x808) !== (flags & 0x808)) fail(`${name}: local flags ${lflags} ≠ central ${flags}`);
    if (buf.readUInt16LE(lo + 8) !== method) fail(`${name}: local method ≠ central`);
    const lnlen = buf.readUInt16LE(lo + 26);
    const lelen = buf.readUInt16LE(lo + 28);
    if (!buf.subarray(lo + 30, lo + 30 + lnlen).equals(nameBytes)) fail(`${name}: local name ≠ central`);
    const start = lo + 30 + lnlen + lelen;
    let end = start + csize;
    if (lflags & 0x8) {
      const signed = buf.readUInt32LE(end) === 0x08074b50;
      const d = end + (signed ? 4 : 0);
      if (
        buf.readUInt32LE(d) !== crc ||
        buf.readUInt32LE(d + 4) !== csize ||
        buf.readUInt32LE(d + 8) !== usize
      ) {
        fail(`${name}: data descriptor ≠ central record`);
      }
      end = d + 12;
    } else if (
      buf.readUInt32LE(lo + 14) !== crc ||
      buf.readUInt32LE(lo + 18) !== csize ||
      buf.readUInt32LE(lo + 22) !== usize
    ) {
      fail(`${name}: local CRC/sizes ≠ central record (bit 3 clear)`);
    }
    if (end > cdOffset) fail(`${name}: data runs into the central directory`);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : fail(`${name}: method ${method}`);
    if (data.length !== usize) fail(`${name}: ${data.length} bytes inflated, ${usize} recorded`);
    if (crc32(data) !== crc) fail(`${name}: CRC-32 ≠ recorded`);
    entries.push({ name, flags, method, raw, data, start: lo, end });
  }
  if (p !== eocd) fail(`central records end at ${p}, EOCD at ${eocd}`);
  const spans = [...entries].sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i] as ReadEntry).start < (spans[i - 1] as ReadEntry).end) fail('two entries overlap');
  }
  const names = entries.map((e) => e.name);
  if (new Set(names).size !== names.length) fail(`a name twice in the directory: ${names.join(', ')}`);
  return { entries, comment: buf.subarray(eocd + 22).toString('utf8') };
}

// ---------------------------------------------------------------------------------------------
// Second and third readers.

function pythonRead(file: string): {
  bad: string | null;
  entries: { name: string; flag: number; sha: string }[];
} {
  const script = [
    'import sys, json, zipfile, hashlib',
    'z = zipfile.ZipFile(sys.argv[1])',
    'bad = z.testzip()',
    'es = [{"name": i.filename, "flag": i.flag_bits, "sha": hashlib.sha256(z.read(i)).hexdigest()} for i in z.infolist()]',
    'print(json.dumps({"bad": bad, "entries": es}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python zipfile: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

function unzipTest(file: string): { status: number | null; out: string } {
  const run = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** Every reader must agree that `zip` holds exactly `expected` (name → text). */
async function allReadersAgree(
  zip: Buffer,
  expected: Map<string, string>,
  label: string,
): Promise<ReadEntry[]> {
  const { entries } = strictRead(zip);
  expect(new Set(entries.map((e) => e.name))).toEqual(new Set(expected.keys()));
  for (const e of entries) expect(e.data.toString('utf8'), e.name).toBe(expected.get(e.name));
  const file = join(TMP, `${label}.zip`);
  writeFileSync(file, zip);
  const py = pythonRead(file);
  expect(py.bad).toBeNull();
  expect(new Map(py.entries.map((e) => [e.name, e.sha]))).toEqual(
    new Map([...expected].map(([n, t]) => [n, sha(Buffer.from(t, 'utf8'))])),
  );
  const unzip = unzipTest(file);
  expect(unzip.status, unzip.out).toBe(0);
  const js = await JsZip.loadAsync(zip);
  for (const [name, text] of expected) expect(await js.file(name)?.async('string'), name).toBe(text);
  return entries;
}

// ---------------------------------------------------------------------------------------------

/** ASCII text that deflates poorly (an LCG), so sizes in bytes are near sizes in pieces. */
function noisyText(bytes: number, seed = 7): string {
  const out = Buffer.alloc(bytes);
  let s = seed;
  for (let i = 0; i < bytes; i++) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    out[i] = 0x21 + ((s >>> 16) % 94);
  }
  return out.toString('latin1');
}

const FINAL = (): Buffer => deflatePiece(Buffer.alloc(0), true);
const SYNC_TAIL = Buffer.from([0x00, 0x00, 0xff, 0xff]);

async function pieced(writes: readonly string[]) {
  const d = new PieceDeflater();
  for (const w of writes) d.write(w);
  return d.finish();
}

describe('deflate pieces (RFC 1951) and crc32Combine (zlib)', () => {
  // Writes are whole (a text is never split), so one 2 MB write is one piece: 64 KB writes here
  // cross the 1 MB boundaries; the single-write case is the next test.
  const in64k = (text: string) =>
    Array.from({ length: Math.ceil(text.length / 65_536) }, (_, i) =>
      text.slice(i * 65_536, (i + 1) * 65_536),
    );
  for (const size of [0, 1, MB - 1, MB, MB + 1, 2 * MB + 3]) {
    it(`${size} bytes: pieces + a finished piece inflate to the text; CRC-32 and size match zlib`, async () => {
      const text = noisyText(size, size + 1);
      const got = await pieced(in64k(text));
      const bytes = Buffer.from(text, 'latin1');
      expect(got.size).toBe(bytes.length);
      expect(got.crc >>> 0).toBe(crc32(bytes));
      const all = Buffer.concat([...got.pieces, FINAL()]);
      expect(inflateRawSync(all).equals(bytes)).toBe(true);
      // No piece is final (BFINAL=0): without the finished piece the stream is unfinished.
      if (got.pieces.length > 0)
        expect(() => inflateRawSync(Buffer.concat(got.pieces))).toThrow(/unexpected end/);
      // Each piece ends on a byte boundary with the sync flush's empty stored block, and stands
      // alone (independent: no back-reference into an earlier piece).
      const alone: Buffer[] = [];
      for (const piece of got.pieces) {
        expect(piece.subarray(-4).equals(SYNC_TAIL)).toBe(true);
        alone.push(inflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH }));
      }
      expect(Buffer.concat(alone).equals(bytes)).toBe(true);
      if (size > MB) expect(got.pieces.length).toBeGreaterThan(1);
    });
  }

  it('one 2 MB + 1 write (held whole, one piece) also inflates to the text with its CRC', async () => {
    const text = noisyText(2 * MB + 1, 4);
    const got = await pieced([text]);
    const bytes = Buffer.from(text, 'latin1');
    expect(got.crc >>> 0).toBe(crc32(bytes));
    expect(inflateRawSync(Buffer.concat([...got.pieces, FINAL()])).equals(bytes)).toBe(true);
  });

  it('many small writes across the 1 MB boundaries give the same text and CRC', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i * 13}</v></c></row>`);
    const text = rows.join('');
    expect(text.length).toBeGreaterThan(2 * MB);
    const got = await pieced(rows);
    const bytes = Buffer.from(text, 'latin1');
    expect(got.size).toBe(bytes.length);
    expect(got.crc >>> 0).toBe(crc32(bytes));
    expect(got.pieces.length).toBeGreaterThan(1);
    expect(inflateRawSync(Buffer.concat([...got.pieces, FINAL()])).equals(bytes)).toBe(true);
  });

  it('deflatePiece: a not-last piece ends in 00 00 FF FF and pieces chain; a last piece stands alone', () => {
    const a = Buffer.from(noisyText(70_000, 3), 'latin1');
    const b = Buffer.from('the end'.repeat(999), 'latin1');
    const pa = deflatePiece(a, false);
    expect(pa.subarray(-4).equals(SYNC_TAIL)).toBe(true);
    expect(() => inflateRawSync(pa)).toThrow(/unexpected end/);
    expect(inflateRawSync(Buffer.concat([pa, deflatePiece(b, true)])).equals(Buffer.concat([a, b]))).toBe(
      true,
    );
    expect(inflateRawSync(deflatePiece(b, true)).equals(b)).toBe(true);
    expect(inflateRawSync(FINAL()).length).toBe(0);
  });

  it('crc32Combine equals zlib.crc32 of A then B for lengths 0, 1, 3, 1 MB, 1 MB + 1, 3 MB + 7', () => {
    const lengths = [0, 1, 3, MB, MB + 1, 3 * MB + 7];
    for (const la of [0, 5, MB + 1]) {
      const a = Buffer.from(noisyText(la, la + 11), 'latin1');
      for (const lb of lengths) {
        const b = Buffer.from(noisyText(lb, lb + 17), 'latin1');
        expect(crc32Combine(crc32(a), crc32(b), lb) >>> 0, `${la}+${lb}`).toBe(crc32(Buffer.concat([a, b])));
      }
    }
  });

  it('crc32Combine on lengths past 2^31 and 2^32 is associative (as crc32_combine must be)', () => {
    // Any 32-bit value is the CRC of some string of ≥ 4 bytes, so associativity must hold for all.
    const cases: [number, number, number, number, number][] = [
      [0x12345678, 0x9abcdef0, 2 ** 31 + 5, 0x0badf00d, 2 ** 31 - 3],
      [0xffffffff, 0x00000001, 2 ** 32 + 9, 0x7fffffff, 1],
      [0xdeadbeef, 0xcafebabe, 3, 0x01020304, 2 ** 33 + 1],
    ];
    for (const [a, b, lb, c, lc] of cases) {
      const left = crc32Combine(crc32Combine(a, b, lb), c, lc) >>> 0;
      const right = crc32Combine(a, crc32Combine(b, c, lc), lb + lc) >>> 0;
      expect(left).toBe(right);
    }
  });
});

// ---------------------------------------------------------------------------------------------

const PARTS: readonly HandEntry[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<Types>ü</Types>'), method: 0 },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets/></workbook>'), method: 8 },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(noisyText(300_000, 5)), method: 8 },
  { name: 'docProps/core.xml', data: Buffer.from('<core>«عنوان»</core>'), method: 8 },
  { name: 'xl/media/empty.bin', data: Buffer.alloc(0), method: 0 },
  { name: 'xl/ملف.xml', data: Buffer.from('<x>فارسی</x>'), method: 8 },
];

interface Shape {
  readonly label: string;
  readonly descriptor: HandEntry['descriptor'];
  readonly order: 'same' | 'reversed' | 'shuffled';
  readonly comment?: string;
  readonly extras?: boolean;
}

const SHAPES: readonly Shape[] = [
  { label: 'plain', descriptor: null, order: 'same' },
  { label: 'descriptors-signed', descriptor: 'signed', order: 'same' },
  { label: 'descriptors-unsigned', descriptor: 'unsigned', order: 'same' },
  { label: 'reversed-local-order', descriptor: 'signed', order: 'reversed' },
  {
    label: 'shuffled-unsigned-extra-comment',
    descriptor: 'unsigned',
    order: 'shuffled',
    comment: 'made by hand',
    extras: true,
  },
];

function shapedZip(s: Shape): Buffer {
  // Info-ZIP style: the local extra field (extended timestamp, 9 bytes + 4 header) is longer than the central one.
  const ut = (n: number) => Buffer.concat([Buffer.from([0x55, 0x54, n, 0]), Buffer.alloc(n, 1)]);
  const entries = PARTS.map((p) => ({
    ...p,
    descriptor: s.descriptor,
    ...(s.extras ? { localExtra: ut(9), centralExtra: ut(5) } : {}),
  }));
  const ids = entries.map((_, i) => i);
  const order = s.order === 'same' ? ids : s.order === 'reversed' ? [...ids].reverse() : [3, 0, 5, 2, 4, 1];
  return handZip(entries, order, s.comment ?? '');
}

const asText = (parts: readonly HandEntry[]) => new Map(parts.map((p) => [p.name, p.data.toString('utf8')]));

describe('ZipParts on zips made by hand from APPNOTE', () => {
  it('the strict reader itself rejects a wrong EOCD count, directory size, CRC or descriptor', () => {
    const good = shapedZip(SHAPES[1] as Shape);
    expect(strictRead(good).entries.length).toBe(PARTS.length);
    const eocd = good.length - 22;
    const broken = (edit: (b: Buffer) => void) => {
      const b = Buffer.from(good);
      edit(b);
      return () => strictRead(b);
    };
    expect(broken((b) => b.writeUInt16LE(PARTS.length - 1, eocd + 10))).toThrow(/entries/);
    expect(broken((b) => b.writeUInt32LE(b.readUInt32LE(eocd + 12) + 1, eocd + 12))).toThrow(/directory/);
    const cd = good.readUInt32LE(eocd + 16);
    expect(broken((b) => b.writeUInt32LE((b.readUInt32LE(cd + 16) ^ 1) >>> 0, cd + 16))).toThrow(
      /descriptor|CRC/,
    );
  });

  it('the hand-made zips are themselves valid to every reader (the fixtures are sound)', async () => {
    for (const s of SHAPES) await allReadersAgree(shapedZip(s), asText(PARTS), `fixture-${s.label}`);
  });

  for (const s of SHAPES) {
    it(`${s.label}: reads every part; replaces one twice; adds a non-ASCII and an empty part; kept bytes unchanged`, async () => {
      const source = shapedZip(s);
      const zip = ZipParts.read(source);
      for (const p of PARTS)
        expect(await zip.file(p.name)?.async('string'), p.name).toBe(p.data.toString('utf8'));
      expect(zip.file('xl/charts/chart1.xml')).toBeNull();
      zip.file('xl/workbook.xml', '<workbook>first</workbook>');
      zip.file('xl/workbook.xml', '<workbook>second ✓</workbook>');
      expect(await zip.file('xl/workbook.xml')?.async('string')).toBe('<workbook>second ✓</workbook>');
      zip.file('xl/charts/نمودار۱.xml', '<chart>«ناوبری»</chart>');
      zip.file('xl/charts/empty.xml', '');
      const out = zip.toBuffer();
      const expected = asText(PARTS);
      expected.set('xl/workbook.xml', '<workbook>second ✓</workbook>');
      expected.set('xl/charts/نمودار۱.xml', '<chart>«ناوبری»</chart>');
      expected.set('xl/charts/empty.xml', '');
      const entries = await allReadersAgree(out, expected, `patched-${s.label}`);
      // The added non-ASCII name: bit 11 set (Python decodes the name as UTF-8 only then).
      const added = entries.find((e) => e.name === 'xl/charts/نمودار۱.xml');
      expect((added?.flags ?? 0) & 0x800).toBe(0x800);
      // Untouched parts: their compressed bytes copied as they were.
      const before = new Map(strictRead(source).entries.map((e) => [e.name, e.raw]));
      for (const e of entries) {
        if (e.name === 'xl/workbook.xml' || e.name.startsWith('xl/charts/')) continue;
        expect(e.raw.equals(before.get(e.name) as Buffer), e.name).toBe(true);
      }
    });
  }

  it('a part set from deflated pieces (2.5 MB, three pieces + a finished one) reads back in every reader', async () => {
    const text = noisyText(2.5 * MB, 99);
    const got = await pieced([text]);
    const zip = ZipParts.read(shapedZip(SHAPES[1] as Shape));
    zip.deflated('xl/worksheets/sheet1.xml', {
      data: [...got.pieces, FINAL()],
      crc: got.crc,
      size: got.size,
    });
    const expected = asText(PARTS);
    expected.set('xl/worksheets/sheet1.xml', text);
    await allReadersAgree(zip.toBuffer(), expected, 'pieces');
  });

  it('an empty package (no parts) and a zip with only an added part are valid', async () => {
    const empty = handZip([], []);
    const zip = ZipParts.read(empty);
    expect(strictRead(zip.toBuffer()).entries).toEqual([]);
    zip.file('a.xml', '<a/>');
    await allReadersAgree(zip.toBuffer(), new Map([['a.xml', '<a/>']]), 'from-empty');
  });

  it('what is not a zip, or a cut-off zip, is refused with ZipShapeError', () => {
    expect(() => ZipParts.read(Buffer.from('not a zip at all, just text'))).toThrow(ZipShapeError);
    expect(() => ZipParts.read(Buffer.alloc(0))).toThrow(ZipShapeError);
    const whole = shapedZip(SHAPES[0] as Shape);
    expect(() => ZipParts.read(whole.subarray(0, whole.length - 10))).toThrow(ZipShapeError);
    // The directory says an entry starts past the end of the file.
    const lying = Buffer.from(whole);
    const eocd = lying.length - 22;
    const cd = lying.readUInt32LE(eocd + 16);
    lying.writeUInt32LE(lying.length + 100, cd + 42);
    expect(() => ZipParts.read(lying).toBuffer()).toThrow(ZipShapeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('patchedPackage', () => {
  const PART = 'xl/worksheets/sheet2.xml';
  /** ExcelJS's package; `open` rewrites (with JSZip) the empty sheet's <sheetData/> as an open pair. */
  async function excelJsPackage(open = true): Promise<Buffer> {
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Report').getCell('A1').value = 'Report';
    wb.addWorksheet('Data');
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    if (!open) return xlsx;
    const js = await JsZip.loadAsync(xlsx);
    const sheet = (await js.file(PART)?.async('string')) as string;
    expect(sheet).toContain('<sheetData/>');
    js.file(PART, sheet.replace('<sheetData/>', '<sheetData></sheetData>'));
    return js.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  it("refuses, naming the part, a sheet whose empty sheetData is ExcelJS's self-closing <sheetData/>", async () => {
    const rows = await pieced(['<row r="1"/>']);
    const extras = { sheetName: 'Report', charts: [], printTitleRows: null };
    await expect(patchedPackage(await excelJsPackage(false), extras, { part: PART, rows })).rejects.toThrow(
      new RegExp(PART.replace(/[./]/g, '\\$&')),
    );
  });

  it('with no extras and no source rows it gives back the same bytes', async () => {
    const xlsx = await excelJsPackage();
    const out = await patchedPackage(xlsx, { sheetName: 'Report', charts: [], printTitleRows: null });
    expect(out.equals(xlsx)).toBe(true);
  });

  it('puts 2+ MB of source rows inside the empty sheetData; every reader sees them there', async () => {
    const xlsx = await excelJsPackage();
    const part = PART;
    const original = (await (await JsZip.loadAsync(xlsx)).file(part)?.async('string')) as string;
    const rowsXml = Array.from(
      { length: 40_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const rows = await pieced(rowsXml);
    const out = await patchedPackage(
      xlsx,
      { sheetName: 'Report', charts: [], printTitleRows: null },
      { part, rows },
    );
    const copied = new Set(Object.keys((await JsZip.loadAsync(xlsx)).files));
    copied.delete(part);
    const sheet = strictRead(out, copied)
      .entries.find((e) => e.name === part)
      ?.data.toString('utf8') as string;
    const joined = rowsXml.join('');
    // Whatever form ExcelJS gave the empty sheetData, the rows sit between <sheetData> and </sheetData>.
    expect(sheet).toContain(`<sheetData>${joined}</sheetData>`);
    expect(sheet.replace(`<sheetData>${joined}</sheetData>`, '')).toBe(
      original.replace(/<sheetData\/>|<sheetData><\/sheetData>/, ''),
    );
    const file = join(TMP, 'patched.xlsx');
    writeFileSync(file, out);
    expect(pythonRead(file).bad).toBeNull();
    expect(unzipTest(file).status).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

/** Cents, summed as integers: an exact sum of a two-decimal column, independent of floating point. */
function centsSum(csv: string, column: number): bigint {
  let total = 0n;
  for (const line of csv.trim().split('\n').slice(1)) {
    const cell = line.split(',')[column] as string;
    const [whole, frac = ''] = cell.split('.');
    total += BigInt(whole as string) * 100n + BigInt(`${frac}00`.slice(0, 2));
  }
  return total;
}

describe('a 100,000-row report written by the command, read by LibreOffice', () => {
  const dir = join(TMP, 'report');
  let csv = '';
  let xlsx: Buffer;

  beforeAll(() => {
    const build = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(build.stderr);
    spawnSync('mkdir', ['-p', dir]);
    csv = campaignCsv(100_000);
    writeFileSync(join(dir, 'campaigns.csv'), csv);
    const run = spawnSync(
      process.execPath,
      [
        'dist/cli/mizan.mjs',
        'report',
        join(dir, 'campaigns.csv'),
        '-o',
        join(dir, 'out.xlsx'),
        '--json',
        join(dir, 'out.json'),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    xlsx = readFileSync(join(dir, 'out.xlsx'));
  });

  it('the package passes the strict reader, Python testzip and unzip -t; EOCD counts, size and offset agree', () => {
    const { entries } = strictRead(xlsx);
    expect(entries.length).toBeGreaterThan(5);
    const py = pythonRead(join(dir, 'out.xlsx'));
    expect(py.bad).toBeNull();
    expect(py.entries.map((e) => e.name).sort()).toEqual(entries.map((e) => e.name).sort());
    const unzip = unzipTest(join(dir, 'out.xlsx'));
    expect(unzip.status, unzip.out).toBe(0);
    // zipinfo's own reading of the EOCD (an independent account of the same fields).
    const info = spawnSync('zipinfo', ['-v', join(dir, 'out.xlsx')], { encoding: 'utf8' }).stdout;
    expect(info).toContain(`central directory contains ${entries.length} entries`);
    const actual = /Actual end-cent-dir record offset:\s+(\d+)/.exec(info)?.[1];
    const expectedAt = /Expected end-cent-dir record offset:\s+(\d+)/.exec(info)?.[1];
    expect(actual).toBe(expectedAt);
  });

  it('LibreOffice recomputes SUM(Cost) over the source rows to the exact sum of the CSV; every source row read', () => {
    // The report's SUM cells carry cached values; without them LibreOffice must compute from the
    // rows. Removed with ZipParts (only the report sheet changes; the source rows stay our bytes).
    const zip = ZipParts.read(xlsx);
    const entries = strictRead(xlsx).entries;
    const sheetNames = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    const report = sheetNames.find((e) => e.data.toString('utf8').includes('<f>SUM(')) as ReadEntry;
    const text = report.data.toString('utf8');
    const stripped = text.replace(/(<f>SUM\([^<]*<\/f>)<v>[^<]*<\/v>/g, '$1');
    expect(stripped.length).toBeLessThan(text.length);
    zip.file(report.name, stripped);
    const file = join(dir, 'nocache.xlsx');
    writeFileSync(file, zip.toBuffer());
    const profile = `file://${join(TMP, 'lo-profile')}`;
    const lo = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        join(dir, 'lo'),
        file,
      ],
      { encoding: 'utf8', timeout: 80_000 },
    );
    expect(lo.status, lo.stderr).toBe(0);
    const outs = readdirSync(join(dir, 'lo'));
    const kpi = outs.find((f) => f.includes('KPI')) as string;
    const src = outs.find((f) => f !== kpi) as string;
    const costCents = centsSum(csv, 3);
    const costRow = readFileSync(join(dir, 'lo', kpi), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Cost,')) as string;
    const loSum = Number(costRow.split(',')[1]);
    expect(Math.round(loSum * 100)).toBe(Number(costCents));
    // The source sheet as LibreOffice read it: 100,000 rows and the same Cost column, row by row.
    const loRows = readFileSync(join(dir, 'lo', src), 'utf8')
      .trim()
      .split('\n');
    const csvRows = csv.trim().split('\n');
    expect(loRows.length).toBe(csvRows.length);
    for (let i = 1; i < csvRows.length; i++) {
      const want = Number((csvRows[i] as string).split(',')[3]);
      const got = Number((loRows[i] as string).split(',')[3]);
      if (got !== want) expect(`row ${i + 1}: ${got}`).toBe(`row ${i + 1}: ${want}`);
    }
    expect(centsSum(loRows.join('\n'), 3)).toBe(costCents);
  }, 90_000);
});
