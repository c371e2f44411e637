/**
 * ZipParts against JSZip, a zip library we did not write: packages JSZip writes (parts stored,
 * deflated, and streamed with data descriptors) are read, patched and written back, and JSZip
 * (and `unzip -t`, where installed) must read the result: every part's text, the untouched
 * parts' compressed bytes unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZipParts, ZipShapeError } from '../../src/xlsx/zip-parts';

// JSZip comes with ExcelJS (not a dependency of ours): resolved from it.
const JsZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as typeof JSZip;

const big = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i * 7}</v></c></row>`).join(
  '',
);

async function written(streamFiles: boolean): Promise<Buffer> {
  const zip = new JsZip();
  zip.file('[Content_Types].xml', '<Types>ü</Types>', { compression: 'STORE' });
  zip.file('xl/worksheets/sheet2.xml', big, { compression: 'DEFLATE' });
  zip.file('xl/workbook.xml', '<workbook><sheets/></workbook>', { compression: 'DEFLATE' });
  return zip.generateAsync({ type: 'nodebuffer', streamFiles });
}

describe('ZipParts', () => {
  for (const streamFiles of [false, true]) {
    it(`reads, replaces and adds parts (${streamFiles ? 'with' : 'without'} data descriptors); JSZip reads the result`, async () => {
      const source = await written(streamFiles);
      const zip = ZipParts.read(source);
      expect(await zip.file('[Content_Types].xml')?.async('string')).toBe('<Types>ü</Types>');
      expect(await zip.file('xl/workbook.xml')?.async('string')).toBe('<workbook><sheets/></workbook>');
      expect(zip.file('xl/charts/chart1.xml')).toBeNull();
      zip.file('xl/workbook.xml', '<workbook><sheets/><definedNames/></workbook>');
      zip.file('xl/charts/chart1.xml', '<chart>«ناوبری»</chart>');
      expect(await zip.file('xl/charts/chart1.xml')?.async('string')).toBe('<chart>«ناوبری»</chart>');
      const out = zip.toBuffer();

      const back = await JsZip.loadAsync(out, { checkCRC32: true });
      expect(
        Object.values(back.files)
          .filter((f) => !f.dir)
          .map((f) => f.name)
          .sort(),
      ).toEqual(
        ['[Content_Types].xml', 'xl/charts/chart1.xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml'].sort(),
      );
      expect(await back.file('xl/workbook.xml')?.async('string')).toBe(
        '<workbook><sheets/><definedNames/></workbook>',
      );
      expect(await back.file('xl/charts/chart1.xml')?.async('string')).toBe('<chart>«ناوبری»</chart>');
      expect(await back.file('[Content_Types].xml')?.async('string')).toBe('<Types>ü</Types>');
      expect(await back.file('xl/worksheets/sheet2.xml')?.async('string')).toBe(big);
      // The big part was copied, not compressed again: its compressed bytes are in the output as they were.
      const compressed = (await JsZip.loadAsync(source)).file('xl/worksheets/sheet2.xml') as unknown as {
        _data: { compressedContent: Uint8Array };
      };
      expect(out.includes(Buffer.from(compressed._data.compressedContent))).toBe(true);
      // Read again by ZipParts itself: the directory it wrote points at its local headers.
      expect(await ZipParts.read(out).file('xl/charts/chart1.xml')?.async('string')).toBe(
        '<chart>«ناوبری»</chart>',
      );
    });
  }

  it('`unzip -t` finds every checksum right, where unzip is installed', async (context) => {
    if (spawnSync('unzip', ['-v']).status !== 0) return context.skip();
    const zip = ZipParts.read(await written(true));
    zip.file('xl/drawings/drawing1.xml', '<drawing/>');
    const dir = mkdtempSync(join(tmpdir(), 'mizan-zip-parts-'));
    try {
      const path = join(dir, 'p.zip');
      writeFileSync(path, zip.toBuffer());
      const test = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
      expect(test.stdout + test.stderr).toMatch(/No errors detected/);
      expect(test.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what is not a zip, and a cut one, with ZipShapeError', async () => {
    expect(() => ZipParts.read(Buffer.from('not a zip at all, not even close'))).toThrow(ZipShapeError);
    const source = await written(false);
    expect(() => ZipParts.read(source.subarray(0, source.length - 30))).toThrow(ZipShapeError);
    // The directory's offset moved past its end record: refused, not read from the wrong place.
    const moved = Buffer.from(source);
    const end = moved.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    moved.writeUInt32LE(moved.readUInt32LE(end + 16) + 7, end + 16);
    expect(() => ZipParts.read(moved)).toThrow(ZipShapeError);
  });
});
