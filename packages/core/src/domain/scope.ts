export const POC_CONSTRAINTS = ['time', 'resources', 'accuracy'] as const;
export type PocConstraint = (typeof POC_CONSTRAINTS)[number];

export const PRODUCTIZATION_MODES = ['hands_off', 'push_to_prod'] as const;
export type ProductizationMode = (typeof PRODUCTIZATION_MODES)[number];

export interface ScopeUser {
  /** A named person ("Maria Jensen"). */
  name?: string | undefined;
  /** A role ("maintenance planner"); a role alone does not count as a named user. */
  role?: string | undefined;
}

export interface CurrentMetric {
  name: string;
  value: number;
  unit?: string | undefined;
}

export interface Scope {
  why: string;
  sponsor: string;
  users: ScopeUser[];
  currentProcess: string;
  currentMetric: CurrentMetric | null;
  productization: ProductizationMode | null;
  pocConstraints: PocConstraint[] | null;
}

export const EMPTY_SCOPE: Scope = {
  why: '',
  sponsor: '',
  users: [],
  currentProcess: '',
  currentMetric: null,
  productization: null,
  pocConstraints: null,
};

/** A user counts as named when a person's name is given, not only a role. */
export function countNamedUsers(scope: Pick<Scope, 'users'>): number {
  return scope.users.filter((u) => (u.name ?? '').trim().length > 0).length;
}

/** Top-level merge: a key present in the patch replaces the stored value. */
export function mergeScope(current: Scope, patch: Partial<Scope>): Scope {
  const next: Scope = { ...current };
  for (const key of Object.keys(patch) as (keyof Scope)[]) {
    const value = patch[key];
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}
