/**
 * `userscope/adapters/demo`: a deterministic, realistic demo dataset (users, traces, feedback) that exercises every
 * part of the Users experience, for Storybook, tests and trying userscope without a backend.
 * @module
 */
export {
  createDemoDataset,
  DEMO_DEFAULT_NOW,
  DEMO_MODEL_SWITCH,
  DEMO_RELEASES,
  DEMO_USERS,
  MIN_DEMO_USERS,
  demoTimeline,
  type DemoDatasetOptions,
  type DemoUserIds,
  type DemoTimeline,
} from './create-demo-dataset';
export type { DemoDataset } from './generate';
