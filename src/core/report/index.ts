/**
 * The report engine's API: `buildReport` (the whole model) and `detectColumns` (the cheap
 * preview the sidebar shows before a build).
 */
export { buildReport } from './build';
export { REPORT_KPIS } from './kpi-plan';
export { type ColumnsPreview, detectColumns } from './preview';
