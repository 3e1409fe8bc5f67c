/**
 * The REST stories' backend: an msw service worker in the preview iframe answers userscope's REST contract from the
 * demo memory provider (`createRestHandlers`), so pages run over `createRestProvider` as they would in a host app.
 * Each scenario has its own base URL, so the handlers are registered once and no story changes another's answers.
 * The worker script is served by Storybook from the installed msw (`staticDirs` in .storybook/main.ts).
 * @module
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import type { RestErrorBody } from '../../src/adapters/rest/error-body';
import { createRestHandlers } from '../../src/testing/msw';
import { demoProvider } from './demo-provider';

/** Base URL of the demo backend: every route answers from the demo dataset. */
export const DEMO_API = '/api/userscope';

/** Base URL of a backend over the same data whose `GET /users` always answers 500. */
export const FAILING_USERS_API = '/api/userscope-failing-users';

/** Every request under this path must be answered by a handler; anything else (Storybook's own files) passes. */
const MOCKED_PATH = '/api/';

const INTERNAL_ERROR: RestErrorBody = { error: { code: 'internal', message: 'Internal error' } };

function demoApiHandlers(): RequestHandler[] {
  return [
    // First, so it wins over the generated route of the same path.
    http.get(`${FAILING_USERS_API}/users`, () => HttpResponse.json(INTERNAL_ERROR, { status: 500 })),
    ...createRestHandlers(demoProvider(), { baseUrl: DEMO_API }),
    ...createRestHandlers(demoProvider(), { baseUrl: FAILING_USERS_API }),
  ];
}

let started: Promise<unknown> | undefined;

/**
 * Storybook loader (`loaders: [startDemoApi]`): registers the service worker once per preview iframe and waits
 * until it answers, so a story's first request is already mocked. `quiet` keeps msw out of the console; an
 * unmatched request under `/api/` is logged as an error (a missing handler must not pass silently), anything else
 * goes to the network untouched.
 */
export async function startDemoApi(): Promise<void> {
  started ??= setupWorker(...demoApiHandlers())
    .start({
      quiet: true,
      // Relative, so a Storybook published under a sub-path still finds the script next to iframe.html.
      serviceWorker: { url: './mockServiceWorker.js' },
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).pathname.startsWith(MOCKED_PATH)) print.error();
      },
    })
    .catch((error: unknown) => {
      started = undefined;
      throw error;
    });
  await started;
}
