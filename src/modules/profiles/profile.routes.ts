import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AppDeps, requireActor } from '../../http/context.ts';
import { errorResponses } from '../../http/openapi.ts';
import { pageOf, uuid } from '../cases/case.schemas.ts';
import { getProfile, getProfileEvents, unlinkProfileMember } from './profile.service.ts';
import { decideReview, listReviews } from './review.service.ts';
import {
  profileEventsOut,
  profileOut,
  reviewDecisionInput,
  reviewListQuery,
  reviewOut,
  screenInput,
  screenOut,
  unlinkInput,
  unlinkOut,
} from './screening.schemas.ts';
import { screenPersons } from './screening.service.ts';

export function profileRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/grid/screen',
      {
        schema: {
          tags: ['grid'],
          summary:
            'Screen a person and/or identifiers against every agency: ranked candidates with explanations, hits for what you may not read (audited; states a purpose)',
          body: screenInput,
          response: { 200: screenOut, ...errorResponses },
        },
      },
      async (request) => screenPersons(deps.db, deps.keyring, requireActor(request), request.body),
    );
    const idParams = z.strictObject({ id: uuid });
    r.get(
      '/api/v1/grid/reviews',
      {
        schema: {
          tags: ['grid'],
          summary:
            'The review queue: person pairs the model could not decide, whose both records you may read (audited)',
          querystring: reviewListQuery,
          response: { 200: pageOf(reviewOut), ...errorResponses },
        },
      },
      async (request) => listReviews(deps.db, requireActor(request), request.query),
    );
    r.post(
      '/api/v1/grid/reviews/:id/decision',
      {
        schema: {
          tags: ['grid'],
          summary:
            'Confirm (link into one profile), reject, or mark a pair unsure; a confirmation a rejected pair holds apart is refused (409)',
          params: idParams,
          body: reviewDecisionInput,
          response: { 200: reviewOut, ...errorResponses },
        },
      },
      async (request) => decideReview(deps.db, requireActor(request), request.params.id, request.body),
    );
    r.get(
      '/api/v1/profiles/:id',
      {
        schema: {
          tags: ['grid'],
          summary:
            'A canonical person: every record of them you may read, hits for the rest, flags, history sheets and a link-analysis network (audited)',
          params: idParams,
          response: { 200: profileOut, ...errorResponses },
        },
      },
      async (request) => getProfile(deps.db, requireActor(request), request.params.id),
    );
    r.get(
      '/api/v1/profiles/:id/events',
      {
        schema: {
          tags: ['grid'],
          summary:
            'The history of a profile’s links: links, merges and unlinks of the records you may read, newest first, with method, score, model version, reviewer and reason (audited)',
          params: idParams,
          response: { 200: profileEventsOut, ...errorResponses },
        },
      },
      async (request) => getProfileEvents(deps.db, requireActor(request), request.params.id),
    );
    r.post(
      '/api/v1/profiles/:id/members/:person_id/unlink',
      {
        schema: {
          tags: ['grid'],
          summary:
            'Take a record you may read out of a profile (an officer found the link wrong), with a reason: it gets a profile of its own with its transfer copies, and a rejected pair keeps automatic linking from joining it again (audited)',
          params: z.strictObject({ id: uuid, person_id: uuid }),
          body: unlinkInput,
          response: { 200: unlinkOut, ...errorResponses },
        },
      },
      async (request) =>
        unlinkProfileMember(
          deps.db,
          requireActor(request),
          request.params.id,
          request.params.person_id,
          request.body,
        ),
    );
  };
}
