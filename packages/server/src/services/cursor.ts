/** Page cursors are opaque to clients: the text they stand for (an id, an offset), base64url. */
export const encodeCursor = (text: string): string => Buffer.from(text).toString('base64url');
export const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString();
