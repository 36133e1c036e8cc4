import { screen } from '@testing-library/react';

/**
 * The card titled `title`: the `section` that names the card after its title (see
 * `AzureMlCard`). Text queries, as role queries over a whole tab are slow in jsdom.
 */
export function cardTitled(title: string): HTMLElement {
  const section = screen.getByText(title).closest('section');
  expect(section).toHaveAccessibleName(title);
  return section!;
}

/** Waits for the card titled `title` to render, for up to `timeout` ms (a ceiling). */
export async function findCardTitled(
  title: string,
  timeout?: number,
): Promise<HTMLElement> {
  await screen.findByText(title, undefined, timeout ? { timeout } : undefined);
  return cardTitled(title);
}
