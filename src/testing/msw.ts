/**
 * `userscope/testing/msw`: msw 2 request handlers that serve the REST contract from any DataProvider, so hosts can
 * test pages over `createRestProvider` without a server. Needs `msw` (an optional peer dependency).
 * @module
 */
export { createRestHandlers, type RestHandlersOptions } from './rest-handlers';
