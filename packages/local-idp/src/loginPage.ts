import { LocalAccount } from './accounts';

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[
        c
      ]!),
  );
}

/**
 * The login form of an interaction: user name (with the local accounts offered), password,
 * and the error of a previous attempt.
 */
export function renderLoginPage(options: {
  action: string;
  clientName: string;
  accounts: readonly LocalAccount[];
  username?: string;
  error?: string;
}): string {
  const { action, clientName, accounts, username = '', error } = options;
  const rows = accounts
    .map(
      a =>
        `<li><code>${escapeHtml(a.username)}</code> — ${escapeHtml(
          a.name,
        )}, ${escapeHtml(a.role)}</li>`,
    )
    .join('');
  const choices = accounts
    .map(a => `<option value="${escapeHtml(a.username)}"></option>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local sign-in</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f5f5f5; margin: 0; }
  main { max-width: 30rem; margin: 4rem auto; background: #fff; padding: 2rem;
         border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; margin-top: .25rem; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; background: #1f5493;
           color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #b00020; margin-top: 1rem; }
  .note { color: #555; font-size: .9rem; }
  ul { padding-left: 1.2rem; }
</style>
</head>
<body>
<main>
  <h1>Local sign-in</h1>
  <p>Sign in to <strong>${escapeHtml(
    clientName,
  )}</strong> as one of the local people:</p>
  <ul>${rows}</ul>
  <p class="note">Development only: these accounts and their passwords (README, “Sign-in”)
  exist on this machine alone.</p>
  <form method="post" action="${escapeHtml(action)}" autocomplete="off">
    <label for="username">User name</label>
    <input id="username" name="username" list="local-accounts" required autofocus
           value="${escapeHtml(username)}">
    <datalist id="local-accounts">${choices}</datalist>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" required>
    ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
    <button type="submit">Sign in</button>
  </form>
</main>
</body>
</html>`;
}
