import { AzureMlAnnotations } from '@internal/plugin-azure-ml-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  mockAzureMlApi,
  pipelineRun,
  taxiFareRef,
} from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { PipelineRunsCard } from './PipelineRunsCard';

const annotations: AzureMlAnnotations = {
  models: ['taxi-fare-model'],
  experiment: 'taxi-fare-train',
};

function renderCard(api = mockAzureMlApi(), props = { annotations }) {
  return renderWithApi(
    <PipelineRunsCard entityRef={taxiFareRef} {...props} />,
    api,
  );
}

describe('PipelineRunsCard', () => {
  it('shows progress while the first page loads', async () => {
    const api = mockAzureMlApi();
    api.getPipelineRuns.mockReturnValue(new Promise(() => {}));
    await renderCard(api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows an empty state when there are no runs', async () => {
    await renderCard();
    expect(await screen.findByText('No pipeline runs')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    const api = mockAzureMlApi();
    api.getPipelineRuns.mockRejectedValue(new Error('workspace unreachable'));
    await renderCard(api);
    expect(
      await screen.findByText('Error: workspace unreachable', {
        selector: 'h6',
      }),
    ).toBeInTheDocument();
  });

  it('names the missing experiment annotation without calling the backend', async () => {
    const api = mockAzureMlApi();
    await renderCard(api, { annotations: { models: ['taxi-fare-model'] } });
    expect(
      await screen.findByText('ml.azure.com/experiment', { selector: 'code' }),
    ).toBeInTheDocument();
    expect(api.getPipelineRuns).not.toHaveBeenCalled();
  });

  it('lists runs with status, submission time, defined steps and studio links', async () => {
    const api = mockAzureMlApi();
    api.getPipelineRuns.mockResolvedValue({
      items: [
        pipelineRun({ id: 'run-ok' }),
        pipelineRun({
          id: 'run-failed',
          status: 'Failed',
          steps: [
            { name: 'transform' },
            { name: 'train', displayName: 'Train model' },
          ],
        }),
      ],
    });
    await renderCard(api);

    expect(
      await screen.findByRole('columnheader', { name: 'Submitted' }),
    ).toBeInTheDocument();
    const okRow = (
      await screen.findByRole('link', { name: /^run-ok/ })
    ).closest('tr')!;
    expect(within(okRow).getByText('Completed')).toBeInTheDocument();
    expect(within(okRow).getByText('2026-11-20 10:00 UTC')).toBeInTheDocument();
    expect(within(okRow).getByText('taxi-fare-train')).toBeInTheDocument();
    expect(within(okRow).getByText('score')).toBeInTheDocument();

    const failedRow = screen
      .getByRole('link', { name: /^run-failed/ })
      .closest('tr')!;
    expect(within(failedRow).getByText('Failed')).toBeInTheDocument();
    // Steps are the pipeline's definitions: names only, no per-step status or duration.
    expect(within(failedRow).getByTitle('transform')).toHaveTextContent(
      /^transform$/,
    );
    expect(within(failedRow).getByTitle('Train model (train)')).toBeVisible();
    expect(within(failedRow).queryByText(/NotStarted|\d+m \d+s/)).toBeNull();
    expect(
      within(failedRow).getByRole('link', {
        name: /Open run run-failed in Azure ML studio/,
      }),
    ).toHaveAttribute('href', 'https://ml.azure.com/runs/run-failed');
  });

  it('pages with the server cursor', async () => {
    const api = mockAzureMlApi();
    api.getPipelineRuns.mockImplementation(async (_ref, query) =>
      query?.cursor
        ? { items: [pipelineRun({ id: 'run-older' })] }
        : { items: [pipelineRun({ id: 'run-newer' })], nextCursor: 'c2' },
    );
    await renderCard(api);
    await screen.findByRole('link', { name: /^run-newer/ });
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByRole('link', { name: /^run-older/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(api.getPipelineRuns).toHaveBeenLastCalledWith(taxiFareRef, {
      status: undefined,
      cursor: 'c2',
      limit: 10,
    });
  });

  it('filters by status on the server', async () => {
    const api = mockAzureMlApi();
    api.getPipelineRuns.mockResolvedValue({
      items: [pipelineRun({ id: 'run-ok' })],
    });
    await renderCard(api);
    await screen.findByRole('link', { name: /^run-ok/ });
    fireEvent.mouseDown(screen.getByRole('button', { name: /All statuses/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    await waitFor(() =>
      expect(api.getPipelineRuns).toHaveBeenLastCalledWith(taxiFareRef, {
        status: 'Failed',
        cursor: undefined,
        limit: 10,
      }),
    );
  });

  it("asks only for the runs of one environment's workspace when given one", async () => {
    const api = mockAzureMlApi();
    await renderWithApi(
      <PipelineRunsCard
        entityRef={taxiFareRef}
        annotations={annotations}
        environment="prod"
      />,
      api,
    );
    expect(
      await screen.findByText('No runs of experiment taxi-fare-train in prod.'),
    ).toBeInTheDocument();
    expect(api.getPipelineRuns).toHaveBeenCalledWith(taxiFareRef, {
      environment: 'prod',
      status: undefined,
      cursor: undefined,
      limit: 10,
    });
  });
});
