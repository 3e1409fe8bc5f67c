/**
 * Input files told apart by shape: a userscope dataset (`{ users, traces, feedback }`, as `createDemoDataset`
 * returns it), an OTLP/JSON trace export (`{ resourceSpans }`, JSON Lines of those, or an array of them), or a
 * Langfuse UI trace export (`{ trace, observations }` or an array of them). OTLP and Langfuse go through the
 * library's own importers; what they skip is carried into the ingest report, and the traces they import without a
 * user id (`userId: null`) are kept unattributed.
 * @module
 */
import { fromLangfuseExport } from 'userscope/adapters/langfuse';
import { fromOtlpJson } from 'userscope/adapters/otlp';
import type { IngestInput } from './ingest';
import type { SkippedRecord } from './report';

/** The kinds of input {@link readSource} recognises. */
export type SourceKind = 'dataset' | 'otlp' | 'langfuse';

/** A recognised input, ready for `ingest`, with what its importer already left out. */
export interface Source {
  /** What it was. */
  kind: SourceKind;
  /** Records to ingest. */
  input: IngestInput;
  /** Records the importer left out, with the reason. */
  skipped: SkippedRecord[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function kindOf(value: unknown): SourceKind | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) return null;
  if ('resourceSpans' in first) return 'otlp';
  if ('trace' in first && isObject(first.trace)) return 'langfuse';
  if (!Array.isArray(value) && Array.isArray(first.traces)) return 'dataset';
  return null;
}

/** Parses `text` as JSON, or as JSON Lines (OTLP's file exporter) when it holds several documents. */
function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length < 2) throw error;
    return lines.map((l) => JSON.parse(l) as unknown);
  }
}

/**
 * Recognises and converts one input (its text, or an already parsed value). `name` prefixes the report's paths.
 * Throws an `Error` naming `name` when the input is not JSON or not one of the recognised shapes.
 */
export function readSource(content: string | unknown, name: string): Source {
  let value: unknown;
  try {
    value = typeof content === 'string' ? parseText(content) : content;
  } catch (error) {
    throw new Error(`${name}: not JSON or JSON Lines (${error instanceof Error ? error.message : String(error)})`);
  }
  const kind = kindOf(value);
  if (kind === null) {
    throw new Error(`${name}: not a userscope dataset ({ users, traces, feedback }), an OTLP/JSON export ({ resourceSpans }) or a Langfuse trace export ({ trace, observations })`);
  }
  if (kind === 'dataset') {
    const d = value as Record<string, unknown>;
    const list = (k: string): unknown[] => (Array.isArray(d[k]) ? (d[k] as unknown[]) : []);
    return { kind, input: { users: list('users'), traces: list('traces'), feedback: list('feedback') }, skipped: [] };
  }
  const result = kind === 'otlp' ? fromOtlpJson(value) : fromLangfuseExport(value);
  const skipped = result.report.skipped.map((issue) => ({
    path: `${name}: ${[issue.traceId && `trace ${issue.traceId}`, issue.itemId && `item ${issue.itemId}`, issue.field].filter(Boolean).join(', ') || 'record'}`,
    reason: issue.reason,
  }));
  return { kind, input: { observedUsers: result.users, traces: result.traces, feedback: result.feedback }, skipped };
}
