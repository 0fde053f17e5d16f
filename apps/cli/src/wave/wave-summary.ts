/**
 * The summary a wave ends with: the counts by outcome, then one row per item that did not
 * simply succeed (refused and failed with their reasons, pending with the intercept to
 * watch), drawn with cli-table3 without colours so logs stay clean.
 */
import type { InterceptBatch, InterceptBatchItem } from '@parcelgate/sdk';
import Table from 'cli-table3';

const PLAIN = { head: [], border: [] };

/** The lines of the summary. */
export function formatWaveSummary(
  batch: InterceptBatch,
  items: readonly InterceptBatchItem[],
): string {
  const { counts } = batch;
  const totals = new Table({ head: ['outcome', 'items'], style: PLAIN });
  totals.push(
    ['succeeded', counts.succeeded],
    ['pending', counts.pending],
    ['refused', counts.refused],
    ['failed', counts.failed],
  );
  if (counts.cancelled > 0) {
    totals.push(['cancelled', counts.cancelled]);
  }
  totals.push(['total', counts.total]);
  const lines = [`batch ${batch.id} ${batch.status}`, totals.toString()];
  const notes = items.filter((item) => item.outcome !== 'succeeded');
  if (notes.length > 0) {
    const detail = new Table({
      head: ['row', 'outcome', 'carrier', 'tracking number', 'intercept', 'why'],
      style: PLAIN,
      wordWrap: true,
      colWidths: [6, 11, 10, 18, 32, 48],
    });
    for (const item of notes) {
      detail.push([
        // The row's number in the file, counting data rows from 1 (the API knows the index).
        `#${item.index + 1}`,
        item.outcome ?? item.status,
        item.carrier,
        item.trackingNumber,
        item.interceptId ?? '',
        whyOf(item),
      ]);
    }
    lines.push(detail.toString());
  }
  return `${lines.join('\n')}\n`;
}

/** An item's reasons, or its problem's detail when it has no reason codes. */
function whyOf(item: InterceptBatchItem): string {
  if (item.reasons.length > 0) {
    return item.reasons.map((reason) => `${reason.code}: ${reason.message}`).join('\n');
  }
  if (item.problem !== null) {
    return item.problem.detail;
  }
  return item.outcome === 'pending'
    ? `the carrier decides later (${item.interceptStatus ?? 'pending'})`
    : '';
}
