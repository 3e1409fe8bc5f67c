'use client';
/**
 * `userscope`: the React components and pages. They are not written yet; the lead adds their exports here.
 * @module
 */

/** The userscope package version. */
export const version = '0.1.0';
