import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@sextant/core';

/** Counts the bytes flowing through and stops past `limit` with a 413 naming the body. */
export async function* limitedChunks(
  body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  limit: number,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > limit) {
      // Leaving the loop early destroys the request stream: the rest is not read.
      throw new AppError(
        'payload_too_large',
        `body: this upload may be at most ${limit / 1024 / 1024} MB.`,
        { field: 'body', limit },
      );
    }
    yield buffer;
  }
}

/** A request body kept in a temporary file until the upload is written. */
export interface SpooledBody {
  bytes: number;
  /** The body again, in 16 KiB chunks (about one batch of rows each: see FEEDBACK_BATCH_ROWS). */
  chunks(): AsyncIterable<Buffer>;
  remove(): Promise<void>;
}

/**
 * Copies a request body to a temporary file (readable by this user only) as it arrives, up
 * to `limit` bytes. A bulk upload is written in one transaction; reading it from the network
 * inside that transaction would let a slow client hold it open for as long as it likes, and
 * on SQLite every other request of the server waits for the one connection meanwhile. Spooled,
 * the transaction lasts as long as the parsing and writing, and memory stays one chunk deep.
 */
export async function spoolBody(
  body: AsyncIterable<Buffer | string>,
  limit: number,
): Promise<SpooledBody> {
  const dir = await mkdtemp(join(tmpdir(), 'sextant-upload-'));
  const file = join(dir, 'body');
  const remove = () => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    const handle = await open(file, 'wx', 0o600);
    try {
      for await (const chunk of limitedChunks(body, limit)) {
        await handle.write(chunk);
        bytes += chunk.length;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    bytes,
    chunks: () => createReadStream(file, { highWaterMark: 1 << 14 }),
    remove,
  };
}
