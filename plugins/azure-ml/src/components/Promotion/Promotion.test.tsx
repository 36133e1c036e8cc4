import { identityApiRef } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { SWRConfig } from 'swr';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { PolicyEvaluation, Promotion } from '@internal/plugin-azure-ml-common';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import { ReactElement } from 'react';
import { AzureMlApi, azureMlApiRef } from '../../api';
import {
  champion,
  devVersions,
  mockAzureMlApi,
  promotionSettings,
  taxiFareEntity,
  taxiFareRef,
} from '../../__testUtils__/fixtures';
import { ApprovalsContent } from '../ApprovalsPage';
import { ModelVersionsCard } from '../ModelVersionsCard';
import { PromotionEventsProvider } from './PromotionEvents';
import { PromotionHistoryCard } from './PromotionHistoryCard';

// Each test renders the whole card with MUI tables and dialogs: seconds on a busy CI machine.
jest.setTimeout(30_000);

const ENTITY = 'component:default/taxi-fare';
const OWNER = 'user:default/olivia.owner';
const APPROVER = 'user:default/arno.approver';

const settings = promotionSettings;

const evaluation: PolicyEvaluation = {
  passed: true,
  model: 'taxi-fare-model',
  candidateVersion: '9',
  sourceEnvironment: 'dev',
  targetEnvironment: 'prod',
  championVersion: '2',
  candidateMetrics: { rmse: 2.8, r2: 0.87 },
  championMetrics: { rmse: 3.0, r2: 0.85 },
  rules: [
    {
      rule: "rmse lower than or equal to the champion's (tolerance 0)",
      kind: 'compare',
      metric: 'rmse',
      candidate: 2.8,
      reference: 3.0,
      passed: true,
      reason: '2.8 ≤ 3',
    },
    {
      rule: 'r2 at least 0.9',
      kind: 'threshold',
      metric: 'r2',
      candidate: 0.87,
      reference: 0.9,
      passed: true,
      reason: '0.87 ≥ 0.9',
    },
  ],
  evaluatedAt: '2026-12-01T10:00:00Z',
};

function promotion(overrides: Partial<Promotion> = {}): Promotion {
  return {
    id: '6a1f3c1e-0000-4000-8000-000000000001',
    kind: 'promotion',
    entityRef: ENTITY,
    model: 'taxi-fare-model',
    sourceEnvironment: 'dev',
    sourceVersion: '9',
    targetEnvironment: 'prod',
    targetVersion: '9',
    state: 'pending_approval',
    requestedBy: OWNER,
    requestComment: 'better rmse',
    evaluation,
    attempts: 0,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    targetStudioUrl:
      'https://ml.azure.com/registries/mlr-prod/models/taxi-fare-model/version/9',
    ...overrides,
  };
}

/** Renders as `user`, who holds the permissions in `allowed`. */
function render(
  element: ReactElement,
  api: AzureMlApi,
  user: string,
  allowed: string[],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [azureMlApiRef, api],
        [identityApiRef, mockApis.identity({ userEntityRef: user })],
        [
          permissionApiRef,
          mockApis.permission({
            authorize: request =>
              allowed.includes(request.permission.name)
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          }),
        ],
      ]}
    >
      {/* usePermission caches answers in SWR: a fresh cache per test, per user. */}
      <SWRConfig value={{ provider: () => new Map() }}>
        <EntityProvider entity={taxiFareEntity}>{element}</EntityProvider>
      </SWRConfig>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function promotionApi() {
  const api = mockAzureMlApi();
  api.getPromotionSettings.mockResolvedValue(settings);
  api.getModelVersions.mockResolvedValue({
    items: [
      ...devVersions,
      {
        ...champion,
        tags: { 'azure-ml-portal.promoted-from': 'mlr-dev/taxi-fare-model/2' },
      },
    ],
  });
  return api;
}

const versionsCard = (
  <ModelVersionsCard
    entityRef={taxiFareRef}
    annotations={{ models: ['taxi-fare-model'] }}
  />
);

