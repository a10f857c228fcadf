/** What a key pressed on the daily list does. */
export type ListKeyAction =
  | { kind: 'move'; index: number }
  | { kind: 'decide'; acted: boolean }
  | { kind: 'reason' }
  | { kind: 'happened' }
  | null;

/** The keys of the daily list, as the page documents them. */
export const LIST_KEYS: readonly { keys: string; does: string }[] = [
  { keys: '↓ or j', does: 'next row' },
  { keys: '↑ or k', does: 'previous row' },
  { keys: 'a', does: 'acted' },
  { keys: 'n', does: 'not acted' },
  { keys: 'r or Tab', does: 'type the reason (Enter saves it, Esc goes back to the row)' },
  { keys: 'h', does: 'the event happened' },
];

/**
 * The action of a key on the row at `index` of `count` rows; null for any other key, and for
 * keys with a modifier (so the browser's shortcuts stay). Moving stops at the first and last rows.
 */
export function listKeyAction(
  event: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  index: number,
  count: number,
): ListKeyAction {
  if (event.ctrlKey || event.metaKey || event.altKey || count === 0) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', index: Math.min(index + 1, count - 1) };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', index: Math.max(index - 1, 0) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: count - 1 };
    case 'a':
      return { kind: 'decide', acted: true };
    case 'n':
      return { kind: 'decide', acted: false };
    case 'r':
      return { kind: 'reason' };
    case 'h':
      return { kind: 'happened' };
    default:
      return null;
  }
}
