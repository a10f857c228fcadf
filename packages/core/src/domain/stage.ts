export const STAGES = [
  'scoping',
  'poc',
  'productization',
  'production',
  'retired',
  'dropped',
] as const;
export type Stage = (typeof STAGES)[number];

/** The forward path; `dropped` sits beside it and can be reached from any open stage. */
export const STAGE_PATH: readonly Stage[] = [
  'scoping',
  'poc',
  'productization',
  'production',
  'retired',
];

/** What the gates look at; gathered by the service, judged here. */
export interface StageFacts {
  namedUsers: number;
  quantifiableGoals: number;
  hasSuccessCriterion: boolean;
  /** A sprint review recorded "objectives met" (and no later review overturned it). */
  objectivesMet: boolean;
}

export type GateCode = 'named_user' | 'quantifiable_goal' | 'success_criterion' | 'objectives_met';

export interface UnmetGate {
  gate: GateCode;
  /** What to do, for those who may do it. */
  message: string;
  /** What is missing, in words for anyone who reads the project (a viewer too). */
  missing: string;
}

interface GateRule {
  gate: GateCode;
  met: (facts: StageFacts) => boolean;
  message: string;
  missing: string;
}

/** Gates to enter each stage; later issues add theirs here. */
const GATES: Partial<Record<Stage, GateRule[]>> = {
  poc: [
    {
      gate: 'named_user',
      met: (f) => f.namedUsers > 0,
      message: 'Name at least one person who will use the solution (scope → users).',
      missing: 'No one is named yet who will use the solution (scope → users).',
    },
    {
      gate: 'quantifiable_goal',
      met: (f) => f.quantifiableGoals > 0,
      message: 'Add a quantifiable goal: metric, baseline, target and a deadline not in the past.',
      missing:
        'No quantifiable goal yet: a metric, a baseline, a target and a deadline not in the past.',
    },
    {
      gate: 'success_criterion',
      met: (f) => f.hasSuccessCriterion,
      message:
        'Set the success criterion: the model metric, its threshold and evaluation strategy.',
      missing: 'No success criterion yet: the model metric, its threshold and evaluation strategy.',
    },
  ],
  productization: [
    {
      gate: 'objectives_met',
      met: (f) => f.objectivesMet,
      message:
        'Record "objectives met" at a sprint review: the POC must reach its success criterion first.',
      missing:
        'No sprint review has recorded "objectives met" yet: the POC must reach its success criterion first.',
    },
  ],
};

/** Every gate to enter `stage` that the facts do not meet (empty when the move may go ahead). */
export function unmetGates(stage: Stage, facts: StageFacts): UnmetGate[] {
  return (GATES[stage] ?? [])
    .filter((rule) => !rule.met(facts))
    .map((rule) => ({ gate: rule.gate, message: rule.message, missing: rule.missing }));
}

export type TransitionCheck =
  { ok: true; forward: boolean } | { ok: false; message: string; allowed: Stage[] };

/** The stages reachable from `from` in one move. */
export function allowedMoves(from: Stage): Stage[] {
  if (from === 'retired') return [];
  if (from === 'dropped') return ['scoping'];
  const index = STAGE_PATH.indexOf(from);
  const next = STAGE_PATH[index + 1];
  const back = STAGE_PATH.slice(0, index);
  return [...(next ? [next] : []), ...back, 'dropped'];
}

/**
 * Moves go one stage forward at a time (gated), back to any earlier stage, to `dropped`
 * from any open stage, and from `dropped` back to `scoping` (a restart). `retired` is final.
 */
export function checkTransition(from: Stage, to: Stage): TransitionCheck {
  const allowed = allowedMoves(from);
  if (from === to) return { ok: false, message: `The project is already in ${to}.`, allowed };
  if (!allowed.includes(to)) {
    const options = allowed.length > 0 ? allowed.join(', ') : 'none (retired is final)';
    return {
      ok: false,
      message: `Cannot move from ${from} to ${to}; allowed: ${options}.`,
      allowed,
    };
  }
  const forward = STAGE_PATH.indexOf(to) > STAGE_PATH.indexOf(from) && from !== 'dropped';
  return { ok: true, forward };
}

/** The next stage on the forward path, if any. */
export function nextStage(from: Stage): Stage | null {
  if (from === 'dropped' || from === 'retired') return null;
  return STAGE_PATH[STAGE_PATH.indexOf(from) + 1] ?? null;
}
