import { UserHeader } from '../../components/UserHeader/UserHeader';
import { useUser } from '../../hooks/query-hooks';
import { queryStateProps } from './query-props';
import { contentTitleProps, type HeadedSectionContentProps } from './section-content-props';

/**
 * Built-in `header` section: the user's identity and metadata, whose chips pick the page's cohort. Placed by the page,
 * the user's name is the section's heading.
 */
export function HeaderSection({ context: c, heading }: HeadedSectionContentProps) {
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
      {...contentTitleProps(heading)}
    />
  );
}
