import type {
  ApiIssue,
  CaseStatus,
  Distribution,
  FirKind,
  Gender,
  NewCase,
  NewIdentifier,
  NewPerson,
  PersonRole,
  ProcedureCode,
  RelationKind,
} from '../../api/types.ts';
import { istInputToIso, nowIstInput } from '../../i18n/format.ts';
import { t } from '../../i18n/t.ts';

/** What the new-case form holds: strings as typed, converted to a `NewCase` only on submit. */
export interface PhoneDraft {
  key: number;
  value: string;
}

export interface PersonDraft {
  key: number;
  role: PersonRole;
  full_name: string;
  relation_kind: RelationKind | '';
  relation_name: string;
  gender: Gender | '';
  age: string;
  phones: PhoneDraft[];
}

export interface CaseDraft {
  fir_number: string;
  fir_kind: FirKind;
  gd_entry: string;
  registered_at: string;
  procedure_code: ProcedureCode;
  status: CaseStatus;
  state_lgd_code: string;
  district_lgd_code: string;
  place: string;
  pincode: string;
  offences: string[];
  summary: string;
  /** Who besides the agency reads the case; `group` needs `sharing_group_id`. */
  distribution: Distribution;
  sharing_group_id: string;
  persons: PersonDraft[];
  /** Identifiers of the case itself (not of one person), e.g. found in the summary by "Find identifiers". */
  identifiers: NewIdentifier[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

export function newCaseDraft(): CaseDraft {
  return {
    fir_number: '',
    fir_kind: 'fir',
    gd_entry: '',
    registered_at: nowIstInput(),
    // Cases registered since 1 July 2024 proceed under the BNSS.
    procedure_code: 'BNSS',
    status: 'registered',
    state_lgd_code: '',
    district_lgd_code: '',
    place: '',
    pincode: '',
    offences: [],
    summary: '',
    // The least sharing by default: the officer widens it on purpose.
    distribution: 'agency',
    sharing_group_id: '',
    persons: [],
    identifiers: [],
  };
}

export function newPersonDraft(role: PersonRole): PersonDraft {
  return {
    key: newKey(),
    role,
    full_name: '',
    relation_kind: '',
    relation_name: '',
    gender: '',
    age: '',
    phones: [{ key: newKey(), value: '' }],
  };
}

/** Field errors keyed by form path: `fir_number`, `persons.0.full_name`, `persons.0.phones.1`. */
export type FieldErrors = Record<string, string>;

/** How the submitted body's paths map back to the form: phones left empty are not sent. */
interface Submission {
  input: NewCase;
  phonePaths: Map<string, string>;
}

const text = (s: string) => {
  const v = s.trim();
  return v === '' ? undefined : v;
};

export function toCaseInput(draft: CaseDraft): Submission {
  const phonePaths = new Map<string, string>();
  const persons: NewPerson[] = draft.persons.map((p, i) => {
    const identifiers: NewIdentifier[] = [];
    p.phones.forEach((phone, k) => {
      const value = text(phone.value);
      if (!value) return;
      phonePaths.set(`persons.${i}.identifiers.${identifiers.length}`, `persons.${i}.phones.${k}`);
      identifiers.push({ kind: 'phone', value });
    });
    const person: NewPerson = { role: p.role, full_name: p.full_name.trim() };
    if (p.relation_kind) person.relation_kind = p.relation_kind;
    const relationName = text(p.relation_name);
    if (relationName) person.relation_name = relationName;
    if (p.gender) person.gender = p.gender;
    if (p.age.trim() !== '') person.age = Number(p.age);
    if (identifiers.length) person.identifiers = identifiers;
    return person;
  });

  const input: NewCase = {
    fir_number: text(draft.fir_number),
    fir_kind: draft.fir_kind,
    gd_entry: text(draft.gd_entry),
    registered_at: istInputToIso(draft.registered_at),
    place: text(draft.place),
    pincode: text(draft.pincode),
    district_lgd_code: draft.district_lgd_code ? Number(draft.district_lgd_code) : undefined,
    status: draft.status,
    procedure_code: draft.procedure_code,
    summary: text(draft.summary),
    offences: draft.offences,
    distribution: draft.distribution,
    sharing_group_id: draft.distribution === 'group' ? draft.sharing_group_id || undefined : undefined,
    persons,
    identifiers: draft.identifiers.length ? draft.identifiers : undefined,
  };
  return { input, phonePaths };
}

/** Checks that save a round trip; the server validates everything again. */
export function validateDraft(draft: CaseDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(draft.registered_at))
    errors.registered_at = t('validation.required');
  if (draft.pincode.trim() && !/^[1-9][0-9]{5}$/.test(draft.pincode.trim()))
    errors.pincode = t('validation.pincode');
  if (draft.distribution === 'group' && !draft.sharing_group_id)
    errors.sharing_group_id = t('validation.group');
  draft.persons.forEach((p, i) => {
    if (!p.full_name.trim()) errors[`persons.${i}.full_name`] = t('validation.required');
    const age = p.age.trim();
    if (age && !(/^\d{1,3}$/.test(age) && Number(age) <= 120))
      errors[`persons.${i}.age`] = t('validation.age');
    if (p.relation_name.trim() && !p.relation_kind)
      errors[`persons.${i}.relation_kind`] = t('validation.relationKind');
  });
  return errors;
}

/**
 * Turn the API's `issues[].field` (a dotted path into the request body, perhaps written
 * `persons[0].full_name` or `/persons/0/full_name`) into the form's field keys. Issues for a field the
 * form does not show go to `unplaced`, so the officer still sees them.
 */
export function placeIssues(
  issues: ApiIssue[],
  phonePaths: Map<string, string>,
  known: (key: string) => boolean,
): { errors: FieldErrors; unplaced: ApiIssue[] } {
  const errors: FieldErrors = {};
  const unplaced: ApiIssue[] = [];
  for (const issue of issues) {
    const segments = issue.field
      .replace(/\[(\d+)\]/g, '.$1')
      .replace(/^body[./]/, '')
      .split(/[./]/)
      .filter(Boolean);
    let placed = false;
    for (let n = segments.length; n > 0 && !placed; n--) {
      const path = segments.slice(0, n).join('.');
      const key = phonePaths.get(path) ?? phonePaths.get(path.replace(/\.value$/, '')) ?? path;
      if (known(key)) {
        errors[key] = errors[key] ? `${errors[key]}; ${issue.message}` : issue.message;
        placed = true;
      }
    }
    if (!placed) unplaced.push(issue);
  }
  return { errors, unplaced };
}
