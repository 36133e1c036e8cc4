import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { EmptyState, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  AZURE_ML_MODELS_ANNOTATION,
  AzureMlEnvironment,
} from '@internal/plugin-azure-ml-common';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import StarIcon from '@material-ui/icons/Star';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AZURE_ML_RESOURCE_TYPES, RESOURCE_ANNOTATIONS } from '../../resources';
import { ModelVersionsCard } from '../ModelVersionsCard';
import { AzureMlCard, PendingCard } from '../shared';

interface ModelRow {
  id: string;
  entityRef: CompoundEntityRef;
  /** The Azure ML model name (`ml.azure.com/models`), which the entity name may not be. */
  model: string;
  title: string;
  latestVersion?: string;
  champion?: string;
  owner?: CompoundEntityRef;
}

/** `spec.owner` as a ref: the catalog accepts short forms such as `team-taxi` (a group). */
function ownerRef(owner: unknown): CompoundEntityRef | undefined {
  if (typeof owner !== 'string' || !owner) return undefined;
  try {
    return parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
}

function modelRow(entity: Entity, environment: string): ModelRow {
  const annotations = entity.metadata.annotations ?? {};
  const entityRef = getCompoundEntityRef(entity);
  return {
    id: stringifyEntityRef(entity),
    entityRef,
    model: annotations[AZURE_ML_MODELS_ANNOTATION] ?? entity.metadata.name,
    title: entity.metadata.title ?? entity.metadata.name,
    latestVersion: annotations[RESOURCE_ANNOTATIONS.latestVersion(environment)],
    champion: annotations[RESOURCE_ANNOTATIONS.champion(environment)],
    owner: ownerRef(entity.spec?.owner),
  };
}

/**
 * The models of a registry, from the catalog: the `ai-model` Resources that depend on the
 * registry's Resource, with the latest version and champion the catalog module read for this
 * environment; the versions of the chosen model below (from the backend).
 */
export function RegistryModelsCard(props: {
  environment: AzureMlEnvironment;
  registryRef: string;
}) {
  const { environment, registryRef } = props;
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'resource',
        'spec.type': AZURE_ML_RESOURCE_TYPES.model,
        [`relations.${RELATION_DEPENDS_ON}`]: registryRef,
      },
      fields: ['kind', 'metadata', 'spec.owner'],
    });
    return items
      .map(entity => modelRow(entity, environment.name))
      .sort((a, b) => a.model.localeCompare(b.model));
  }, [catalogApi, registryRef, environment.name]);
  const [chosen, setChosen] = useState<string>();
  const selected = value?.find(row => row.id === chosen) ?? value?.[0];

  const columns = useMemo(
    (): TableColumn<ModelRow>[] => [
      {
        title: 'Model',
        field: 'model',
        render: row => (
          <EntityRefLink entityRef={row.entityRef} title={row.model} />
        ),
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
      {
        title: 'Owner',
        field: 'owner',
        render: row =>
          row.owner ? <EntityRefLink entityRef={row.owner} /> : '–',
      },
      {
        title: 'Versions',
        sorting: false,
        render: row => (
          <Button
            size="small"
            variant={row.id === selected?.id ? 'contained' : 'outlined'}
            color="primary"
            aria-pressed={row.id === selected?.id}
            aria-label={`Show versions of ${row.model}`}
            onClick={() => setChosen(row.id)}
            style={{ whiteSpace: 'nowrap' }}
          >
            Show versions
          </Button>
        ),
      },
    ],
    [selected?.id],
  );

  const title = `Models in ${environment.registry}`;
  if (loading || error || !value?.length) {
    return (
      <PendingCard
        title={title}
        loading={loading}
        error={error}
        empty={
          <EmptyState
            missing="data"
            title="No models in this registry"
            description={`The catalog has no ${AZURE_ML_RESOURCE_TYPES.model} Resource that depends on ${registryRef}: the Azure ML catalog module adds one per model container of ${environment.registry}.`}
          />
        }
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AzureMlCard title={title} noPadding>
          <Table<ModelRow>
            data={value}
            columns={columns}
            options={{
              toolbar: value.length > 10,
              search: value.length > 10,
              paging: value.length > 10,
              pageSize: 10,
              padding: 'dense',
              draggable: false,
            }}
          />
        </AzureMlCard>
      </Grid>
      {selected && (
        <Grid item xs={12}>
          <ModelVersionsCard
            key={selected.id}
            entityRef={selected.entityRef}
            annotations={{
              models: [selected.model],
              environments: [environment.name],
            }}
            title={`Versions of ${selected.model}`}
            environment={environment.name}
          />
        </Grid>
      )}
    </Grid>
  );
}
