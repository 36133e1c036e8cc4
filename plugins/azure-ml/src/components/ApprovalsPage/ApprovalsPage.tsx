import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import { useCursorPaging } from '../../hooks';
import { usePromotions } from '../../hooks/usePromotions';
import { usePromotionSettings } from '../../hooks/usePromotionSettings';
import { PagedTableCard } from '../shared/PagedTableCard';
import { PromotionsTable } from '../Promotion/PromotionsTable';

/**
 * Promotion requests waiting for approval, across every entity the signed-in user may read.
 * Approve / Reject are enabled where the user may approve and did not ask themselves.
 */
export function ApprovalsContent() {
  const { settings } = usePromotionSettings();
  const paging = useCursorPaging(20);
  const { page, loading, error, retry } = usePromotions({
    state: 'pending_approval',
    cursor: paging.cursor,
    limit: paging.pageSize,
  });
  const rows = page?.items ?? [];
  return (
    <PagedTableCard
      title="Waiting for approval"
      filter={null}
      loading={loading}
      error={error}
      rows={rows}
      columns={[]}
      table={<PromotionsTable promotions={rows} showEntity onChanged={retry} />}
      paging={paging}
      nextCursor={page?.nextCursor}
      empty={
        <EmptyState
          missing="data"
          title="Nothing to approve"
          description={
            settings
              ? `No promotion from ${settings.sourceEnvironment} to ${settings.targetEnvironment} is waiting for approval.`
              : 'Promotion is not configured on this portal (azureMl.promotion).'
          }
        />
      }
    />
  );
}

/** The "Model approvals" page: pending promotion requests across entities. */
export function ApprovalsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Model approvals"
        subtitle="Promotion requests waiting for a second person"
      />
      <Content>
        <ContentHeader title="">
          <SupportButton>
            Requests to promote a model version into the production registry.
            You can approve requests of entities whose promotions you may
            approve, never your own.
          </SupportButton>
        </ContentHeader>
        <ApprovalsContent />
      </Content>
    </Page>
  );
}
