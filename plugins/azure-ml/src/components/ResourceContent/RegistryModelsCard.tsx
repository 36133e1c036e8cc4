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
import { PagedTableCard, StudioLink, studioColumn } from '../shared';

type Row = RegistryModel & { key: string };

/** The model's `ai-model` Resource, when the backend named one that parses. */
function modelEntityRef(model: RegistryModel) {
  try {
    return parseEntityRef(model.entityRef);
  } catch {
    return undefined;
  }
}

/** What the catalog holds of a model's `ai-model` Resource: its owner, when it names one. */
type ModelEntity = { owner?: CompoundEntityRef };

/**
 * The models' `ai-model` Resources as the catalog holds them, by model entity ref, with their
 * owner (`spec.owner`, which the catalog module takes from the model's owner tag): one catalog
 * read per page of models. A model registered since the catalog's last refresh is absent.
 */
function useModelEntities(refs: CompoundEntityRef[]) {
  const catalogApi = useApi(catalogApiRef);
  const key = refs.map(ref => stringifyEntityRef(ref)).join(',');
  return useAsync(async (): Promise<Map<string, ModelEntity>> => {
    const entityRefs = key ? key.split(',') : [];
    if (entityRefs.length === 0) return new Map();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs,
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'spec.owner'],
    });
    const entities = new Map<string, ModelEntity>();
    items.forEach((entity, index) => {
      if (!entity) return;
      const owner = entity.spec?.owner;
      let ownerRef: CompoundEntityRef | undefined;
      try {
        ownerRef =
          typeof owner === 'string'
            ? parseEntityRef(owner, {
                defaultKind: 'group',
                defaultNamespace: entity.metadata.namespace ?? 'default',
              })
            : undefined;
      } catch {
        // An owner the catalog's own validation would have refused: shown as unknown.
      }
      entities.set(entityRefs[index], { owner: ownerRef });
    });
    return entities;
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
  const entities = useModelEntities(modelRefs);
  const [chosen, setChosen] = useState<string>();
  const selected = rows.find(row => row.name === chosen) ?? rows[0];
  const selectedRef = selected && modelEntityRef(selected);
  // Known only once the catalog answered; its versions route needs the catalog's entity.
  const notInCatalog = Boolean(
    selectedRef &&
      entities.value &&
      !entities.value.has(stringifyEntityRef(selectedRef)),
  );

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
          const owner =
            ref && entities.value?.get(stringifyEntityRef(ref))?.owner;
          if (owner) return <EntityRefLink entityRef={owner} hideIcon />;
          if (entities.loading) return '…';
          return entities.error ? 'unknown (catalog unavailable)' : '–';
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
      studioColumn<Row>(row => `model ${row.name}`),
    ],
    [selected?.name, entities],
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
      {selected && selectedRef && notInCatalog && (
        <Grid item xs={12}>
          <EmptyState
            missing="info"
            title={`Versions of ${selected.name}`}
            description={`${
              selected.name
            } is in ${registry} but not in the catalog yet. The catalog reads the registry on a schedule; its versions show here once it holds ${stringifyEntityRef(
              selectedRef,
            )}. Azure ML studio has them now.`}
            action={
              <StudioLink
                href={selected.studioUrl}
                title={`Open model ${selected.name} in Azure ML studio`}
              />
            }
          />
        </Grid>
      )}
      {selected && selectedRef && !notInCatalog && (
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
