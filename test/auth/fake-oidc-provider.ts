import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** Who signs in at the fake provider, and what it says about them in the ID token. */
export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  amr?: string[];
  acr?: string;
}

interface PendingCode {
  identity: FakeIdentity;
  nonce: string | null;
  challenge: string;
  redirectUri: string;
}

export interface FakeProvider {
  issuer: string;
  /**
   * What the provider does when the person signs in on its page: checks the authorization request and returns
   * the path and query the browser is sent back to (the ChildGrid callback).
   */
  authorize(authorizationUrl: string, identity: FakeIdentity): string;
  /** Token requests answered (with an ID token) so far. */
  tokensIssued(): number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A minimal OpenID provider on 127.0.0.1: discovery document, JWKS, and a token endpoint that checks client
 * authentication (client_secret_basic), the single-use code, the redirect URI and the PKCE verifier, then signs an
 * RS256 ID token. Just enough of Keycloak for the authorization code flow.
 */
export async function startFakeProvider(clientId: string, clientSecret: string): Promise<FakeProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  let issued = 0;
  let issuer = '';

  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic'],
          scopes_supported: ['openid', 'email', 'profile'],
        });
      }
      if (req.method === 'GET' && url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
      if (req.method === 'POST' && url.pathname === '/token') {
        // RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined with ':' and base64-encoded.
        const basic = Buffer.from(
          (req.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        ).toString();
        const [id, secret] = basic.split(':').map((p) => decodeURIComponent(p.replaceAll('+', ' ')));
        if (id !== clientId || secret !== clientSecret) return json(res, 401, { error: 'invalid_client' });
        const form = new URLSearchParams(await readBody(req));
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (form.get('grant_type') !== 'authorization_code' || !pending)
          return json(res, 400, { error: 'invalid_grant' });
        if (form.get('redirect_uri') !== pending.redirectUri)
          return json(res, 400, { error: 'invalid_grant' });
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (challenge !== pending.challenge)
          return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE' });
        const { sub, ...claims } = pending.identity;
        const idToken = await new SignJWT({ ...claims, ...(pending.nonce ? { nonce: pending.nonce } : {}) })
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
          .setIssuer(issuer)
          .setAudience(clientId)
          .setSubject(sub)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
        issued++;
        return json(res, 200, {
          access_token: randomBytes(16).toString('base64url'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      }
      return json(res, 404, { error: 'not_found' });
    })().catch((err: unknown) => json(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    authorize(authorizationUrl, identity) {
      const u = new URL(authorizationUrl);
      const p = u.searchParams;
      if (`${u.origin}${u.pathname}` !== `${issuer}/authorize`)
        throw new Error(`not our endpoint: ${u.href}`);
      if (p.get('client_id') !== clientId) throw new Error('wrong client_id');
      if (p.get('response_type') !== 'code') throw new Error('not the code flow');
      if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) throw new Error('no PKCE');
      if (!p.get('scope')?.split(' ').includes('openid')) throw new Error('no openid scope');
      if (!p.get('state')) throw new Error('no state');
      const redirectUri = p.get('redirect_uri')!;
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { identity, nonce: p.get('nonce'), challenge: p.get('code_challenge')!, redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state')!);
      return `${back.pathname}${back.search}`;
    },
    tokensIssued: () => issued,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
