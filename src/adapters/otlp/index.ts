/**
 * `userscope/adapters/otlp`: import OpenTelemetry trace exports (OTLP/JSON, GenAI semantic conventions and
 * OpenInference) into a dataset for the memory provider.
 * @module
 */
export { fromOtlpJson, type OtlpImportOptions } from './from-otlp-json';
export type { ModelPrice, PriceTable } from './prices';
export type { ImportIssue, ImportReport, ImportResult } from '../import/import-report';
