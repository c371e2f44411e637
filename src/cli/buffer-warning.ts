/**
 * ExcelJS's dependencies (archiver, unzipper, old stream helpers) still call `new Buffer()`. Node
 * warns about that (DEP0005) only for code outside node_modules, and the command bundles ExcelJS
 * into dist/cli (build/cli-bundle.mjs), so each .xlsx run would print the warning at the user.
 * Only that warning, with that code, is dropped; our own sources never call `new Buffer()`.
 */
export function dropBundledBufferWarning(): void {
  const emit = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const [type, code] = rest;
    const coded = typeof type === 'object' && type !== null ? (type as { code?: string }).code : code;
    if (coded === 'DEP0005') return;
    (emit as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
