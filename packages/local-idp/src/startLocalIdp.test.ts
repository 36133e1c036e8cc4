import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { LocalIdp, startLocalIdp } from './startLocalIdp';

const CLIENT = {
  clientId: 'portal',
  clientSecret: 'portal-secret',
  name: 'the test portal',
  redirectUris: ['http://localhost:7007/api/auth/oidc/handler/frame'],
};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A minimal browser over node:http (the test environment blocks fetch): keeps cookies, does
 * not follow redirects, so that each hop of the flow is checked.
 */
class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly agent = new http.Agent();

  request(
    url: string,
    init: {
      method?: string;
      form?: Record<string, string>;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const body = init.form ? new URLSearchParams(init.form).toString() : '';
    const target = new URL(url);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: target.pathname + target.search,
          method: init.method ?? (init.form ? 'POST' : 'GET'),
          agent: this.agent,
          headers: {
            Host: target.host,
            Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(init.form && {
              'Content-Type': 'application/x-www-form-urlencoded',
            }),
            ...init.headers,
          },
        },
        res => {
          for (const cookie of res.headers['set-cookie'] ?? []) {
            const [pair] = cookie.split(';');
            const [name, ...value] = pair.split('=');
            this.cookies.set(name, value.join('='));
          }
          let text = '';
          res.setEncoding('utf8');
          res.on('data', chunk => (text += chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: text,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}

function claimsOf(jwt: string) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
}

describe('startLocalIdp', () => {
  let idp: LocalIdp;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startLocalIdp({ port: 0, clients: [CLIENT] });
  });
  afterAll(() => idp.close());
  beforeEach(() => {
    browser = new Browser();
  });
  afterEach(() => browser.close());

  it('refuses to bind to anything but localhost', async () => {
    await expect(
      startLocalIdp({ host: '0.0.0.0', port: 0, clients: [CLIENT] }),
    ).rejects.toThrow(
      "Refusing to start the local identity provider on '0.0.0.0'",
    );
  });

  it('publishes its discovery document with PKCE and the claims the portal maps', async () => {
    const res = await browser.request(
      `${idp.issuer}/.well-known/openid-configuration`,
    );
    expect(res.status).toBe(200);
    const metadata = JSON.parse(res.body);
    expect(metadata.issuer).toBe(idp.issuer);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.claims_supported).toEqual(
      expect.arrayContaining(['sub', 'email', 'preferred_username', 'name']),
    );
  });

  async function startSignIn() {
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      client_id: CLIENT.clientId,
      redirect_uri: CLIENT.redirectUris[0],
      response_type: 'code',
      scope: 'openid profile email',
      state: 'state-1',
      nonce: 'nonce-1',
      prompt: 'login',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const auth = await browser.request(`${idp.issuer}/auth?${query}`);
    expect(auth.status).toBe(303);
    const formUrl = new URL(auth.headers.location!, idp.issuer).toString();
    const form = await browser.request(formUrl);
    expect(form.status).toBe(200);
    return { verifier, formUrl, form };
  }

  async function followTo(location: string): Promise<URL> {
    let next = new URL(location, idp.issuer);
    while (next.origin === idp.issuer) {
      const res = await browser.request(next.toString());
      expect([302, 303]).toContain(res.status);
      next = new URL(res.headers.location!, idp.issuer);
    }
    return next;
  }

  it('signs a local account in with the login form and issues ID tokens with its claims', async () => {
    const { verifier, formUrl, form } = await startSignIn();
    expect(form.body).toContain('name="username"');
    expect(form.body).toContain('name="password"');
    expect(form.body).toContain('the test portal');
    expect(form.body).toContain('Riley Requester');

    const login = await browser.request(`${formUrl}/login`, {
      form: { username: 'requester', password: 'requester-local-only' },
    });
    expect(login.status).toBe(303);
    // No consent screen for the configured (first-party) client: straight back with a code.
    const callback = await followTo(login.headers.location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(
      CLIENT.redirectUris[0],
    );
    expect(callback.searchParams.get('state')).toBe('state-1');
    const code = callback.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const basic = Buffer.from(
      `${CLIENT.clientId}:${CLIENT.clientSecret}`,
    ).toString('base64');
    const token = await browser.request(`${idp.issuer}/token`, {
      form: {
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLIENT.redirectUris[0],
        code_verifier: verifier,
      },
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(token.status).toBe(200);
    const tokens = JSON.parse(token.body);
    expect(claimsOf(tokens.id_token)).toMatchObject({
      iss: idp.issuer,
      aud: CLIENT.clientId,
      nonce: 'nonce-1',
      sub: 'requester',
      email: 'requester@example.com',
      email_verified: true,
      preferred_username: 'requester',
      name: 'Riley Requester',
    });
    // The portal keeps its session with the refresh token, and reads userinfo with the access token.
    expect(tokens.refresh_token).toBeTruthy();
    const refreshed = await browser.request(`${idp.issuer}/token`, {
      form: {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
      },
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(refreshed.status).toBe(200);
    const userinfo = await browser.request(`${idp.issuer}/me`, {
      headers: {
        Authorization: `Bearer ${JSON.parse(refreshed.body).access_token}`,
      },
    });
    expect(JSON.parse(userinfo.body)).toMatchObject({
      sub: 'requester',
      email: 'requester@example.com',
      name: 'Riley Requester',
    });
  });

  it('refuses a wrong password and an unknown user with the form and an error', async () => {
    const { formUrl } = await startSignIn();
    for (const form of [
      { username: 'approver', password: 'requester-local-only' },
      { username: 'mallory', password: 'anything' },
    ]) {
      const res = await browser.request(`${formUrl}/login`, { form });
      expect(res.status).toBe(401);
      expect(res.body).toContain('Unknown user name or wrong password.');
      expect(res.body).toContain(`value="${form.username}"`);
    }
    // The same sign-in can still succeed afterwards.
    const ok = await browser.request(`${formUrl}/login`, {
      form: { username: 'approver', password: 'approver-local-only' },
    });
    expect(ok.status).toBe(303);
  });

  it('answers an unknown or expired interaction with a 400 that says what to do', async () => {
    const res = await browser.request(`${idp.issuer}/interaction/nope`);
    expect(res.status).toBe(400);
    expect(res.body).toContain('start again from the portal');
  });
});
