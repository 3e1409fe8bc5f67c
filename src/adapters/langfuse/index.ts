/**
 * `userscope/adapters/langfuse`: a DataProvider over the Langfuse public API, and an import of trace files
 * downloaded from the Langfuse UI.
 * @module
 */
export { createLangfuseProvider, langfuseBasicAuth, type LangfuseLoadReport, type LangfuseProvider, type LangfuseProviderOptions } from './langfuse-provider';
export type { LoadProgress, ProgressSource } from '../../core/progress';
export { fromLangfuseExport, type LangfuseExportOptions } from './from-langfuse-export';
export type { ImportIssue, ImportReport, ImportResult } from '../import/import-report';
