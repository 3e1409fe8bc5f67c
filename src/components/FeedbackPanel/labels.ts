/**
 * English defaults of every string `FeedbackPanel` shows. Placeholders in braces are filled in at render time with
 * already formatted values. Hosts override any of them through the `labels` prop (pages merge
 * `<UserscopeProvider labels>` ids `feedback.<key>` into it).
 * @module
 */
import { markerVocabularyLabels } from '../primitives/marker-vocabulary';

export const feedbackPanelLabels = {
  /** Section heading. */
  title: 'User feedback',
  /** Line under the heading. */
  subtitle: 'Ratings and comments with the related traces, to compare behaviour with what the user said.',
  loading: 'Loading feedback…',
  error: 'Could not load the feedback.',
  retry: 'Retry',
  /** The provider has feedback, but this user left none in the range. */
  empty: 'No feedback from this user in this time range.',
  /** After `empty` when the user has traces in the range. `{traces}` is formatted. */
  emptyTraces: 'None of their {traces} traces in this range has feedback.',

  /** Feedback Summary. */
  summaryTitle: 'Feedback summary',
  summaryCount: 'Feedback',
  /** `{scored}` records carry a score; `{keys}` is `summaryKeysOne` or `summaryKeysOther`. */
  summaryCountDetail: '{scored} scored · {keys}',
  summaryKeysOne: '{count} key',
  summaryKeysOther: '{count} keys',
  summaryAverage: 'Average score',
  /** Average of thumbs-only feedback: `{percent}` of the votes are up. */
  summaryAverageThumbs: '{percent} thumbs up',
  /** Detail of a thumbs-only average. */
  summaryAverageThumbsDetail: '{up} up · {down} down',
  /** Detail of a normalised average. */
  summaryAverageDetail: 'normalised 0–1 over {scored} scores',
  summaryAverageNone: 'No scored feedback: categories and comments only.',
  /** Label of the per-key averages list (shown when several keys carry scores). */
  summaryPerKey: 'Average per key',
  summaryCoverage: 'Coverage',
  /** `{withFeedback}` of `{traces}` traces in range have feedback. */
  summaryCoverageDetail: '{withFeedback} of {traces} traces',
  summaryCoverageNone: 'No traces in this range.',
  summaryComments: 'Comments',
  /** `{share}` of the feedback records carry a comment. */
  summaryCommentsDetail: '{share} of feedback',

  /** Chart chrome. */
  viewAsTable: 'View as table',
  hideTable: 'Hide table',
  /** A weekly period. `{date}` is the Monday it starts. */
  periodWeek: 'Week of {date}',
  /** Read after a chart's description: how to explore it with the keyboard. */
  chartKeyboardHint: 'Use the arrow keys to read the values.',

  /** Feedback Trends. */
  trendsTitle: 'Feedback trends',
  trendsDescription: 'How feedback volume and sentiment change over time, against the success rate of the traces.',
  /** Accessible summary. */
  trendsSummary: '{count} records over {buckets} periods. Lowest average score {low} ({lowDate}), highest {high} ({highDate}).',
  trendsSummaryNoScores: '{count} records over {buckets} periods, none scored.',
  legendPositive: 'Positive (≥ 0.5)',
  legendNegative: 'Negative (< 0.5)',
  legendUnscored: 'Unscored',
  legendSentiment: 'Average score',
  legendSuccess: 'Success rate',
  /** Change markers, numbered like the list of changes under the chart. */
  legendModelSwitch: 'Model switch',
  legendRelease: 'Release',
  /** A change named in the tooltip of its period, after its marker's number (the time charts' marker vocabulary). */
  markerEvent: markerVocabularyLabels.markerEvent,
  markerEventRegression: markerVocabularyLabels.markerEventRegression,
  /** The `{change}` of a model switch or release with a previous value. */
  markerChange: '{from} → {to}',
  trendsSuccessLoading: 'Loading the success rate…',
  trendsSuccessError: 'Could not load the success rate.',
  /** Table columns. */
  columnPeriod: 'Period',
  columnRecords: 'Records',
  columnPositive: 'Positive',
  columnNegative: 'Negative',
  columnAverage: 'Average score',
  columnSuccess: 'Success rate',

  /** Changes (before/after a release or model switch). */
  changesTitle: 'Changes in this range',
  changesDescription:
    'Success rate and feedback before and after each change. Feedback compares equal windows of whole periods ' +
    'on either side; a verdict needs a significant shift in the share of positive scores.',
  changeRelease: 'Release {to}',
  changeModelSwitch: 'Model switch {from} → {to}',
  changeModelSwitchFirst: 'Model {to}',
  changeRegression: 'Regression',
  /** `{before}` → `{after}` success rate, each over `{beforeTraces}` / `{afterTraces}` traces. */
  changeSuccess: 'Success {before} → {after} ({beforeTraces} → {afterTraces} traces)',
  /** Average score and positive share before → after, with the number of scores and periods per side. */
  changeFeedback:
    'Feedback {before} → {after}, {beforePositive} → {afterPositive} positive ' +
    '({beforeScores} → {afterScores} scores, {periods} periods each side)',
  /** A side without any score. */
  changeFeedbackNoScores:
    'No feedback scores on one side to compare ({beforeScores} before, {afterScores} after, {periods} periods each side).',
  changeFeedbackNoWindow: 'No whole period on both sides of this change to compare feedback.',
  /** Verdicts after the feedback numbers. `{min}` is the fewest scores each side needs for a verdict. */
  changeFeedbackTooFew: 'too few scores for a verdict ({min} needed each side)',
  changeFeedbackImproved: 'feedback improved',
  changeFeedbackWorsened: 'feedback worsened',
  /** The positive share did not move significantly (two-proportion z-test, |z| < 1.96). */
  changeFeedbackUnclear: 'no significant change in feedback',

  /** Score Distribution. */
  distributionTitle: 'Score distribution',
  distributionDescription: 'Where the normalised scores (0–1) cluster: polarization or drift.',
  distributionSummary: '{scored} scores. {low} below 0.5, {high} at 0.5 or above. Most in {peak} ({peakCount}).',
  distributionEmpty: 'No scored feedback in this range.',
  /** Tooltip and announcement of one bin. */
  distributionBin: '{bin}: {count} scores ({share})',
  /** Which keys the scores come from. `{keys}` lists them. */
  distributionKeys: 'Normalised scores of {keys}.',
  /** Added when a thumbs key is among them. */
  distributionThumbs: 'Thumbs count as 0 (down) or 1 (up).',
  /** Categorical keys carry no score. `{keys}` lists them. */
  distributionCategorical: 'Categorical keys ({keys}) have no score; see Top feedback keys.',
  columnScore: 'Score',
  columnScores: 'Scores',
  columnShare: 'Share',

  /** Top Feedback Keys. */
  keysTitle: 'Top feedback keys',
  keysDescription: 'Which feedback signals dominate for this user.',
  keysSummary: '{keys} keys. Most used: {top} ({count} records).',
  /** Rows past the chart's limit. */
  keysMore: '{count} more keys in the table.',
  /** Tooltip and announcement of one key. */
  keysRow: '{key} ({kind}): {count} records, {share} of feedback; {detail}',
  kindNumeric: 'numeric',
  kindBoolean: 'thumbs',
  kindCategorical: 'categories',
  /** Visible detail per kind. */
  keyDetailNumeric: 'avg {score}',
  keyDetailBoolean: '{percent} up',
  keyDetailCategorical: 'top: {category} ({percent})',
  keyDetailNone: 'no scores',
  columnKey: 'Key',
  columnKind: 'Kind',
  columnCount: 'Records',
  columnDetail: 'Detail',
  thumbsUp: 'Thumbs up',
  thumbsDown: 'Thumbs down',
  up: 'up',
  down: 'down',

  /** Comment Momentum. */
  momentumTitle: 'Comment momentum',
  momentumDescription: 'When the user leaves comments, not just scores.',
  momentumSummary: '{comments} comments on {count} records. Most comments {peakDate} ({peak}).',
  momentumSummaryNone: 'No comments on {count} records.',
  legendFeedback: 'Feedback',
  legendComments: 'With comment',
  columnComments: 'Comments',

  /** Comment list. */
  commentsTitle: 'Comments',
  commentsLoading: 'Loading comments…',
  commentsError: 'Could not load the comments.',
  commentsEmpty: 'No comments in this range.',
  /** When the user scored but did not comment. `{count}` is formatted. */
  commentsEmptyScoresOnly: 'No comments in this range: the {count} feedback records carry scores only.',
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  /** Progress under the list. */
  commentsShown: 'Showing {shown} of {total} comments',
  commentsShownNoTotal: 'Showing {shown} comments',
  /** Related trace. */
  trace: 'Trace',
  /** After the trace id when the provider returned no trace details. */
  traceDetailsUnavailable: 'details unavailable',
  statusOk: 'ok',
  statusError: 'error',
  /** Score badge of a numeric value: raw value and normalised score. */
  scoreNumeric: '{value} · score {score}',
  /** A numeric value without a score. */
  scoreNumericNone: '{value} · no score',
};

/** Strings of `FeedbackPanel`; pass any subset as `labels`. */
export type FeedbackPanelLabels = typeof feedbackPanelLabels;
