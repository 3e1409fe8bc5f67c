/**
 * The columnar schemas of the dataset's three record types ({@link RecordSchema}): which fields are
 * dictionary-coded (few distinct values) and which are concatenated text (mostly distinct values).
 * @module
 */
import type { RecordSchema } from './columnar';

/** `User` fields. */
export const USER_SCHEMA: RecordSchema = [
  ['id', 'text'],
  ['displayName', 'text'],
  ['email', 'text'],
  ['metadata', 'json'],
  ['firstSeen', 'text'],
  ['lastSeen', 'text'],
];

/** `Trace` fields. */
export const TRACE_SCHEMA: RecordSchema = [
  ['id', 'text'],
  ['userId', 'dict'],
  ['conversationId', 'text'],
  ['name', 'dict'],
  ['startTime', 'text'],
  ['endTime', 'text'],
  ['latencyMs', 'dict'],
  ['status', 'dict'],
  ['errorType', 'dict'],
  ['model', 'dict'],
  ['release', 'dict'],
  ['inputTokens', 'dict'],
  ['outputTokens', 'dict'],
  ['totalTokens', 'dict'],
  ['costUsd', 'dict'],
  ['inputPreview', 'text'],
  ['outputPreview', 'text'],
  ['tags', 'json'],
];

/** `Feedback` fields. */
export const FEEDBACK_SCHEMA: RecordSchema = [
  ['id', 'text'],
  ['traceId', 'text'],
  ['userId', 'dict'],
  ['key', 'dict'],
  ['value', 'dict'],
  ['score', 'dict'],
  ['comment', 'text'],
  ['createdAt', 'text'],
  ['source', 'dict'],
];

/** The dataset's record types, in the order they are sent. */
export const TABLES = { users: USER_SCHEMA, traces: TRACE_SCHEMA, feedback: FEEDBACK_SCHEMA } as const;

/** A record type of the dataset. */
export type TableName = keyof typeof TABLES;
