import { describe, expect, it } from 'vitest';
import { allowedMoves, checkTransition, nextStage, unmetGates } from '../../src/index.js';

describe('stage transitions', () => {
  it('moves forward one stage at a time, back freely, and to dropped from any open stage', () => {
    expect(checkTransition('scoping', 'poc')).toEqual({ ok: true, forward: true });
    expect(checkTransition('production', 'poc')).toEqual({ ok: true, forward: false });
    expect(checkTransition('poc', 'dropped')).toEqual({ ok: true, forward: false });
    expect(checkTransition('dropped', 'scoping')).toEqual({ ok: true, forward: false });
    const skip = checkTransition('scoping', 'production');
    expect(skip).toEqual({
      ok: false,
      message: 'Cannot move from scoping to production; allowed: poc, dropped.',
      allowed: ['poc', 'dropped'],
    });
    expect(checkTransition('retired', 'scoping').ok).toBe(false);
    expect(checkTransition('poc', 'poc')).toMatchObject({
      ok: false,
      message: 'The project is already in poc.',
    });
  });

  it('lists the moves open from each stage', () => {
    expect(allowedMoves('productization')).toEqual(['production', 'scoping', 'poc', 'dropped']);
    expect(allowedMoves('retired')).toEqual([]);
    expect(nextStage('production')).toBe('retired');
    expect(nextStage('dropped')).toBeNull();
  });
});

describe('stage gates', () => {
  const met = {
    namedUsers: 1,
    quantifiableGoals: 1,
    hasSuccessCriterion: true,
    objectivesMet: false,
  };

  it('lets a project with a named user, a quantifiable goal and a criterion into poc', () => {
    expect(unmetGates('poc', met)).toEqual([]);
  });

  it('lists every unmet gate to poc', () => {
    const unmet = unmetGates('poc', {
      namedUsers: 0,
      quantifiableGoals: 0,
      hasSuccessCriterion: false,
      objectivesMet: false,
    });
    expect(unmet.map((g) => g.gate)).toEqual([
      'named_user',
      'quantifiable_goal',
      'success_criterion',
    ]);
    // What to do, for members; what is missing, for anyone who reads the project.
    expect(unmet.map((g) => [g.message.split(':')[0], g.missing.split(':')[0]])).toEqual([
      [
        'Name at least one person who will use the solution (scope → users).',
        'No one is named yet who will use the solution (scope → users).',
      ],
      ['Add a quantifiable goal', 'No quantifiable goal yet'],
      ['Set the success criterion', 'No success criterion yet'],
    ]);
    expect(unmetGates('poc', { ...met, namedUsers: 0 }).map((g) => g.gate)).toEqual(['named_user']);
  });

  it('gates productization on an "objectives met" sprint decision, and nothing else', () => {
    const facts = { namedUsers: 0, quantifiableGoals: 0, hasSuccessCriterion: false };
    expect(
      unmetGates('productization', { ...facts, objectivesMet: false }).map((g) => g.gate),
    ).toEqual(['objectives_met']);
    expect(unmetGates('productization', { ...facts, objectivesMet: true })).toEqual([]);
    expect(unmetGates('production', { ...facts, objectivesMet: false })).toEqual([]);
  });
});
