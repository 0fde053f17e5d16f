/**
 * How a wave shows its progress while the batch runs, on stderr so stdout keeps only the
 * results: a live bar on a terminal (cli-progress), plain lines otherwise (a log, a CI job),
 * and nothing with `--json`.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { OutputStream } from '../io.ts';

/** The counts a progress report shows (`InterceptBatchCounts`). */
export interface WaveCounts {
  readonly total: number;
  readonly done: number;
  readonly succeeded: number;
  readonly pending: number;
  readonly refused: number;
  readonly failed: number;
}

/** Told each time the batch is read. */
export interface WaveProgress {
  update(counts: WaveCounts): void;
  /** The batch is done, or the wave stopped: a bar releases the terminal's line. */
  stop(): void;
}

/** The progress form for this stream: a bar on a terminal, plain lines otherwise. */
export function waveProgress(stream: OutputStream, batchId: string, quiet: boolean): WaveProgress {
  if (quiet) {
    return { update() {}, stop() {} };
  }
  return stream.isTTY === true ? barProgress(stream) : lineProgress(stream, batchId);
}

function outcomes(counts: WaveCounts) {
  return {
    succeeded: counts.succeeded,
    pending: counts.pending,
    refused: counts.refused,
    failed: counts.failed,
  };
}

function barProgress(stream: OutputStream): WaveProgress {
  const bar = new SingleBar(
    {
      stream,
      // Fits 80 columns for a thousand items: cli-progress cuts a longer line at the edge.
      format:
        'wave {bar} {value}/{total} | ok {succeeded} pending {pending} refused {refused} failed {failed}',
      barsize: 16,
      hideCursor: true,
      // Keep the finished bar on screen above the summary: it shows how long the wave took.
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(counts) {
      if (!started) {
        started = true;
        bar.start(counts.total, counts.done, outcomes(counts));
        return;
      }
      bar.update(counts.done, outcomes(counts));
    },
    stop() {
      if (started) {
        bar.stop();
      }
    },
  };
}

function lineProgress(stream: OutputStream, batchId: string): WaveProgress {
  let last = '';
  return {
    update(counts) {
      const line = `${batchId}: ${counts.done}/${counts.total} done (succeeded ${counts.succeeded}, pending ${counts.pending}, refused ${counts.refused}, failed ${counts.failed})`;
      // One line per change, not per read: a log of a long wave stays short.
      if (line !== last) {
        last = line;
        stream.write(`${line}\n`);
      }
    },
    stop() {},
  };
}
