import { UserHeader } from '../../components/UserHeader/UserHeader';
import { useUser } from '../../hooks/query-hooks';
import { queryStateProps } from './query-props';
import type { SectionContentProps } from './section-content-props';

/** Built-in `header` section: the user's identity and metadata, whose chips pick the page's cohort. */
export function HeaderSection({ context: c }: SectionContentProps) {
  const user = useUser({ userId: c.userId });
  return (
    <UserHeader
      user={user.data}
      {...queryStateProps(user)}
      cohort={c.cohort}
      onCohortChange={c.onCohortChange}
      cohortsEnabled={c.capabilities.cohorts}
      now={c.now}
      locale={c.locale}
      headingLevel={Math.min(c.contentHeadingLevel, 4) as 3 | 4}
    />
  );
}
