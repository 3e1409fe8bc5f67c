/**
 * The dataset size of the worker-provider stories, read from the story page's URL (`?traces=…&users=…`, as the
 * long-task benchmark opens them), with per-story defaults.
 * @module
 */
import type { DemoDatasetOptions } from '../../src/adapters/demo/create-demo-dataset';

/** The story window: the users page's default range fits inside it. */
export const STORY_DAYS = 30;

/** Traces and users of a story. */
export interface StorySize {
  /** Traces (about; the demo generator draws them per user). */
  traces: number;
  /** Users. */
  users: number;
}

/** `?traces=` and `?users=` of the page URL, else `fallback`. */
export function storySize(fallback: StorySize): StorySize {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  const read = (name: keyof StorySize): number => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : fallback[name];
  };
  return { traces: read('traces'), users: read('users') };
}

/** The demo generator's options for `users` users and about `traces` traces over {@link STORY_DAYS} days. */
export function demoSizeOptions(users: number, traces: number): DemoDatasetOptions {
  return { users, days: STORY_DAYS, tracesPerUser: traces / users };
}
