// The crc-32 package's API on Node's own zlib.crc32 (Node ≥ 20.15; package.json asks ≥ 20.19).
// The command's bundle uses it in place of crc-32 (build/cli-bundle.mjs): ExcelJS's zip writer
// checksums every byte of a workbook with crc-32's JavaScript loop, which took about 80 ms of a
// 100,000-row workbook; the native one takes about 15. Same results: crc-32 returns the CRC as a
// signed 32-bit integer, and a seed that is not a number (crc32-stream's first call passes a
// Buffer) counts as 0, as it does in crc-32.
'use strict';
const { crc32 } = require('node:zlib');

const seedOf = (seed) => (typeof seed === 'number' ? seed >>> 0 : 0);

exports.buf = (data, seed) => crc32(data, seedOf(seed)) | 0;
exports.str = (text, seed) => crc32(text, seedOf(seed)) | 0;
exports.bstr = (text, seed) => crc32(Buffer.from(text, 'latin1'), seedOf(seed)) | 0;
