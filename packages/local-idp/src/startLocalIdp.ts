import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import Provider, { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { LOCAL_ACCOUNTS, LocalAccount, verifyLocalAccount } from './accounts';
import { renderLoginPage } from './loginPage';

/**
 * A client (relying party) of the local IdP.
 *
 * @public
 */
export interface LocalIdpClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Shown on the login form. */
  name: string;
}

/** @public */
export interface LocalIdpOptions {
  /** Interface to bind: only loopback (`127.0.0.1`, `::1`, `localhost`) is accepted. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  clients: LocalIdpClient[];
  accounts?: readonly LocalAccount[];
}

/** @public */
export interface LocalIdp {
  /** The issuer, e.g. `http://localhost:7072`; discovery is under `/.well-known/openid-configuration`. */
  issuer: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

/**
 * The portal's sign-in configuration asks for these scopes; each gives the claims of the
 * ID token and userinfo.
 */
const CLAIMS = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  profile: ['name', 'preferred_username'],
};

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', chunk => {
      body += chunk;
      if (body.length > 10_000) {
        reject(new Error('login form too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

function send(
  res: http.ServerResponse,
  status: number,
  contentType: string,
  body: string,
) {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * Starts an OpenID Connect provider (panva's `oidc-provider`) with a login form for the local
 * accounts: authorization code flow with PKCE, refresh tokens for the portal's session, ID
 * tokens and userinfo with `sub`, `email`, `preferred_username` and `name`. Consent is implied
 * for the configured clients (first-party: the portal itself). State is in memory: a restart
 * signs everyone out. Refuses to bind to anything but loopback: the accounts' passwords are
 * published in the README.
 *
 * @public
 */
export async function startLocalIdp(
  options: LocalIdpOptions,
): Promise<LocalIdp> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.includes(host)) {
    throw new Error(
      `Refusing to start the local identity provider on '${host}': its accounts have published passwords, so it binds only to localhost (${LOOPBACK_HOSTS.join(
        ', ',
      )})`,
    );
  }
  const accounts = options.accounts ?? LOCAL_ACCOUNTS;
  const clientNames = new Map(options.clients.map(c => [c.clientId, c.name]));

  const signingKey = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  }).privateKey.export({ format: 'jwk' });

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Browsers and the portal's backend both reach it as localhost (cookies are per host name).
  const issuer = `http://localhost:${port}`;

  const configuration: Configuration = {
    clients: options.clients.map(c => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      client_name: c.name,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    })),
    jwks: {
      keys: [{ ...signingKey, kid: randomUUID(), alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: CLAIMS,
    // A working day; everything is in memory anyway (a restart signs everyone out).
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      Interaction: 3600,
      Grant: 8 * 3600,
      Session: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    // The ID token carries the person's claims itself, not only userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction) =>
        `/interaction/${interaction.uid}`,
    },
    // The portal keeps its session with a refresh token (Backstage's refresh route), without
    // asking for offline_access (which needs a consent prompt).
    issueRefreshToken: async (_ctx, client) =>
      client.grantTypeAllowed('refresh_token'),
    // First-party clients only (the portal): their requested OpenID scopes are granted without
    // a consent screen.
    loadExistingGrant: async ctx => {
      const oidc = ctx.oidc;
      const grantId =
        oidc.result?.consent?.grantId ??
        oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({
        clientId: oidc.client!.clientId,
        accountId: oidc.session!.accountId,
      });
      grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const account = accounts.find(a => a.username === sub);
      if (!account) return undefined;
      return {
        accountId: account.username,
        claims: async () => ({
          sub: account.username,
          email: account.email,
          email_verified: true,
          name: account.name,
          preferred_username: account.username,
        }),
      };
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `Sign-in failed: ${out.error}${
        out.error_description ? ` (${out.error_description})` : ''
      }`;
    },
  };
  const provider = new Provider(issuer, configuration);
  // Nothing reaches the server before this: the caller learns the issuer when this resolves.
  server.on('request', (req, res) => {
    handle(provider, req, res).catch(error => {
      if (!res.headersSent) {
        send(res, 500, 'text/plain', `local IdP error: ${error.message}`);
      } else {
        res.destroy();
      }
    });
  });

  async function handle(
    oidc: Provider,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ) {
    const match = /^\/interaction\/([^/?]+)(\/login)?(?:\?.*)?$/.exec(
      req.url ?? '',
    );
    if (!match) {
      oidc.callback()(req, res);
      return;
    }
    let details;
    try {
      details = await oidc.interactionDetails(req, res);
    } catch {
      send(
        res,
        400,
        'text/plain',
        'This sign-in has expired or is unknown: start again from the portal.',
      );
      return;
    }
    if (details.uid !== match[1]) {
      send(res, 400, 'text/plain', 'Interaction does not match its cookie');
      return;
    }
    const clientName =
      clientNames.get(String(details.params.client_id)) ?? 'the portal';
    const action = `/interaction/${details.uid}/login`;
    if (!match[2] || req.method !== 'POST') {
      send(
        res,
        200,
        'text/html; charset=utf-8',
        renderLoginPage({ action, clientName, accounts }),
      );
      return;
    }
    const form = await readForm(req);
    const username = form.get('username') ?? '';
    const account = verifyLocalAccount(
      accounts,
      username,
      form.get('password') ?? '',
    );
    if (!account) {
      send(
        res,
        401,
        'text/html; charset=utf-8',
        renderLoginPage({
          action,
          clientName,
          accounts,
          username,
          error: 'Unknown user name or wrong password.',
        }),
      );
      return;
    }
    await oidc.interactionFinished(
      req,
      res,
      { login: { accountId: account.username } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(error => (error ? reject(error) : resolve()));
      }),
  };
}
