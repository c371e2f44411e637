export { type AppliedTemplate, type TemplateNote, templateProfile, templateToReportOptions } from './apply';
export { BUILTIN_TEMPLATES, builtinTemplate } from './builtin';
export { exportTemplate, type ImportResult, importTemplate } from './io';
export { migrateTemplate, slug } from './migrate';
export * from './schema';
export { kpiValueRange, validateTemplate } from './validate';
