/**
 * Shapes of the ChildGrid API (/api/v1), named for the web app. Every shape is an alias of the types
 * generated from the server's OpenAPI document (`npm run openapi` writes openapi.d.ts), so a change in
 * the API shows up here as a type error rather than as a blank on screen. The closed vocabularies come
 * from the module the server itself validates with.
 */
import {
  caseStatuses,
  firKinds,
  genders,
  identifierKinds,
  personRoles,
  procedureCodes,
  relationKinds,
} from '../../../src/shared/vocabulary.ts';
import type { components, paths } from './openapi.d.ts';

export type { CaseStatus, IdentifierKind, PersonRole } from '../../../src/shared/vocabulary.ts';
export { caseStatuses, firKinds, genders, identifierKinds, personRoles, procedureCodes, relationKinds };

export type FirKind = (typeof firKinds)[number];
export type ProcedureCode = (typeof procedureCodes)[number];
export type RelationKind = (typeof relationKinds)[number];
export type Gender = (typeof genders)[number];

type Schemas = components['schemas'];

/** The JSON body of a path's successful answer. */
type Answer<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Case = Schemas['Case'];
export type CaseSummary = Schemas['CaseSummary'];
export type Person = Schemas['Person'];
export type Identifier = Schemas['Identifier'];
export type NewCase = Schemas['NewCase'];
export type NewPerson = Schemas['NewPerson'];
export type NewIdentifier = Schemas['NewIdentifier'];
export type ErrorBody = Schemas['Error'];
export type ApiIssue = NonNullable<ErrorBody['error']['issues']>[number];

export type Session = Answer<'/api/v1/auth/me', 'get'>;
export type User = Session['user'];
export type Meta = Answer<'/api/v1/meta', 'get'>;
export type OffenceList = Answer<'/api/v1/reference/offences', 'get'>;
export type Offence = OffenceList['items'][number];
export type StateList = Answer<'/api/v1/reference/states', 'get'>;
export type State = StateList['items'][number];
export type DistrictList = Answer<'/api/v1/reference/districts', 'get'>;
export type District = DistrictList['items'][number];
export type RoleList = Answer<'/api/v1/reference/roles', 'get'>;
export type RoleInfo = RoleList['items'][number];
export type CasePage = Answer<'/api/v1/cases', 'get'>;
export type CaseListQuery = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>;

// The generated request types and the shared vocabularies must name the same values; if the server's
// schema and src/shared/vocabulary.ts ever drift apart, these lines stop compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T extends true[]> = T;
export type VocabularyMatchesApi = AllTrue<
  [
    Same<NonNullable<NewCase['status']>, (typeof caseStatuses)[number]>,
    Same<NonNullable<NewCase['fir_kind']>, FirKind>,
    Same<NewCase['procedure_code'], ProcedureCode>,
    Same<NewPerson['role'], (typeof personRoles)[number]>,
    Same<NonNullable<NewPerson['relation_kind']>, RelationKind>,
    Same<NonNullable<NewPerson['gender']>, Gender>,
    Same<NewIdentifier['kind'], (typeof identifierKinds)[number]>,
    Same<NonNullable<CaseListQuery['status']>, (typeof caseStatuses)[number]>,
  ]
>;
