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

  it('on a discovered model shows its versions, and neither runs without an experiment nor DNS', async () => {
    const api = mockAzureMlApi();
    api.getModelVersions.mockResolvedValue({ items: devVersions });
    await renderWithApi(<AzureMlContent />, api, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'taxi-fare-model',
        annotations: {
          'ml.azure.com/models': 'taxi-fare-model',
          'ml.azure.com/environments': 'dev,prod',
        },
      },
      spec: { type: 'ai-model', owner: 'group:default/ml-engineers' },
    });
    expect(await screen.findByText('taxi-fare-train-9')).toBeInTheDocument();
    expect(await screen.findByText('Registries')).toBeInTheDocument();
    expect(screen.queryByText('Pipeline runs')).not.toBeInTheDocument();
    expect(screen.queryByText(/DNS validation/)).not.toBeInTheDocument();
    expect(api.getPipelineRuns).not.toHaveBeenCalled();
  });
});
