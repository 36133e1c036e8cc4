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

/**
 * `copy`: in the side-by-side view, the target environment's copy of a source version, paired
 * by the promotion's lineage tag or by the training job both came from.
 */
type Row = ModelVersion & {
  id: string;
  copy?: ModelVersion;
  pairedBy?: 'lineage' | 'job';
};

/** Most target-environment versions read to pair copies with their source versions. */
const TARGET_VERSIONS_READ = 100;

/** The two environments the side-by-side view pairs: promotion's, else the first two. */
type Pair = { source: string; target: string };

/**
 * The target environment's copy of each source version: through the lineage tag a portal
 * promotion writes (`PROMOTED_FROM_TAG`: source registry, model and version); else, for a
 * target version without the tag (copied before the portal, e.g. with the CLI), the one
 * version of the same model the same training job produced — only when that job produced
 * exactly one source version on the page and one untagged target version, so a pairing is
 * never a guess between several.
 */
function pairCopies(
  sources: ModelVersion[],
  targets: ModelVersion[],
  pair: Pair,
  registries: Map<string, string>,
): Row[] {
  const copies = new Map<string, ModelVersion>();
  const byJob = new Map<string, ModelVersion[]>();
  for (const target of targets) {
    const from = parsePromotedFrom(target.tags[PROMOTED_FROM_TAG]);
    if (from) {
      if (registries.get(from.registry) === pair.source) {
        copies.set(`${from.model}/${from.version}`, target);
      }
    } else if (target.jobName) {
      const key = `${target.name}/${target.jobName}`;
      byJob.set(key, [...(byJob.get(key) ?? []), target]);
    }
  }
  const sourcesPerJob = new Map<string, number>();
  for (const v of sources) {
    if (v.jobName) {
      const key = `${v.name}/${v.jobName}`;
      sourcesPerJob.set(key, (sourcesPerJob.get(key) ?? 0) + 1);
    }
  }
  return sources.map(v => {
    const row = { ...v, id: `${v.environment}/${v.name}/${v.version}` };
    const copy = copies.get(`${v.name}/${v.version}`);
    if (copy) {
      return { ...row, copy, pairedBy: 'lineage' as const };
    }
    const key = `${v.name}/${v.jobName}`;
    const sameJob = v.jobName ? byJob.get(key) : undefined;
    return sameJob?.length === 1 && sourcesPerJob.get(key) === 1
      ? { ...row, copy: sameJob[0], pairedBy: 'job' as const }
      : row;
  });
}

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
  /** The side-by-side view: source versions with their copy in the target environment. */
  sideBySide?: Pair;
  rows: Row[];
  promotion?: {
    settings: PromotionSettings;
    entityRef: string;
    onPromote: (version: ModelVersion) => void;
  };
}): TableColumn<Row>[] {
  const {
    metrics,
    champions,
    showModelName,
    registries,
    sideBySide,
    rows,
    promotion,
  } = options;
  const promoteButton = (row: Row) =>
    promotion &&
    row.environment === promotion.settings.sourceEnvironment && (
      <PromoteButton
        entityRef={promotion.entityRef}
        version={row}
        settings={promotion.settings}
        onPromote={promotion.onPromote}
      />
    );
  const model: TableColumn<Row> = { title: 'Model', field: 'name' };
  const version: TableColumn<Row> = {
    title: sideBySide ? `${sideBySide.source} version` : 'Version',
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
  };
  const environment: TableColumn<Row> = {
    title: 'Environment',
    field: 'environment',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => {
      const from = promotedFrom(row, registries);
      return (
        <Box>
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <EnvironmentChip environment={row.environment} />
            {promoteButton(row)}
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
  };
  const aliases: TableColumn<Row> = {
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
  };
  const metricColumns = metrics.map(
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
  );
  const created: TableColumn<Row> = {
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
  };
  const sourceJob: TableColumn<Row> = {
    title: 'Source job',
    field: 'jobName',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row =>
      row.jobName && row.jobStudioUrl ? (
        <Link to={row.jobStudioUrl}>{row.jobName}</Link>
      ) : (
        row.jobName ?? '–'
      ),
  };
  const head = showModelName ? [model, version] : [version];
  if (!sideBySide) {
    return [
      ...head,
      environment,
      aliases,
      ...metricColumns,
      created,
      sourceJob,
    ];
  }
  // Side by side: each source version, then its copy in the target environment (the copy
  // carries the same metrics, so they are shown once).
  const copy: TableColumn<Row> = {
    title: `In ${sideBySide.target}`,
    sorting: false,
    cellStyle: { whiteSpace: 'nowrap' },
    render: row =>
      row.copy ? (
        <Box>
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <Typography variant="body2">v{row.copy.version}</Typography>
            <StudioLink
              href={row.copy.studioUrl}
              title={`Open ${row.copy.name} v${row.copy.version} (${row.copy.environment}) in Azure ML studio`}
            />
            {row.copy.aliases.includes(CHAMPION_ALIAS) && (
              <Chip
                size="small"
                color="primary"
                icon={<StarIcon />}
                label={CHAMPION_ALIAS}
              />
            )}
          </Box>
          <Typography
            variant="caption"
            color="textSecondary"
            title={
              row.pairedBy === 'job'
                ? 'No portal lineage tag: paired because the same training job produced both'
                : 'Copied by a portal promotion (lineage tag)'
            }
          >
            {row.pairedBy === 'job' ? 'same job, registered' : 'copied'}{' '}
            {formatTimestamp(row.copy.createdAt) ?? ''}
          </Typography>
        </Box>
      ) : (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="body2" color="textSecondary">
            not promoted
          </Typography>
          {promoteButton(row)}
        </Box>
      ),
  };
  // Source versions seldom carry aliases or a stage: the column shows only when one does.
  const sourceAliases = rows.some(r => r.aliases.length > 0 || r.stage)
    ? [aliases]
    : [];
  return [
    ...head,
    ...sourceAliases,
    ...metricColumns,
    created,
    sourceJob,
    copy,
  ];
}

/**
 * The model versions of the entity's models across environments, one server page at a time,
 * newest first; columns sort within the page. Metrics are compared with the champion. The
 * "beside" view lists the source environment's versions (dev) with their copy in the target
 * environment (prod) next to each, paired through the promotion's lineage tag.
 */
export function ModelVersionsCard(props: {
  entityRef: CompoundEntityRef;
  annotations: AzureMlAnnotations;
  title?: string;
  pageSize?: number;
  /**
   * Only this environment's versions (e.g. on a registry's page): no environment filter and
   * no side-by-side view.
   */
  environment?: string;
}) {
  const { entityRef, annotations, title = 'Model versions' } = props;
  const fixedEnvironment = props.environment;
  const [chosenEnvironment, setEnvironment] = useState('');
  const environment = fixedEnvironment ?? chosenEnvironment;
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
  // The side-by-side view pairs promotion's environments, else the first two configured.
  const pair = useMemo((): Pair | undefined => {
    if (settings && !fixedEnvironment) {
      return {
        source: settings.sourceEnvironment,
        target: settings.targetEnvironment,
      };
    }
    if (fixedEnvironment) {
      return undefined;
    }
    return environmentNames && environmentNames.length >= 2
      ? { source: environmentNames[0], target: environmentNames[1] }
      : undefined;
  }, [settings, environmentNames, fixedEnvironment]);
  const [view, setView] = useState('');
  const sideBySide = view && pair ? pair : undefined;
  const { page, loading, error } = useModelVersions(entityRef, {
    environment: sideBySide?.source ?? (environment || undefined),
    cursor: paging.cursor,
    limit: paging.pageSize,
  });
  const targets = useModelVersions(
    entityRef,
    { environment: sideBySide?.target, limit: TARGET_VERSIONS_READ },
    { skip: !sideBySide },
  );

  const rows = useMemo(
    (): Row[] =>
      sideBySide
        ? pairCopies(
            page?.items ?? [],
            targets.page?.items ?? [],
            sideBySide,
            registries,
          )
        : (page?.items ?? []).map(v => ({
            ...v,
            id: `${v.environment}/${v.name}/${v.version}`,
          })),
    [page, targets.page, sideBySide, registries],
  );
  const columns = useMemo(
    () =>
      versionColumns({
        metrics: metricNames(rows),
        champions,
        showModelName: annotations.models.length > 1,
        registries,
        sideBySide,
        rows,
        promotion: settings
          ? { settings, entityRef: entityRefString, onPromote: setPromoting }
          : undefined,
      }),
    [
      rows,
      champions,
      annotations.models.length,
      registries,
      sideBySide,
      settings,
      entityRefString,
    ],
  );
  const viewLabel = pair && `${pair.source} beside ${pair.target}`;

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
          <Box display="flex" style={{ gap: 8 }}>
            {viewLabel && (
              <FilterSelect
                label="View"
                allLabel="One list"
                value={view}
                options={[viewLabel]}
                onChange={value => {
                  setView(value);
                  paging.reset();
                }}
              />
            )}
            {!sideBySide && !fixedEnvironment && (
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
            )}
          </Box>
        }
        loading={loading || targets.loading}
        error={error ?? targets.error}
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
            )} in the registries${
              sideBySide || environment
                ? ` of ${sideBySide?.source ?? environment}`
                : ''
            }.`}
          />
        }
      />
    </>
  );
}
