/**
 * `userscope/adapters/rest`: a DataProvider over userscope's JSON-over-HTTP contract (`docs/rest-api.yaml`), the
 * route table, and a Fetch-API handler that serves the contract from any DataProvider.
 * @module
 */
export { createRestProvider, type RestProviderOptions } from './rest-provider';
export { createRestRequestHandler, type RestRequestHandlerOptions } from './request-handler';
export {
  REST_ROUTES,
  filtersParamSchema,
  sortingParamSchema,
  type RestMethodName,
  type RestParamEncoding,
  type RestQueryParam,
  type RestRoute,
} from './routes';
export { restErrorBodySchema, type RestErrorBody } from './error-body';
export type { HttpOptions } from './http';
