import { screen } from '@testing-library/react';
import {
  champion,
  devVersions,
  mockAzureMlApi,
  pipelineRun,
  taxiFareEntity,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { AzureMlContent } from './AzureMlContent';

describe('AzureMlContent', () => {
  it('names the missing ml.azure.com/models annotation', async () => {
    const api = mockAzureMlApi();
    await renderWithApi(<AzureMlContent />, api, {
      ...taxiFareEntity,
      metadata: { name: 'plain' },
    });
    expect(
      await screen.findByText('ml.azure.com/models', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(api.getModelVersions).not.toHaveBeenCalled();
  });

  it('explains a malformed annotation', async () => {
    await renderWithApi(<AzureMlContent />, mockAzureMlApi(), {
      ...taxiFareEntity,
      metadata: {
        name: 'bad',
        annotations: { 'ml.azure.com/models': 'taxi fare!' },
      },
    });
    expect(
      await screen.findByText(/Invalid Azure ML annotation/),
    ).toBeInTheDocument();
    expect(screen.getByText(/invalid value 'taxi fare!'/)).toBeInTheDocument();
  });

  it('shows environments, model versions, trend, runs, registries and DNS validation', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockImplementation(async (_ref, query) => ({
      items: query?.environment === 'prod' ? [champion] : devVersions,
    }));
    api.getPipelineRuns.mockResolvedValue({
      items: [pipelineRun({ id: 'run-1' })],
    });
    await renderWithApi(<AzureMlContent />, api);
    for (const title of [
      'Environments',
      'Model versions',
      'Metric trend',
      'Pipeline runs',
      'Registries',
      'DNS validation · dev',
      'DNS validation · prod',
    ]) {
      expect(await screen.findByText(title)).toBeInTheDocument();
    }
    expect(await screen.findByText('taxi-fare-train-9')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: /^run-1/ }),
    ).toBeInTheDocument();
    expect(await screen.findByText('pe-mlr-dev: Approved')).toBeInTheDocument();
  });
});
