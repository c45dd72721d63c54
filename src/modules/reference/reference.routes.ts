import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { roleNames, roles } from '../access/roles.ts';

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Small global tables the UI needs for pickers: offences (with legal source and verification tag), states, districts. */
export function referenceRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/v1/reference/offences',
      {
        schema: {
          tags: ['reference'],
          summary: 'Offence codes by act and section, with their legal source and verification tag',
          response: {
            200: list(
              z.object({
                code: z.string(),
                act: z.string(),
                section: z.string(),
                title: z.string(),
                child_specific: z.boolean(),
                demand_side: z.string(),
                equivalent: z.string().nullable(),
                tag: z.string(),
                source: z.string(),
              }),
            ),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        const items = await deps.db
          .selectFrom('offence_codes')
          .selectAll()
          // Acts in a fixed order and sections by number (POCSO 4 before 14), as officers read them.
          .orderBy(sql`array_position(array['POCSO','BNS','IPC','ITPA','JJ','IT'], act)`)
          .orderBy(sql`nullif(regexp_replace(section, '[^0-9].*$', ''), '')::int`)
          .orderBy('section')
          .execute();
        return { items };
      },
    );
    r.get(
      '/api/v1/reference/roles',
      {
        schema: {
          tags: ['reference'],
          summary: 'Roles, what each may see (its scope) and do',
          response: {
            200: list(
              z.object({
                role: z.string(),
                label: z.string(),
                scope: z.string(),
                actions: z.array(z.string()),
                mfa: z.boolean().describe('A second factor is mandatory for this role'),
                fields: z
                  .object({
                    case: z.array(z.string()),
                    persons: z.record(z.string(), z.array(z.string())),
                  })
                  .describe(
                    "The role's field allow-list: fields of a case beyond its record fields, and the persons it sees by their role in the case with their fields beyond the record fields",
                  ),
              }),
            ),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return {
          items: roleNames.map((role) => ({
            role,
            label: roles[role].label,
            scope: roles[role].scope,
            actions: [...roles[role].actions],
            mfa: roles[role].mfa,
            fields: {
              case: [...roles[role].fields.case],
              persons: Object.fromEntries(
                Object.entries(roles[role].fields.persons).map(([k, v]) => [k, [...(v ?? [])]]),
              ),
            },
          })),
        };
      },
    );
    r.get(
      '/api/v1/reference/states',
      {
        schema: {
          tags: ['reference'],
          summary: 'States and union territories (LGD codes)',
          response: {
            200: list(
              z.object({ lgd_code: z.number(), name: z.string(), iso_code: z.string(), kind: z.string() }),
            ),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await deps.db.selectFrom('states').selectAll().orderBy('name').execute() };
      },
    );
    r.get(
      '/api/v1/reference/districts',
      {
        schema: {
          tags: ['reference'],
          summary: 'Districts (LGD codes), optionally of one state',
          querystring: z.strictObject({
            state_lgd_code: z.coerce.number().int().positive().max(2_147_483_647).optional(),
          }),
          response: {
            200: list(z.object({ lgd_code: z.number(), state_lgd_code: z.number(), name: z.string() })),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        let q = deps.db.selectFrom('districts').select(['lgd_code', 'state_lgd_code', 'name']);
        if (request.query.state_lgd_code) q = q.where('state_lgd_code', '=', request.query.state_lgd_code);
        return { items: await q.orderBy('name').execute() };
      },
    );
    r.get(
      '/api/health',
      {
        config: { public: true },
        schema: {
          tags: ['meta'],
          summary: 'Liveness: ok when the database answers',
          response: {
            200: z.object({ status: z.literal('ok') }),
            503: z.object({ status: z.literal('unavailable') }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await sql`select 1`.execute(deps.db);
          return { status: 'ok' as const };
        } catch {
          return reply.code(503).send({ status: 'unavailable' as const });
        }
      },
    );
    r.get(
      '/api/v1/meta',
      {
        config: { public: true },
        schema: {
          tags: ['meta'],
          summary: 'Server version and whether this is a demo installation',
          response: { 200: z.object({ version: z.string(), demo: z.boolean() }) },
        },
      },
      async () => ({ version: deps.version, demo: deps.config.demo }),
    );
  };
}
