import type { FastifyInstance, HTTPMethods } from 'fastify';

/** `METHOD /path` with Fastify's parameter syntax, e.g. `GET /api/v1/cases/:id`. */
export type RouteKey = `${Uppercase<string>} /${string}`;

export interface DiscoveredRoute {
  key: RouteKey;
  method: string;
  path: string;
}

/**
 * Every route the built app answers, read from Fastify's own router (`printRoutes`), so a route registered
 * anywhere — a new module, a plugin — is found without anyone remembering to list it.
 *
 * `printRoutes({ commonPrefix: false })` prints a tree: each line is an indent of `│   ` or `    ` per level, a
 * branch (`├── `/`└── `), the segment added to its parent's path, and the methods in parentheses. HEAD routes
 * Fastify adds for every GET are folded into the GET.
 *
 * ```ts
 * const routes = discoverRoutes(app); // [{ key: 'GET /api/v1/cases', method: 'GET', path: '/api/v1/cases' }, …]
 * ```
 */
export function discoverRoutes(app: FastifyInstance): DiscoveredRoute[] {
  const text = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const found = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )?(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) throw new Error(`printRoutes line not understood: ${JSON.stringify(line)}`);
    const depth = (m[1] ?? '').length / 4 + (line.includes('── ') ? 1 : 0);
    const segment = m[2] ?? '';
    stack.length = depth;
    const path = (depth > 0 ? (stack[depth - 1] ?? '') : '') + segment;
    stack[depth] = path;
    if (!m[3]) continue;
    const methods = found.get(path) ?? new Set<string>();
    for (const method of m[3].split(',').map((s) => s.trim())) methods.add(method);
    found.set(path, methods);
  }
  const routes: DiscoveredRoute[] = [];
  for (const [path, methods] of found) {
    for (const method of methods) {
      if (method === 'HEAD' && methods.has('GET')) continue;
      const normalised = path.startsWith('/') ? path : `/${path}`;
      // The parser must agree with the router: every route it reports is one Fastify says it has.
      // (Swagger UI's wildcard routes carry constraints hasRoute does not see; they are excluded anyway.)
      if (!isStaticOrDocs(normalised) && !app.hasRoute({ method: method as HTTPMethods, url: normalised }))
        throw new Error(`discoverRoutes misread the router: ${method} ${normalised} is not a route`);
      routes.push({ key: `${method} ${normalised}` as RouteKey, method, path: normalised });
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Routes anyone may call without signing in, documented in docs/api.md and marked `config: { public: true }`.
 * Everything else must have a policy in route-policy.ts.
 */
export const publicRoutes: Readonly<Record<string, string>> = {
  'GET /api/health': 'liveness probe',
  'GET /api/v1/meta': 'version and demo flag for the sign-in page',
  'GET /api/openapi.json': 'the API description',
  'POST /api/v1/auth/sign-in': 'password sign-in',
  'GET /api/v1/auth/oidc': 'sign-in: whether single sign-on is configured',
  'GET /api/v1/auth/oidc/start': 'sign-in: redirect to the identity provider',
  'GET /api/v1/auth/oidc/callback': 'sign-in: the identity provider sends the browser back',
  'POST /api/v1/setup': 'first administrator, with the one-time set-up token',
};

/** Swagger UI (`/api/docs…`) and the web app's static files (anything outside `/api/`) are public by design. */
export function isStaticOrDocs(path: string): boolean {
  return !path.startsWith('/api/') || path === '/api/docs' || path.startsWith('/api/docs/');
}

export function isPublic(route: { key: string; path: string }): boolean {
  return isStaticOrDocs(route.path) || Object.hasOwn(publicRoutes, route.key);
}
