/**
 * `userscope/core`: the domain model, the DataProvider contract, errors, validation and the aggregation engine.
 * No React, no DOM.
 * @module
 */
export * from './model';
export * from './results';
export * from './contract';
export * from './errors';
export * from './engine/time';
export * from './engine/stats';
export * from './engine/trace-index';
export * from './engine/selection';
