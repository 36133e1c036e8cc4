import { useEntity } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import { RESOURCE_ANNOTATIONS } from '../resources';
import { useEnvironments } from './useEnvironments';

const lower = (value: string | undefined) => value?.toLocaleLowerCase('en-US');

/**
 * The configured environment (`azureMl.environments`) that the current entity, a discovered
 * environment, workspace or registry Resource, describes: the one whose workspace (and
 * resource group, when annotated) the entity names. `environment` is undefined when none
 * matches; `workspace` is the annotation that was looked for.
 */
export function useEntityEnvironment() {
  const { entity } = useEntity();
  const { environments, loading, error } = useEnvironments();
  const annotations = entity.metadata.annotations;
  const workspace = annotations?.[RESOURCE_ANNOTATIONS.workspace];
  const resourceGroup = annotations?.[RESOURCE_ANNOTATIONS.resourceGroup];
  const environment = useMemo(
    () =>
      workspace === undefined
        ? undefined
        : environments?.find(
            e =>
              lower(e.workspace) === lower(workspace) &&
              (!resourceGroup ||
                lower(e.resourceGroup) === lower(resourceGroup)),
          ),
    [environments, workspace, resourceGroup],
  );
  return { environment, workspace, loading, error };
}
