// The two ExcelJS modules the report writer loads (write-report.ts), by their paths in the
// package: loading only them, not all of ExcelJS (its readers, CSV, the in-memory workbook), takes
// about half the time. Typed from ExcelJS's own declarations.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';

  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

declare module 'exceljs/lib/doc/enums.js' {
  import type ExcelJS from 'exceljs';

  // CommonJS: its exports object is the default export, for Node and for esbuild alike.
  const enums: { readonly ValueType: typeof ExcelJS.ValueType };
  export default enums;
}
