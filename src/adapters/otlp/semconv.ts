/**
 * The attributes the OTLP import reads, from the OpenTelemetry GenAI semantic conventions and OpenInference, in
 * order of preference, and the rule for which spans are LLM calls.
 * @module
 */
import type { OtlpSpan } from './otlp-spans';

/**
 * End-user id, by convention: `user.id` (OTel, GenAI, OpenInference), `enduser.id` (older OTel), `langfuse.user.id`
 * (Langfuse OTel SDKs), `traceloop.association.properties.user_id` (OpenLLMetry / Traceloop),
 * `ai.telemetry.metadata.userId` (Vercel AI SDK `experimental_telemetry.metadata`).
 */
export const USER_ID_KEYS = ['user.id', 'enduser.id', 'langfuse.user.id', 'traceloop.association.properties.user_id', 'ai.telemetry.metadata.userId'];
/** End-user email (OTel user attributes). */
export const USER_EMAIL_KEYS = ['user.email'];
/** End-user display name (OTel user attributes). */
export const USER_NAME_KEYS = ['user.full_name', 'user.name'];
/**
 * Conversation: `gen_ai.conversation.id` (GenAI), `session.id` (OTel, OpenInference), `langfuse.session.id`,
 * `traceloop.association.properties.session_id`, `ai.telemetry.metadata.sessionId`.
 */
export const CONVERSATION_KEYS = ['gen_ai.conversation.id', 'session.id', 'langfuse.session.id', 'traceloop.association.properties.session_id', 'ai.telemetry.metadata.sessionId'];
/** Model, the versioned response model first. */
export const MODEL_KEYS = ['gen_ai.response.model', 'llm.model_name', 'gen_ai.request.model'];
/** Input tokens (`gen_ai.usage.prompt_tokens` is the pre-1.27 GenAI name). */
export const INPUT_TOKEN_KEYS = ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.token_count.prompt'];
/** Output tokens (`gen_ai.usage.completion_tokens` is the pre-1.27 GenAI name). */
export const OUTPUT_TOKEN_KEYS = ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.token_count.completion'];
/**
 * Total tokens: GenAI `gen_ai.usage.total_tokens` (as OpenLLMetry and others write it), OpenInference
 * `llm.token_count.total`, OpenLLMetry's `llm.usage.total_tokens`. Kept as the trace's `totalTokens`.
 */
export const TOTAL_TOKEN_KEYS = ['gen_ai.usage.total_tokens', 'llm.token_count.total', 'llm.usage.total_tokens'];
/** Total cost in USD: OpenInference `llm.cost.total`, else `gen_ai.usage.cost` (LiteLLM, OpenLLMetry). */
export const COST_TOTAL_KEYS = ['llm.cost.total', 'gen_ai.usage.cost'];
/** Prompt and completion cost in USD (OpenInference), summed when the total is absent. */
export const COST_PART_KEYS = ['llm.cost.prompt', 'llm.cost.completion'];
/** Error class of a failed span. */
export const ERROR_TYPE_KEY = 'error.type';
/** Application release: the resource's `service.version`. */
export const RELEASE_KEY = 'service.version';
/** Input text: OpenInference `input.value`, GenAI `gen_ai.input.messages`, older GenAI `gen_ai.prompt`. */
export const INPUT_KEYS = ['input.value', 'gen_ai.input.messages', 'gen_ai.prompt'];
/** Output text: OpenInference `output.value`, GenAI `gen_ai.output.messages`, older GenAI `gen_ai.completion`. */
export const OUTPUT_KEYS = ['output.value', 'gen_ai.output.messages', 'gen_ai.completion'];
/** Tags (OpenInference). */
export const TAGS_KEY = 'tag.tags';
/** Prefix of Langfuse OTel trace metadata (`langfuse.trace.metadata.plan` → user metadata `plan`). */
export const LANGFUSE_METADATA_PREFIX = 'langfuse.trace.metadata.';

const OPENINFERENCE_KIND = 'openinference.span.kind';
const GENAI_OPERATION = 'gen_ai.operation.name';
/** GenAI operations that are model calls; `invoke_agent`, `execute_tool`, `embeddings`, … are not. */
const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content']);
const LLM_HINT_KEYS = [...MODEL_KEYS, ...INPUT_TOKEN_KEYS, ...OUTPUT_TOKEN_KEYS, ...COST_TOTAL_KEYS];
/** Every attribute that makes a span carry usage: tokens of any kind, or a cost. */
const USAGE_KEYS = [...INPUT_TOKEN_KEYS, ...OUTPUT_TOKEN_KEYS, ...TOTAL_TOKEN_KEYS, ...COST_TOTAL_KEYS, ...COST_PART_KEYS];

/** True when the span carries usage: any token count (input, output, total) or cost attribute, whatever its kind. */
export function carriesUsage(span: OtlpSpan): boolean {
  return USAGE_KEYS.some((key) => span.attrs.has(key));
}

/** True for embedding calls (GenAI operation `embeddings`, OpenInference kind `EMBEDDING`): they have no output tokens. */
export function isEmbeddingSpan(span: OtlpSpan): boolean {
  const kind = span.attrs.get(OPENINFERENCE_KIND);
  return span.attrs.get(GENAI_OPERATION) === 'embeddings' || (typeof kind === 'string' && kind.toUpperCase() === 'EMBEDDING');
}

/**
 * True when the span is an LLM call: OpenInference kind `LLM`, or a GenAI operation among `chat`,
 * `text_completion`, `generate_content`, or — when the span declares neither — any model, token or cost attribute.
 * Used for the trace's model and to notice model calls that report no usage; usage itself is read from every span
 * that carries it ({@link carriesUsage}).
 */
export function isLlmSpan(span: OtlpSpan): boolean {
  const kind = span.attrs.get(OPENINFERENCE_KIND);
  if (typeof kind === 'string') return kind.toUpperCase() === 'LLM';
  const operation = span.attrs.get(GENAI_OPERATION);
  if (typeof operation === 'string') return LLM_OPERATIONS.has(operation);
  return LLM_HINT_KEYS.some((key) => span.attrs.has(key));
}
