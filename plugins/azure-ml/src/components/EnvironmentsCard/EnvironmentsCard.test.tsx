import { screen } from '@testing-library/react';
import { mockAzureMlApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { EnvironmentsCard } from './EnvironmentsCard';

describe('EnvironmentsCard', () => {
  it('shows progress while loading', async () => {
    const api = mockAzureMlApi();
    api.getEnvironments.mockReturnValue(new Promise(() => {}));
    await renderWithApi(<EnvironmentsCard />, api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    const api = mockAzureMlApi();
    api.getEnvironments.mockRejectedValue(new Error('no config'));
    await renderWithApi(<EnvironmentsCard />, api);
    expect(
      await screen.findByText('Error: no config', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state when none of the entity environments is configured', async () => {
    await renderWithApi(<EnvironmentsCard only={['test']} />, mockAzureMlApi());
    expect(
      await screen.findByText('No Azure ML environments'),
    ).toBeInTheDocument();
  });

  it('shows one row per environment with workspace, registry, region, network and studio link', async () => {
    await renderWithApi(<EnvironmentsCard />, mockAzureMlApi());
    expect(await screen.findByText('mlw-dev')).toBeInTheDocument();
    expect(screen.getByText('mlr-prod')).toBeInTheDocument();
    expect(screen.getAllByText('westeurope')).toHaveLength(2);
    expect(screen.getAllByText('private')).toHaveLength(2);
    expect(
      screen.getAllByRole('link', { name: /Open workspace/ })[0],
    ).toHaveAttribute('href', 'https://ml.azure.com/?wsid=dev');
  });

  it('keeps to the environments of the entity', async () => {
    await renderWithApi(<EnvironmentsCard only={['prod']} />, mockAzureMlApi());
    expect(await screen.findByText('mlw-prod')).toBeInTheDocument();
    expect(screen.queryByText('mlw-dev')).not.toBeInTheDocument();
  });
});
