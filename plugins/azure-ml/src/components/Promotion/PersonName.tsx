import {
  EntityDisplayName,
  EntityRefLink,
} from '@backstage/plugin-catalog-react';

/**
 * Who requested or decided a promotion, as a person reads it: a user ref by its catalog display
 * name (with `link`, as a link to the user's page), anything else (a service principal's object
 * id, a service) as it is.
 */
export function PersonName(props: { who: string; link?: boolean }) {
  if (!props.who.startsWith('user:')) return <>{props.who}</>;
  return props.link ? (
    <EntityRefLink entityRef={props.who} hideIcon />
  ) : (
    <EntityDisplayName entityRef={props.who} hideIcon />
  );
}