describe('Promote on the model versions', () => {
  it('offers Promote on dev versions only and shows where a prod version came from', async () => {
    await render(versionsCard, promotionApi(), OWNER, [
      'azure-ml.model.promote',
    ]);
    const promote9 = await screen.findByRole('button', {
      name: 'Promote taxi-fare-model v9 to prod',
    });
    // Disabled while the permission is being checked, then enabled.
    await waitFor(() => expect(promote9).toBeEnabled());
    expect(
      screen.getByRole('button', {
        name: 'Promote taxi-fare-model v8 to prod',
      }),
    ).toBeEnabled();
    const prodRow = screen.getByText('taxi-fare-train-2').closest('tr')!;
    expect(
      within(prodRow).queryByRole('button', { name: /Promote/ }),
    ).toBeNull();
    expect(within(prodRow).getByText('from dev v2')).toBeInTheDocument();
    // Absolute dates, not "last month".
    expect(
      within(prodRow).getByText('2026-11-12 10:00 UTC'),
    ).toBeInTheDocument();
  });

  it('disables Promote with the reason when the user may not promote', async () => {
    await render(versionsCard, promotionApi(), 'user:default/sam.stranger', []);
    const promote = await screen.findByRole('button', {
      name: 'Promote taxi-fare-model v9 to prod',
    });
    await waitFor(() => expect(promote).toBeDisabled());
    fireEvent.mouseOver(promote.parentElement!);
    expect(
      await screen.findByText(
        /You may not promote the models of component:default\/taxi-fare/,
      ),
    ).toBeInTheDocument();
  });

  it('shows no Promote column when promotion is not configured', async () => {
    const api = promotionApi();
    api.getPromotionSettings.mockResolvedValue(undefined);
    await render(versionsCard, api, OWNER, ['azure-ml.model.promote']);
    await screen.findByText('taxi-fare-train-9');
    expect(screen.queryByRole('button', { name: /Promote/ })).toBeNull();
  });

  it('evaluates, requests with the comment, and follows the request until it ends', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const api = promotionApi();
      api.evaluatePromotion.mockResolvedValue(evaluation);
      api.requestPromotion.mockResolvedValue({
        promotion: promotion(),
        created: true,
      });
      api.getPromotion
        .mockResolvedValueOnce(
          promotion({ state: 'running', attempts: 1, decidedBy: APPROVER }),
        )
        .mockResolvedValue(
          promotion({
            state: 'succeeded',
            attempts: 1,
            decidedBy: APPROVER,
            previousChampion: '2',
          }),
        );
      await render(versionsCard, api, OWNER, ['azure-ml.model.promote']);
      fireEvent.click(
        await screen.findByRole('button', {
          name: 'Promote taxi-fare-model v9 to prod',
        }),
      );
      const dialog = await screen.findByRole('dialog');
      expect(
        within(dialog).getByText('Promote taxi-fare-model v9 from dev to prod'),
      ).toBeInTheDocument();
      // Metrics side by side with the difference, and each rule with both values.
      const metrics = await within(dialog).findByRole('table', {
        name: 'Metrics of the candidate and the champion',
      });
      const rmse = within(metrics).getByText('rmse').closest('tr')!;
      expect(within(rmse).getByText('2.800')).toBeInTheDocument();
      expect(within(rmse).getByText('3')).toBeInTheDocument();
      expect(within(rmse).getByText('-0.2000')).toBeInTheDocument();
      const rules = within(dialog).getByRole('table', {
        name: 'Promotion policy',
      });
      expect(within(rules).getAllByTestId('policy-rule-passed')).toHaveLength(
        2,
      );
      expect(api.evaluatePromotion).toHaveBeenCalledWith({
        entityRef: ENTITY,
        model: 'taxi-fare-model',
        version: '9',
      });

      fireEvent.change(
        within(dialog).getByLabelText(/Comment for the approver/),
        {
          target: { value: '  beats the champion  ' },
        },
      );
      fireEvent.click(
        within(dialog).getByRole('button', { name: 'Request promotion' }),
      );
      expect(
        await within(dialog).findByTestId('promotion-state-pending_approval'),
      ).toBeInTheDocument();
      expect(api.requestPromotion).toHaveBeenCalledWith({
        entityRef: ENTITY,
        model: 'taxi-fare-model',
        version: '9',
        comment: 'beats the champion',
      });
      expect(
        within(dialog).getByText(
          /A second person from the approvers must approve it/,
        ),
      ).toBeInTheDocument();

      await act(() => jest.advanceTimersByTimeAsync(2000));
      expect(
        await within(dialog).findByTestId('promotion-state-running'),
      ).toBeInTheDocument();
      await act(() => jest.advanceTimersByTimeAsync(2000));
      expect(
        await within(dialog).findByTestId('promotion-state-succeeded'),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByText(
          "taxi-fare-model v9 in prod is the champion. Deploy it with the project's deploy workflow, which reads the champion.",
        ),
      ).toBeInTheDocument();
      expect(
        within(dialog).getByRole('link', {
          name: /Open taxi-fare-model v9 in Azure ML studio/,
        }),
      ).toHaveAttribute('href', promotion().targetStudioUrl);
      // Ended: no more reads.
      await act(() => jest.advanceTimersByTimeAsync(10000));
      expect(api.getPromotion).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows a new request in the history at once, and the new prod version once it ends', async () => {
    const api = promotionApi();
    api.evaluatePromotion.mockResolvedValue(evaluation);
    api.requestPromotion.mockResolvedValue({
      promotion: promotion({ state: 'approved' }),
      created: true,
    });
    api.getPromotion.mockResolvedValue(promotion({ state: 'succeeded' }));
    await render(
      <PromotionEventsProvider>
        {versionsCard}
        <PromotionHistoryCard
          entityRef={ENTITY}
          annotations={{ models: ['taxi-fare-model'] }}
        />
      </PromotionEventsProvider>,
      api,
      OWNER,
      ['azure-ml.model.promote'],
    );
    expect(await screen.findByText('No promotions yet')).toBeInTheDocument();
    const versionReads = api.getModelVersions.mock.calls.length;
    api.listPromotions.mockResolvedValue({
      items: [promotion({ state: 'approved' })],
    });
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Promote taxi-fare-model v9 to prod',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('table', { name: 'Promotion policy' });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    );
    // The history reads again as soon as the request is made…
    // (behind the modal dialog, so hidden from the accessibility tree meanwhile)
    const history = screen.getByRole('region', {
      name: 'Promotions',
      hidden: true,
    });
    expect(
      await within(history).findByTestId('promotion-state-approved'),
    ).toBeInTheDocument();
    // …and the versions once the dialog saw it end (polled every 2 s).
    await within(dialog).findByTestId(
      'promotion-state-succeeded',
      {},
      { timeout: 5000 },
    );
    await waitFor(() =>
      expect(api.getModelVersions.mock.calls.length).toBeGreaterThan(
        versionReads,
      ),
    );
  });

  it("ends showing ARM's message when the promotion fails", async () => {
    const api = promotionApi();
    api.evaluatePromotion.mockResolvedValue(evaluation);
    api.requestPromotion.mockResolvedValue({
      promotion: promotion({ state: 'running', attempts: 3 }),
      created: false,
    });
    api.getPromotion.mockResolvedValue(
      promotion({
        state: 'failed',
        attempts: 3,
        lastError:
          'Azure Resource Manager failed writing version 9 of model taxi-fare-model in registry mlr-prod: the operation ended failed: quota exceeded',
      }),
    );
    await render(versionsCard, api, OWNER, ['azure-ml.model.promote']);
    const promote = await screen.findByRole('button', {
      name: 'Promote taxi-fare-model v9 to prod',
    });
    await waitFor(() => expect(promote).toBeEnabled());
    fireEvent.click(promote);
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('table', { name: 'Promotion policy' });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    );
    // An active request already existed: the dialog says so and follows that one.
    // It names the requester as a person reads it, not as an entity ref.
    expect(
      await within(dialog).findByText(
        /A request for this version\s+was already active/,
      ),
    ).toHaveTextContent(
      /was already active \(requested by\s+olivia\.owner\s*\); this is its progress/,
    );
    expect(
      await within(dialog).findByTestId(
        'promotion-state-failed',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        /It failed: .*the operation ended failed: quota exceeded/,
      ),
    ).toBeInTheDocument();
  });

  it('blocks the request when the policy fails, naming the rule', async () => {
    const api = promotionApi();
    api.evaluatePromotion.mockResolvedValue({
      ...evaluation,
      passed: false,
      rules: [
        {
          ...evaluation.rules[0],
          candidate: 3.4,
          passed: false,
          reason: '3.4 > 3 (tolerance 0)',
        },
      ],
    });
    await render(versionsCard, api, OWNER, ['azure-ml.model.promote']);
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Promote taxi-fare-model v8 to prod',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('3.4 > 3 (tolerance 0)'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/The policy blocks this version/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Request promotion' }),
    ).toBeDisabled();
  });
});

