import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EmptyState, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  AzureMlEnvironment,
  RegistryModel,
} from '@internal/plugin-azure-ml-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import StarIcon from '@material-ui/icons/Star';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useCursorPaging, useEnvironmentModels } from '../../hooks';
import { ModelVersionsCard } from '../ModelVersionsCard';
import { PagedTableCard, StudioLink } from '../shared';

type Row = RegistryModel & { key: string };

/** The model's `ai-model` Resource, when the backend named one that parses. */
function modelEntityRef(model: RegistryModel) {
  try {
    return parseEntityRef(model.entityRef);
  } catch {
    return undefined;
  }
}

/**
 * The owners of the models' `ai-model` Resources (their `spec.owner`, which the catalog module
 * takes from the model's owner tag), by model entity ref: one catalog read per page of models.
 * A model the catalog does not hold yet (not refreshed since it was registered) has none.
 */
function useModelOwners(refs: CompoundEntityRef[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = refs.map(ref => stringifyEntityRef(ref)).join(',');
  return useAsync(async (): Promise<Map<string, CompoundEntityRef>> => {
    const entityRefs = key ? key.split(',') : [];
    if (entityRefs.length === 0) return new Map();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs,
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.owner'],
    });
    const owners = new Map<string, CompoundEntityRef>();
    items.forEach((entity, index) => {
      const owner = entity?.spec?.owner;
      if (typeof owner !== 'string') return;
      try {
        owners.set(
          entityRefs[index],
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity?.metadata.namespace ?? 'default',
          }),
        );
      } catch {
        // An owner the catalog's own validation would have refused: shown as unknown.
      }
    });
    return owners;
  }, [catalogApi, key]);
}

/**
 * The models of an environment's registry, from the backend (ARM's model containers, read
 * when asked, not when the catalog last refreshed), by name, with newest version and
 * champion and owner; each links to its `ai-model` Resource. The versions of the chosen model
 * below.
 */
export function RegistryModelsCard(props: { environment: AzureMlEnvironment }) {
  const { name, registry } = props.environment;
  const paging = useCursorPaging(10);
  const { page, loading, error } = useEnvironmentModels(name, {
    cursor: paging.cursor,
    limit: paging.pageSize,
  });
  const rows = useMemo(
    () => (page?.items ?? []).map(model => ({ ...model, key: model.name })),
    [page],
  );
  const modelRefs = useMemo(
    () =>
      rows.flatMap(row => {
        const ref = modelEntityRef(row);
        return ref ? [ref] : [];
      }),
    [rows],
  );
  const owners = useModelOwners(modelRefs);
  const [chosen, setChosen] = useState<string>();
  const selected = rows.find(row => row.name === chosen) ?? rows[0];
  const selectedRef = selected && modelEntityRef(selected);

  const columns = useMemo(
    (): TableColumn<Row>[] => [
      {
        title: 'Model',
        field: 'name',
        render: row => {
          const ref = modelEntityRef(row);
          return ref ? (
            <EntityRefLink entityRef={ref} title={row.name} />
          ) : (
            row.name
          );
        },
      },
      {
        title: 'Owner',
        sorting: false,
        render: row => {
          const ref = modelEntityRef(row);
          const owner = ref && owners.value?.get(stringifyEntityRef(ref));
          if (owner) return <EntityRefLink entityRef={owner} hideIcon />;
          if (owners.loading) return '…';
          return owners.error ? 'unknown (catalog unavailable)' : '–';
        },
      },
      { title: 'Latest version', field: 'latestVersion', emptyValue: '–' },
      {
        title: 'Champion',
        field: 'champion',
        render: row =>
          row.champion ? (
            <Chip
              size="small"
              color="primary"
              icon={<StarIcon />}
              label={`v${row.champion}`}
            />
          ) : (
            '–'
          ),
      },
      { title: 'Description', field: 'description', emptyValue: '–' },
      {
        title: 'Versions',
        sorting: false,
        render: row => (
          <Button
            size="small"
            variant={row.name === selected?.name ? 'contained' : 'outlined'}
            color="primary"
            aria-pressed={row.name === selected?.name}
            aria-label={`Show versions of ${row.name}`}
            onClick={() => setChosen(row.name)}
            style={{ whiteSpace: 'nowrap' }}
          >
            Show versions
          </Button>
        ),
      },
      {
        title: 'Studio',
        sorting: false,
        render: row => (
          <StudioLink
            href={row.studioUrl}
            title={`Open model ${row.name} in Azure ML studio`}
          />
        ),
      },
    ],
    [selected?.name, owners],
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <PagedTableCard<Row>
          title={`Models in ${registry}`}
          filter={null}
          loading={loading}
          error={error}
          rows={rows}
          columns={columns}
          paging={paging}
          nextCursor={page?.nextCursor}
          empty={
            <EmptyState
              missing="data"
              title="No models in this registry"
              description={`Registry ${registry} (${name}) holds no active model.`}
            />
          }
        />
      </Grid>
      {selected && selectedRef && (
        <Grid item xs={12}>
          <ModelVersionsCard
            key={selected.name}
            entityRef={selectedRef}
            annotations={{ models: [selected.name], environments: [name] }}
            title={`Versions of ${selected.name}`}
            environment={name}
          />
        </Grid>
      )}
    </Grid>
  );
}
