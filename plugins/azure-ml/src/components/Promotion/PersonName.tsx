import { EntityDisplayName } from '@backstage/plugin-catalog-react';

/**
 * Who requested or decided a promotion, as a person reads it: a user ref by its catalog display
 * name, anything else (a service principal's object id, a service) as it is.
 */
export function PersonName(props: { who: string }) {
  return props.who.startsWith('user:') ? (
    <EntityDisplayName entityRef={props.who} hideIcon />
  ) : (
    <>{props.who}</>
  );
}
