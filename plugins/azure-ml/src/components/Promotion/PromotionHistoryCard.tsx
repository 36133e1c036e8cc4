import { EmptyState } from '@backstage/core-components';
import {
  AzureMlAnnotations,
  PROMOTION_STATES,
  PromotionState,
} from '@internal/plugin-azure-ml-common';
import Box from '@material-ui/core/Box';
import { useState } from 'react';
import { useCursorPaging } from '../../hooks';
import { usePromotions } from '../../hooks/usePromotions';
import { usePromotionSettings } from '../../hooks/usePromotionSettings';
import { FilterSelect } from '../shared';
import { PagedTableCard } from '../shared/PagedTableCard';
import { usePromotionEvents } from './PromotionEvents';
import { PromotionsTable } from './PromotionsTable';
import { RollbackButton } from './RollbackButton';

/**
 * The entity's promotion and rollback requests, newest first, with Approve / Reject on
 * pending ones and Roll back per model. Shows nothing when promotion is not configured.
 */
export function PromotionHistoryCard(props: {
  entityRef: string;
  annotations: AzureMlAnnotations;
  pageSize?: number;
}) {
  const { entityRef, annotations } = props;
  const { settings } = usePromotionSettings();
  const { changed } = usePromotionEvents();
  const [state, setState] = useState<PromotionState | ''>('');
  const paging = useCursorPaging(props.pageSize ?? 10);
  const { page, loading, error, retry } = usePromotions({
    entityRef,
    state: state || undefined,
    cursor: paging.cursor,
    limit: paging.pageSize,
  });
  if (!settings) return null;
  const rows = page?.items ?? [];
  return (
    <PagedTableCard
      title="Promotions"
      filter={
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          {annotations.models.map(model => (
            <RollbackButton
              key={model}
              entityRef={entityRef}
              model={model}
              settings={settings}
              onStarted={changed}
            />
          ))}
          <FilterSelect
            label="State"
            allLabel="All states"
            value={state}
            options={PROMOTION_STATES}
            onChange={value => {
              setState(value);
              paging.reset();
            }}
          />
        </Box>
      }
      loading={loading}
      error={error}
      rows={rows}
      columns={[]}
      table={<PromotionsTable promotions={rows} onChanged={retry} />}
      paging={paging}
      nextCursor={page?.nextCursor}
      empty={
        <EmptyState
          missing="data"
          title="No promotions yet"
          description={`Promote a ${
            settings.sourceEnvironment
          } version from the model versions above; requests${
            state ? ` in state ${state}` : ''
          } appear here with their policy result and state.`}
        />
      }
    />
  );
}