describe('Approvals and history', () => {
  it('lets an approver approve with a comment, and not the requester', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(settings);
    api.listPromotions.mockResolvedValue({ items: [promotion()] });
    api.approvePromotion.mockResolvedValue(
      promotion({ state: 'approved', decidedBy: APPROVER }),
    );
    await render(<ApprovalsContent />, api, APPROVER, [
      'azure-ml.promotion.approve',
    ]);
    expect(api.listPromotions).toHaveBeenCalledWith(
      expect.objectContaining({ state: 'pending_approval' }),
    );
    const approve = await screen.findByRole('button', {
      name: 'Approve the promotion of taxi-fare-model v9 to prod',
    });
    await waitFor(() => expect(approve).toBeEnabled());
    fireEvent.click(approve);
    const dialog = await screen.findByRole('dialog');
    // The requester by their name, as a person reads it, not as an entity ref.
    expect(within(dialog).getByText(/^Requested by/)).toHaveTextContent(
      /^Requested by\s*olivia\.owner\s*: "better rmse"\./,
    );
    fireEvent.change(
      within(dialog).getByLabelText(/Comment for the requester/),
      {
        target: { value: 'ok' },
      },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api.approvePromotion).toHaveBeenCalledWith(promotion().id, 'ok'),
    );
  });

  it('shows the requester no Approve or Reject, only that another person decides', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(settings);
    api.listPromotions.mockResolvedValue({ items: [promotion()] });
    // The requester is an approver too: four eyes still hide the decision from them.
    await render(<ApprovalsContent />, api, OWNER, [
      'azure-ml.promotion.approve',
    ]);
    expect(
      await screen.findByText(
        'Waiting for another approver — you requested this',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: 'Approve the promotion of taxi-fare-model v9 to prod',
      }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', {
        name: 'Reject the promotion of taxi-fare-model v9 to prod',
      }),
    ).not.toBeInTheDocument();
  });

  it('disables Approve and Reject with the reason for a user without the approve permission', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(settings);
    api.listPromotions.mockResolvedValue({ items: [promotion()] });
    await render(<ApprovalsContent />, api, APPROVER, []);
    const approve = await screen.findByRole('button', {
      name: 'Approve the promotion of taxi-fare-model v9 to prod',
    });
    await waitFor(() => expect(approve).toBeDisabled());
    expect(
      screen.getByRole('button', {
        name: 'Reject the promotion of taxi-fare-model v9 to prod',
      }),
    ).toBeDisabled();
    fireEvent.mouseOver(approve.parentElement!);
    expect(
      await screen.findByText(/^You may not approve promotions of/),
    ).toBeInTheDocument();
  });

  it('shows the decision error the backend names, and keeps the dialog open', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(settings);
    api.listPromotions.mockResolvedValue({ items: [promotion()] });
    api.rejectPromotion.mockRejectedValue(
      new Error(
        'Promotion 6a1f3c1e-0000-4000-8000-000000000001 is approved, not pending approval',
      ),
    );
    await render(<ApprovalsContent />, api, APPROVER, [
      'azure-ml.promotion.approve',
    ]);
    const reject = await screen.findByRole('button', {
      name: 'Reject the promotion of taxi-fare-model v9 to prod',
    });
    await waitFor(() => expect(reject).toBeEnabled());
    fireEvent.click(reject);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(
      await within(dialog).findByText(/is approved, not pending approval/),
    ).toBeInTheDocument();
  });

  it('lists the history with who, what, policy and state, and rolls back after confirmation', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(settings);
    api.listPromotions.mockResolvedValue({
      items: [
        promotion({
          state: 'succeeded',
          decidedBy: APPROVER,
          decisionComment: 'fine',
          previousChampion: '2',
          attempts: 1,
        }),
      ],
    });
    api.rollback.mockRejectedValue(
      new Error(
        'No promotion of taxi-fare-model recorded an earlier champion to return to',
      ),
    );
    await render(
      <PromotionHistoryCard
        entityRef={ENTITY}
        annotations={{ models: ['taxi-fare-model'] }}
      />,
      api,
      OWNER,
      ['azure-ml.promotion.rollback'],
    );
    const row = (
      await screen.findByTestId('promotion-state-succeeded')
    ).closest('tr')!;
    expect(
      within(row).getByText('2026-12-01 10:00 UTC', { selector: 'p' }),
    ).toBeInTheDocument();
    // People link to their catalog pages.
    expect(
      within(row).getByRole('link', { name: 'olivia.owner' }),
    ).toHaveAttribute('href', '/catalog/default/user/olivia.owner');
    expect(within(row).getByText('dev → prod v9')).toBeInTheDocument();
    expect(within(row).getByText('champion was v2')).toBeInTheDocument();
    expect(within(row).getByText('passed')).toBeInTheDocument();
    expect(
      within(row).getByRole('link', { name: 'arno.approver' }),
    ).toHaveAttribute('href', '/catalog/default/user/arno.approver');
    expect(within(row).getByText(/approved by/)).toHaveTextContent(
      'approved by arno.approver: “fine”',
    );

    const rollback = screen.getByRole('button', {
      name: 'Roll back the prod champion of taxi-fare-model',
    });
    await waitFor(() => expect(rollback).toBeEnabled());
    fireEvent.click(rollback);
    const dialog = await screen.findByRole('dialog');
    expect(api.rollback).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    expect(
      await within(dialog).findByText(
        'No promotion of taxi-fare-model recorded an earlier champion to return to',
      ),
    ).toBeInTheDocument();
    expect(api.rollback).toHaveBeenCalledWith({
      entityRef: ENTITY,
      model: 'taxi-fare-model',
    });
  });
});
