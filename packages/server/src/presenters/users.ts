import type { User } from '@sextant/core';
import type { UserRecord } from '@sextant/db';

export const presentUser = (u: UserRecord): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  createdAt: u.createdAt,
});
