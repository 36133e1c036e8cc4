import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  champion,
  devVersions,
  mockAzureMlApi,
  modelVersion,
  promotionSettings,
  taxiFareEntity,
  taxiFareRef,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import {
  formatPromotedFrom,
  PROMOTED_FROM_TAG,
} from '@internal/plugin-azure-ml-common';
import { ModelVersionsCard } from './ModelVersionsCard';

const annotations = { models: ['taxi-fare-model'] };

function renderCard(api = mockAzureMlApi(), pageSize?: number) {
  return renderWithApi(
    <ModelVersionsCard
      entityRef={taxiFareRef}
      annotations={annotations}
      pageSize={pageSize}
    />,
    api,
    taxiFareEntity,
  );
}

describe('ModelVersionsCard', () => {
  it('shows progress while the first page loads', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockReturnValue(new Promise(() => {}));
    await renderCard(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows an empty state when there are no versions', async () => {
    await renderCard();
    expect(await screen.findByText('No model versions')).toBeInTheDocument();
    expect(
      screen.getByText('No versions of taxi-fare-model in the registries.'),
    ).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockRejectedValue(new Error('ARM throttled us'));
    await renderCard(api);
    expect(
      await screen.findByText('Error: ARM throttled us', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('lists versions with environment, champion alias and metrics compared with the champion', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockImplementation(async (_ref, query) =>
      query?.environment === 'prod'
        ? { items: [champion] }
        : {
            items: query?.environment
              ? devVersions
              : [...devVersions, champion],
          },
    );
    await renderCard(api);

    const row9 = (await screen.findByText('taxi-fare-train-9')).closest('tr')!;
    // v9: rmse 2.8 < 3.0 and r2 0.87 > 0.85 are better, mae 2.2 > 2.0 is worse.
    await waitFor(() =>
      expect(within(row9).getByText('2.800')).toHaveAttribute(
        'data-comparison',
        'better',
      ),
    );
    expect(within(row9).getByText('0.8700')).toHaveAttribute(
      'data-comparison',
      'better',
    );
    expect(within(row9).getByText('2.200')).toHaveAttribute(
      'data-comparison',
      'worse',
    );
    expect(within(row9).getByText('dev')).toBeInTheDocument();

    const championRow = screen.getByText('taxi-fare-train-2').closest('tr')!;
    expect(within(championRow).getByText('champion')).toBeInTheDocument();
    expect(within(championRow).getByText('prod')).toBeInTheDocument();
    // The champion is not compared with itself.
    expect(within(championRow).getByText('3')).not.toHaveAttribute(
      'data-comparison',
    );
    expect(
      screen.getByRole('link', { name: /taxi-fare-train-9/ }),
    ).toHaveAttribute('href', 'https://ml.azure.com/runs/taxi-fare-train-9');
  });

  it('pages with the server cursor and back', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockImplementation(async (_ref, query) => {
      if (query?.limit === 50) {
        return { items: [] }; // the trend sample
      }
      return query?.cursor === 'page-2'
        ? { items: [modelVersion({ version: '3' })] }
        : { items: [modelVersion({ version: '5' })], nextCursor: 'page-2' };
    });
    await renderCard(api, 5);

    expect(await screen.findByText('taxi-fare-train-5')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('taxi-fare-train-3')).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(api.getModelVersions).toHaveBeenCalledWith(taxiFareRef, {
      environment: undefined,
      cursor: 'page-2',
      limit: 5,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('taxi-fare-train-5')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('filters by environment on the server and starts again at page 1', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockResolvedValue({
      items: devVersions,
      nextCursor: 'next',
    });
    await renderCard(api);
    await screen.findByText('taxi-fare-train-9');
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Page 2');

    fireEvent.mouseDown(
      screen.getByRole('button', { name: /All environments/ }),
    );
    fireEvent.click(await screen.findByRole('option', { name: 'prod' }));

    await waitFor(() =>
      expect(api.getModelVersions).toHaveBeenLastCalledWith(taxiFareRef, {
        environment: 'prod',
        cursor: undefined,
        limit: 10,
      }),
    );
    expect(await screen.findByText('Page 1')).toBeInTheDocument();
  });

  it('shows each dev version beside its prod copy, paired through the lineage tag', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(promotionSettings);
    const copyOf9 = modelVersion({
      version: '9',
      environment: 'prod',
      aliases: ['champion'],
      createdAt: '2026-11-30T08:00:00Z',
      tags: {
        [PROMOTED_FROM_TAG]: formatPromotedFrom({
          registry: 'mlr-dev',
          model: 'taxi-fare-model',
          version: '9',
        }),
      },
      studioUrl: 'https://ml.azure.com/models/prod/9',
    });
    // A prod version 8 from another job (no lineage) is not dev v8's copy.
    const unrelated8 = modelVersion({
      version: '8',
      environment: 'prod',
      jobName: 'another-job',
    });
    api.getModelVersions.mockImplementation(async (_ref, query) => {
      if (query?.environment === 'prod') {
        return { items: [copyOf9, unrelated8] };
      }
      return { items: query?.environment === 'dev' ? devVersions : [] };
    });
    await renderCard(api);

    fireEvent.mouseDown(
      await screen.findByRole('button', { name: /One list/ }),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'dev beside prod' }),
    );

    expect(
      await screen.findByRole('columnheader', { name: 'In prod' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: 'dev version' }),
    ).toBeInTheDocument();
    // No dev version has an alias or a stage: the copy's column shows the champion instead.
    expect(
      screen.queryByRole('columnheader', { name: 'Aliases' }),
    ).not.toBeInTheDocument();
    // The environment filter gives way: the view is dev's versions.
    expect(
      screen.queryByRole('button', { name: /All environments/ }),
    ).not.toBeInTheDocument();
    expect(api.getModelVersions).toHaveBeenCalledWith(taxiFareRef, {
      environment: 'dev',
      cursor: undefined,
      limit: 10,
    });
    expect(api.getModelVersions).toHaveBeenCalledWith(taxiFareRef, {
      environment: 'prod',
      cursor: undefined,
      limit: 100,
    });

    const row9 = (await screen.findByText('taxi-fare-train-9')).closest('tr')!;
    await waitFor(() =>
      expect(within(row9).getByText('v9')).toBeInTheDocument(),
    );
    expect(within(row9).getByText('champion')).toBeInTheDocument();
    expect(
      within(row9).getByTitle(
        'Open taxi-fare-model v9 (prod) in Azure ML studio',
      ),
    ).toBeInTheDocument();
    expect(within(row9).getByText(/^copied /)).toBeInTheDocument();
    const row8 = screen.getByText('taxi-fare-train-8').closest('tr')!;
    expect(within(row8).getByText('not promoted')).toBeInTheDocument();
    expect(
      within(row8).getByRole('button', { name: /Promote/ }),
    ).toBeInTheDocument();
  });

  it('keeps the rows on screen under a progress bar while the next page loads', async () => {
    const api = mockAzureMlApi();
    let nextPage: (page: {
      items: ReturnType<typeof modelVersion>[];
    }) => void = () => {};
    api.getModelVersions.mockImplementation((_ref, query) => {
      if (query?.cursor === 'page-2') {
        return new Promise(resolve => {
          nextPage = resolve;
        });
      }
      return Promise.resolve({
        items: [modelVersion({ version: '5' })],
        nextCursor: 'page-2',
      });
    });
    await renderCard(api, 5);
    expect(await screen.findByText('taxi-fare-train-5')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByRole('progressbar', { name: 'Loading' }),
    ).toBeInTheDocument();
    expect(screen.getByText('taxi-fare-train-5')).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();

    nextPage({ items: [modelVersion({ version: '3' })] });
    expect(await screen.findByText('taxi-fare-train-3')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('lists only the given environment, without filter or side-by-side view, on a registry page', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockResolvedValue({ items: [champion] });
    await renderWithApi(
      <ModelVersionsCard
        entityRef={taxiFareRef}
        annotations={annotations}
        environment="prod"
      />,
      api,
      taxiFareEntity,
    );
    expect(await screen.findByText('taxi-fare-train-2')).toBeInTheDocument();
    expect(api.getModelVersions).toHaveBeenCalledWith(taxiFareRef, {
      environment: 'prod',
      cursor: undefined,
      limit: 10,
    });
    expect(
      api.getModelVersions.mock.calls.filter(
        ([, query]) => query?.limit === 10 && query.environment !== 'prod',
      ),
    ).toEqual([]);
    expect(
      screen.queryByRole('button', { name: /All environments/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /One list/ }),
    ).not.toBeInTheDocument();
  });

  it('pairs an untagged prod version by its training job only when the job made exactly one version on each side', async () => {
    const api = mockAzureMlApi();
    api.getPromotionSettings.mockResolvedValue(promotionSettings);
    const dev = [
      modelVersion({ version: '7', jobName: 'job-a' }),
      modelVersion({ version: '6', jobName: 'job-b' }),
      modelVersion({ version: '5', jobName: 'job-b' }),
    ];
    const prod = [
      modelVersion({ version: '3', environment: 'prod', jobName: 'job-a' }),
      modelVersion({ version: '2', environment: 'prod', jobName: 'job-b' }),
    ];
    api.getModelVersions.mockImplementation(async (_ref, query) => ({
      items: query?.environment === 'prod' ? prod : dev,
    }));
    await renderCard(api);
    fireEvent.mouseDown(
      await screen.findByRole('button', { name: /One list/ }),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'dev beside prod' }),
    );
    await screen.findByRole('columnheader', { name: 'In prod' });
    const rowOf = async (version: string) =>
      (
        await screen.findByTitle(
          `Open taxi-fare-model v${version} (dev) in Azure ML studio`,
        )
      ).closest('tr')!;
    const row7 = await rowOf('7');
    await waitFor(() =>
      expect(within(row7).getByText('v3')).toBeInTheDocument(),
    );
    expect(
      within(row7).getByText(/^same job, registered /),
    ).toBeInTheDocument();
    // job-b made two dev versions: prod v2 is not paired with either.
    for (const version of ['6', '5']) {
      expect(
        within(await rowOf(version)).getByText('not promoted'),
      ).toBeInTheDocument();
    }
  });
});
