import { screen, within } from '@testing-library/react';
import { mockAzureMlApi } from '../../__testUtils__/fixtures';
import { renderWithApi } from '../../__testUtils__/render';
import { RegistriesCard } from './RegistriesCard';

describe('RegistriesCard', () => {
  it('shows progress while loading', async () => {
    const api = mockAzureMlApi();
    api.getRegistries.mockReturnValue(new Promise(() => {}));
    await renderWithApi(<RegistriesCard />, api);
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error of a failed request', async () => {
    const api = mockAzureMlApi();
    api.getRegistries.mockRejectedValue(new Error('forbidden'));
    await renderWithApi(<RegistriesCard />, api);
    expect(
      await screen.findByText('Error: forbidden', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state without registries', async () => {
    const api = mockAzureMlApi();
    api.getRegistries.mockResolvedValue({ items: [] });
    await renderWithApi(<RegistriesCard />, api);
    expect(
      await screen.findByText('No Azure ML registries'),
    ).toBeInTheDocument();
  });

  it('shows regions, public network access and private endpoint states', async () => {
    await renderWithApi(<RegistriesCard />, mockAzureMlApi());
    const devRow = (
      await screen.findByRole('link', { name: /mlr-dev/ })
    ).closest('tr')!;
    expect(within(devRow).getByText('northeurope')).toBeInTheDocument();
    expect(within(devRow).getByText('Disabled')).toBeInTheDocument();
    expect(
      within(devRow).getByText('pe-mlr-dev: Approved'),
    ).toBeInTheDocument();

    const prodRow = screen
      .getByRole('link', { name: /mlr-prod/ })
      .closest('tr')!;
    expect(within(prodRow).getByText('Enabled')).toBeInTheDocument();
    expect(
      within(prodRow).getByText('pe-mlr-prod: Pending'),
    ).toBeInTheDocument();
  });
});
