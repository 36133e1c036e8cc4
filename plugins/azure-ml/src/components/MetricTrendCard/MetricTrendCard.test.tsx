import { fireEvent, screen } from '@testing-library/react';
import {
  champion,
  devVersions,
  mockAzureMlApi,
  taxiFareRef,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { MetricTrendCard } from './MetricTrendCard';

const annotations = { models: ['taxi-fare-model'] };

describe('MetricTrendCard', () => {
  it('shows progress while loading', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockReturnValue(new Promise(() => {}));
    await renderWithApi(
      <MetricTrendCard entityRef={taxiFareRef} annotations={annotations} />,
      api,
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockRejectedValue(new Error('registry gone'));
    await renderWithApi(
      <MetricTrendCard entityRef={taxiFareRef} annotations={annotations} />,
      api,
    );
    expect(
      await screen.findByText('Error: registry gone', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state without versions', async () => {
    await renderWithApi(
      <MetricTrendCard entityRef={taxiFareRef} annotations={annotations} />,
      mockAzureMlApi(),
    );
    expect(
      await screen.findByText('No model versions to chart'),
    ).toBeInTheDocument();
  });

  it('charts the newest versions of each environment and names the champion', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockImplementation(async (_ref, query) => ({
      items: query?.environment === 'prod' ? [champion] : devVersions,
    }));
    await renderWithApi(
      <MetricTrendCard entityRef={taxiFareRef} annotations={annotations} />,
      api,
    );
    expect(
      await screen.findByText('taxi-fare-model: rmse (lower is better)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Champion: v2 (prod), rmse 3', { exact: false }),
    ).toBeInTheDocument();
    expect(api.getModelVersions).toHaveBeenCalledWith(taxiFareRef, {
      environment: 'dev',
      limit: 50,
    });
    expect(api.getModelVersions).toHaveBeenCalledWith(taxiFareRef, {
      environment: 'prod',
      limit: 50,
    });

    fireEvent.click(screen.getByRole('button', { name: 'r2' }));
    expect(
      await screen.findByText('taxi-fare-model: r2 (higher is better)'),
    ).toBeInTheDocument();
  });
});
