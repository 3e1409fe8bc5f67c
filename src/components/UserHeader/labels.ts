/** Default English strings of `UserHeader`. Parametrised strings are functions. */
export const userHeaderLabels = {
  /** Term of the user id. */
  userId: 'ID',
  /** Term of the email. */
  email: 'Email',
  /** Accessible name of the id's copy button. */
  copyId: 'Copy user id',
  /** Accessible name of the email's copy button. */
  copyEmail: 'Copy email',
  /** Copy confirmation. */
  copied: 'Copied',
  /** Copy failure. */
  copyFailed: 'Could not copy: select the text and copy it by hand',
  /** Term of the first-seen time. */
  firstSeen: 'First seen',
  /** Term of the last-seen time. */
  lastSeen: 'Last seen',
  /** Title of the metadata chips. */
  metadata: 'Metadata',
  /** Hint next to the metadata title when chips compare cohorts. */
  metadataHint: 'Select a value to compare with every user who shares it.',
  /** When the user has no metadata. */
  noMetadata: 'No metadata',
  /** Shown for an empty-string metadata value. */
  emptyValue: '(empty)',
  /** Hover text of a `null` metadata value. */
  notSet: 'not set',
  /** Action of a metadata chip. */
  compareWith: (key: string, value: string) => `Compare with users whose ${key} is ${value}`,
  /** Line shown while a cohort is selected. */
  comparing: (key: string, value: string) => `Comparing with users whose ${key} is ${value}`,
  /** Clears the cohort. */
  clearCohort: 'Clear comparison',
  /** Reveals hidden chips. */
  showMore: (count: number) => `Show ${count} more`,
  /** Hides them again. */
  showLess: 'Show less',
  /** Loading message. */
  loading: 'Loading user…',
  /** Error message. */
  error: 'Could not load this user.',
  /** Retry button. */
  retry: 'Retry',
};

/** Strings of `UserHeader`; pass any subset as `labels`. */
export type UserHeaderLabels = typeof userHeaderLabels;
