import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  champion,
  devVersions,
  mockAzureMlApi,
  modelVersion,
  taxiFareEntity,
  taxiFareRef,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
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
});
