/**
 * Checks that a validated REST answer is about what was asked: the user of `getUser`, the user (and conversation)
 * of `listTraces` rows. A backend that answers for someone else is refused with `invalid-data` naming the field.
 * @module
 */
import { ProviderError } from '../../core/errors';
import type { User } from '../../core/model';
import type { Page, TraceRow } from '../../core/results';
import { checkTraceTimes, checkUserSeen } from '../../core/schema/cross-field';
import type { RestMethodName } from './routes';

function mismatch(field: string, expected: string, got: unknown): ProviderError {
  return new ProviderError('invalid-data', `${field}: expected ${JSON.stringify(expected)}, the one asked for, got ${JSON.stringify(got)}`, { field });
}

/**
 * `answer` when it is about the subject of `params`; throws `ProviderError('invalid-data')` naming `id` (a
 * `getUser` answer for another id), `rows[i].userId` or `rows[i].conversationId` (a `listTraces` row of another
 * user, or outside the conversation asked for), and the cross-field checks of `cross-field.ts` (`lastSeen` before
 * `firstSeen`, `rows[i].endTime` before `rows[i].startTime`).
 */
export function checkSubject(method: RestMethodName, params: { userId?: unknown; conversationId?: unknown }, answer: unknown): unknown {
  if (method === 'getUser') {
    const id = (answer as { id: string }).id;
    if (id !== params.userId) throw mismatch('id', String(params.userId), id);
    checkUserSeen(answer as User, '');
  } else if (method === 'listTraces') {
    const wantConversation = typeof params.conversationId === 'string' && params.conversationId !== '(none)' ? params.conversationId : undefined;
    (answer as Page<TraceRow>).rows.forEach((row, i) => {
      if (row.userId !== params.userId) throw mismatch(`rows[${i}].userId`, String(params.userId), row.userId);
      checkTraceTimes(row, 'rows', i);
      if (wantConversation !== undefined && row.conversationId !== wantConversation) {
        throw mismatch(`rows[${i}].conversationId`, wantConversation, row.conversationId);
      }
    });
  }
  return answer;
}
