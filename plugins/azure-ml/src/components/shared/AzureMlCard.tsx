import { InfoCard } from '@backstage/core-components';
import { ReactNode } from 'react';

/**
 * An InfoCard inside a `section` named by its title, so that assistive technology (and the
 * e2e suite) can find each card of the tab as a region.
 */
export function AzureMlCard(props: {
  title: string;
  subheader?: string;
  action?: ReactNode;
  noPadding?: boolean;
  children: ReactNode;
}) {
  const { title, children, ...cardProps } = props;
  return (
    <section aria-label={title}>
      <InfoCard title={title} {...cardProps}>
        {children}
      </InfoCard>
    </section>
  );
}
