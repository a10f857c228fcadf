import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Algorithm.Argon2id; the library exports a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/**
 * Argon2id at the OWASP Password Storage Cheat Sheet's first recommended setting:
 * m = 19 MiB, t = 2, p = 1. The encoded hash carries its parameters, so raising them
 * later still verifies old hashes.
 */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the email is unknown, so response time
 * does not tell which emails have accounts.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= hashPassword('sextant-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
