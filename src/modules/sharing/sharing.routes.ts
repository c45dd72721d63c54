import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { identifierKinds } from '../../db/schema.ts';
import { type AppDeps, noContent, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { uuid } from '../cases/case.schemas.ts';
import {
  caseMatches,
  decideDisclosure,
  getDisclosure,
  listConsents,
  listDisclosures,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  recordConsent,
  referCase,
  requestDisclosure,
  searchIdentifier,
  withdrawDisclosure,
} from './disclosure.service.ts';
import {
  consentInput,
  consentOut,
  disclosureDecisionInput,
  disclosureListQuery,
  disclosureOut,
  disclosureRequestInput,
  matchesOut,
  notificationOut,
  referralInput,
  sharingGroupInput,
  sharingGroupOut,
} from './sharing.schemas.ts';
import {
  addGroupMember,
  createSharingGroup,
  getSharingGroup,
  listSharingGroups,
  removeGroupMember,
} from './sharing-group.service.ts';

const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

export function sharingRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const idParams = z.strictObject({ id: uuid });
    const tags = ['sharing'];
    r.get(
      '/api/v1/grid/identifier',
      {
        schema: {
          tags,
          summary:
            'Who else knows this phone, UPI id, vehicle…: links to records you read, hits for the others',
          querystring: z.strictObject({
            kind: z.enum(identifierKinds),
            value: z.string().trim().min(3).max(500),
          }),
          response: { 200: matchesOut, ...errorResponses },
        },
      },
      async (request) =>
        searchIdentifier(
          deps.db,
          deps.keyring,
          requireActor(request),
          request.query.kind,
          request.query.value,
        ),
    );
    r.get(
      '/api/v1/cases/:id/matches',
      {
        schema: {
          tags,
          summary:
            "Other agencies' records sharing an identifier with this case: links you may read, hits you may not",
          params: idParams,
          response: { 200: matchesOut, ...errorResponses },
        },
      },
      async (request) => caseMatches(deps.db, deps.keyring, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/disclosures',
      {
        schema: {
          tags,
          summary:
            'Ask the owning agency to disclose a case you saw as a hit, with your purpose and case reference',
          body: disclosureRequestInput,
          response: { 201: disclosureOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await requestDisclosure(deps.db, requireActor(request), request.body)),
    );
    r.get(
      '/api/v1/disclosures',
      {
        schema: {
          tags,
          summary: 'Disclosure requests to your agency (inbox) or from it (outbox)',
          querystring: disclosureListQuery,
          response: { 200: items(disclosureOut), ...errorResponses },
        },
      },
      async (request) => listDisclosures(deps.db, requireActor(request), request.query),
    );
    r.get(
      '/api/v1/disclosures/:id',
      {
        schema: {
          tags,
          summary:
            'One disclosure request or referral: for the owning side (deciders) or the requesting side; 404 otherwise',
          params: idParams,
          response: { 200: disclosureOut, ...errorResponses },
        },
      },
      async (request) => getDisclosure(deps.db, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/disclosures/:id/decision',
      {
        schema: {
          tags,
          summary:
            'Approve (with field groups and an expiry) or refuse (with a reason) a request for your record',
          params: idParams,
          body: disclosureDecisionInput,
          response: { 200: disclosureOut, ...errorResponses },
        },
      },
      async (request) => decideDisclosure(deps.db, requireActor(request), request.params.id, request.body),
    );
    r.post(
      '/api/v1/disclosures/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw your request (or give back a grant)',
          params: idParams,
          response: { 200: disclosureOut, ...errorResponses },
        },
      },
      async (request) => withdrawDisclosure(deps.db, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/cases/:id/referrals',
      {
        schema: {
          tags,
          summary:
            "Refer a case to another agency (CWC, DCPU, court); needs the children's and guardians' consent",
          params: idParams,
          body: referralInput,
          response: { 201: disclosureOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await referCase(deps.db, requireActor(request), request.params.id, request.body)),
    );
    r.post(
      '/api/v1/persons/:id/consents',
      {
        schema: {
          tags,
          summary: "Record a child's or guardian's consent to a referral or transfer",
          params: idParams,
          body: consentInput,
          response: { 201: consentOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await recordConsent(deps.db, requireActor(request), request.params.id, request.body)),
    );
    r.get(
      '/api/v1/persons/:id/consents',
      {
        schema: {
          tags,
          summary: 'Consents recorded for a child',
          params: idParams,
          response: { 200: items(consentOut), ...errorResponses },
        },
      },
      async (request) => listConsents(deps.db, requireActor(request), request.params.id),
    );
    r.get(
      '/api/v1/notifications',
      {
        schema: {
          tags,
          summary: "Your agency's notifications (requests received, decisions, referrals)",
          querystring: z.strictObject({ unread: z.enum(['true', 'false']).default('false') }),
          response: { 200: items(notificationOut), ...errorResponses },
        },
      },
      async (request) => listNotifications(deps.db, requireActor(request), request.query.unread === 'true'),
    );
    r.post(
      '/api/v1/notifications/read-all',
      {
        schema: {
          tags,
          summary: "Mark all your agency's unread notifications read",
          response: { 200: z.object({ marked: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => markAllNotificationsRead(deps.db, requireActor(request)),
    );
    r.post(
      '/api/v1/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark a notification read',
          params: idParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await markNotificationRead(deps.db, requireActor(request), request.params.id);
        return noContent(reply);
      },
    );
    r.get(
      '/api/v1/sharing-groups',
      {
        schema: {
          tags,
          summary: 'Sharing groups your agency belongs to',
          response: { 200: items(sharingGroupOut), ...errorResponses },
        },
      },
      async (request) => listSharingGroups(deps.db, requireActor(request)),
    );
    r.post(
      '/api/v1/sharing-groups',
      {
        schema: {
          tags,
          summary: 'Create a sharing group (your agency owns it)',
          body: sharingGroupInput,
          response: { 201: sharingGroupOut, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createSharingGroup(deps.db, requireActor(request), request.body)),
    );
    r.get(
      '/api/v1/sharing-groups/:id',
      {
        schema: {
          tags,
          summary: 'One sharing group (members only)',
          params: idParams,
          response: { 200: sharingGroupOut, ...errorResponses },
        },
      },
      async (request) => getSharingGroup(deps.db, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/sharing-groups/:id/members',
      {
        schema: {
          tags,
          summary: 'Add an agency to a group your agency owns',
          params: idParams,
          body: z.strictObject({ agency_id: uuid }),
          response: { 200: sharingGroupOut, ...errorResponses },
        },
      },
      async (request) =>
        addGroupMember(deps.db, requireActor(request), request.params.id, request.body.agency_id),
    );
    r.delete(
      '/api/v1/sharing-groups/:id/members/:agency_id',
      {
        schema: {
          tags,
          summary: 'Remove an agency from a group your agency owns',
          params: z.strictObject({ id: uuid, agency_id: uuid }),
          response: { 200: sharingGroupOut, ...errorResponses },
        },
      },
      async (request) =>
        removeGroupMember(deps.db, requireActor(request), request.params.id, request.params.agency_id),
    );
  };
}
