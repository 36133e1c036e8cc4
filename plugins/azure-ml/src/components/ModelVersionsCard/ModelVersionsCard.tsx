import { EmptyState, Link, TableColumn } from '@backstage/core-components';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AzureMlAnnotations,
  ModelVersion,
  parsePromotedFrom,
  PROMOTED_FROM_TAG,
  PromotionSettings,
} from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import StarIcon from '@material-ui/icons/Star';
import { useMemo, useState } from 'react';
import {
  useCursorPaging,
  useEnvironments,
  useModelTrend,
  useModelVersions,
} from '../../hooks';
import { usePromotionSettings } from '../../hooks/usePromotionSettings';
import { formatTimestamp } from '../../lib/format';
import { CHAMPION_ALIAS, metricNames } from '../../lib/metrics';
import {
  EnvironmentChip,
  FilterSelect,
  PagedTableCard,
  StudioLink,
} from '../shared';
import { PromoteButton } from '../Promotion';
import { PromoteDialog } from '../Promotion/PromoteDialog';
import { MetricValue } from './MetricValue';

type Row = ModelVersion & { id: string };

/** "dev v7" for a version copied by a promotion, from its lineage tag. */
function promotedFrom(
  row: ModelVersion,
  registries: Map<string, string>,
): string | undefined {
  const from = parsePromotedFrom(row.tags[PROMOTED_FROM_TAG]);
  return (
    from && `${registries.get(from.registry) ?? from.registry} v${from.version}`
  );
}

function versionColumns(options: {
  metrics: string[];
  champions: Map<string, ModelVersion> | undefined;
  showModelName: boolean;
  registries: Map<string, string>;
  promotion?: {
    settings: PromotionSettings;
    entityRef: string;
    onPromote: (version: ModelVersion) => void;
  };
}): TableColumn<Row>[] {
  const { metrics, champions, showModelName, registries, promotion } = options;
  return [
    ...(showModelName
      ? [{ title: 'Model', field: 'name' } as TableColumn<Row>]
      : []),
    {
      title: 'Version',
      field: 'version',
      // Azure ML versions are usually integers; sort them as numbers.
      customSort: (a, b) =>
        a.version.localeCompare(b.version, 'en', { numeric: true }),
      cellStyle: { whiteSpace: 'nowrap' },
      // The studio link sits next to the version: a column of its own pushes the table wider
      // than the page once job names are long.
      render: row => (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="body2">{row.version}</Typography>
          <StudioLink
            href={row.studioUrl}
            title={`Open ${row.name} v${row.version} (${row.environment}) in Azure ML studio`}
          />
        </Box>
      ),
    },
    {
      title: 'Environment',
      field: 'environment',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => {
        const from = promotedFrom(row, registries);
        const promotable =
          promotion && row.environment === promotion.settings.sourceEnvironment;
        return (
          <Box>
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <EnvironmentChip environment={row.environment} />
              {promotable && (
                <PromoteButton
                  entityRef={promotion.entityRef}
                  version={row}
                  settings={promotion.settings}
                  onPromote={promotion.onPromote}
                />
              )}
            </Box>
            {from && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
                title="Copied into this registry by a portal promotion"
              >
                from {from}
              </Typography>
            )}
          </Box>
        );
      },
    },
    {
      title: 'Aliases',
      sorting: false,
      render: row => (
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
          {row.aliases.map(alias => (
            <Chip
              key={alias}
              size="small"
              color={alias === CHAMPION_ALIAS ? 'primary' : 'default'}
              icon={alias === CHAMPION_ALIAS ? <StarIcon /> : undefined}
              label={alias}
            />
          ))}
          {row.stage && (
            <Chip size="small" variant="outlined" label={row.stage} />
          )}
        </Box>
      ),
    },
    ...metrics.map(
      (metric): TableColumn<Row> => ({
        title: metric,
        align: 'right',
        cellStyle: { whiteSpace: 'nowrap' },
        customSort: (a, b) =>
          (a.metrics[metric] ?? Infinity) - (b.metrics[metric] ?? Infinity),
        render: row => (
          <MetricValue
            version={row}
            metric={metric}
            champion={champions?.get(row.name)}
          />
        ),
      }),
    ),
    {
      title: 'Created',
      field: 'createdAt',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => (
        <Box>
          <Typography variant="body2">
            {formatTimestamp(row.createdAt) ?? '–'}
          </Typography>
          {row.createdBy && (
            <Typography variant="caption" color="textSecondary">
              {row.createdBy}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      title: 'Source job',
      field: 'jobName',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row =>
        row.jobName && row.jobStudioUrl ? (
          <Link to={row.jobStudioUrl}>{row.jobName}</Link>
        ) : (
          row.jobName ?? '–'
        ),
    },
  ];
}

/**
 * The model versions of the entity's models across environments, one server page at a time,
 * newest first; columns sort within the page. Metrics are compared with the champion.
 */
export function ModelVersionsCard(props: {
  entityRef: CompoundEntityRef;
  annotations: AzureMlAnnotations;
  title?: string;
  pageSize?: number;
}) {
  const { entityRef, annotations, title = 'Model versions' } = props;
  const [environment, setEnvironment] = useState('');
  const paging = useCursorPaging(props.pageSize ?? 10);
  const { environments } = useEnvironments(annotations.environments);
  const environmentNames = useMemo(
    () => environments?.map(e => e.name),
    [environments],
  );
  const { champions } = useModelTrend(entityRef, environmentNames);
  const { settings } = usePromotionSettings();
  const registries = useMemo(
    () => new Map((environments ?? []).map(e => [e.registry, e.name])),
    [environments],
  );
  const entityRefString = stringifyEntityRef(entityRef);
  const [promoting, setPromoting] = useState<ModelVersion>();
  const { page, loading, error } = useModelVersions(entityRef, {
    environment: environment || undefined,
    cursor: paging.cursor,
    limit: paging.pageSize,
  });

  const rows = useMemo(
    () =>
      (page?.items ?? []).map(v => ({
        ...v,
        id: `${v.environment}/${v.name}/${v.version}`,
      })),
    [page],
  );
  const columns = useMemo(
    () =>
      versionColumns({
        metrics: metricNames(rows),
        champions,
        showModelName: annotations.models.length > 1,
        registries,
        promotion: settings
          ? { settings, entityRef: entityRefString, onPromote: setPromoting }
          : undefined,
      }),
    [
      rows,
      champions,
      annotations.models.length,
      registries,
      settings,
      entityRefString,
    ],
  );

  return (
    <>
      {promoting && settings && (
        <PromoteDialog
          open
          onClose={() => setPromoting(undefined)}
          entityRef={entityRefString}
          model={promoting.name}
          version={promoting.version}
          settings={settings}
        />
      )}
      <PagedTableCard<Row>
        title={title}
        filter={
          <FilterSelect
            label="Environment"
            allLabel="All environments"
            value={environment}
            options={environmentNames ?? []}
            onChange={value => {
              setEnvironment(value);
              paging.reset();
            }}
          />
        }
        loading={loading}
        error={error}
        rows={rows}
        columns={columns}
        paging={paging}
        nextCursor={page?.nextCursor}
        empty={
          <EmptyState
            missing="data"
            title="No model versions"
            description={`No versions of ${annotations.models.join(
              ', ',
            )} in the registries${environment ? ` of ${environment}` : ''}.`}
          />
        }
      />
    </>
  );
}
