import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What is known about a file once it is completely written. */
export interface WrittenFile {
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  /** Size of the file in bytes. */
  bytes: number;
}

/** A file being written, with its checksum computed on the way. */
export interface FileSink {
  /** Where the producer writes; it honours backpressure like any Writable. */
  readonly input: Writable;
  /**
   * Settles once: resolves after `input` has ended and the file is flushed
   * and closed, rejects on the first write or open error.
   */
  readonly done: Promise<WrittenFile>;
  /** Stops writing, waits for the file to close and deletes it. */
  discard(): Promise<void>;
}

/**
 * Opens `filePath` for writing (replacing an existing file) and hashes the
 * bytes as they pass, so the checksum describes exactly what reached the
 * file without reading it back.
 */
export function openFileSink(filePath: string): FileSink {
  const hash = createHash('sha256');
  let bytes = 0;

  const input = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Exports hold personal data: readable by the service's user only.
  const file = createWriteStream(filePath, { mode: 0o600 });

  const flowing = pipeline(input, file);
  const done = flowing.then(() => ({ sha256: hash.digest('hex'), bytes }));
  // The failure is reported to whoever awaits `done`; a writer that fails
  // for another reason first must not also crash the process with an
  // unhandled rejection from here.
  done.catch(() => undefined);

  const discard = async (): Promise<void> => {
    input.destroy();
    file.destroy();
    await flowing.catch(() => undefined);

    // Deleting before the descriptor is closed could let a late open
    // re-create the file after it was removed.
    if (!file.closed) {
      await new Promise<void>((resolve) => file.once('close', () => resolve()));
    }
    await rm(filePath, { force: true });
  };

  return { input, done, discard };
}
