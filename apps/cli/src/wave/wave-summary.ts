/**
 * The summary a wave ends with: the counts by outcome, then one row per item that did not
 * simply succeed (refused and failed with their reasons, pending with the intercept to
 * watch), drawn with cli-table3 without colours so logs stay clean.
 */
import type { InterceptBatch, InterceptBatchItem } from '@parcelgate/sdk';
import Table from 'cli-table3';

const PLAIN = { head: [], border: [] };
/** No rule between two rows: a long wave's table stays half as tall. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** The lines of the summary. */
export function formatWaveSummary(
  batch: InterceptBatch,
  items: readonly InterceptBatchItem[],
): string {
  const { counts } = batch;
  const outcomes: [string, number][] = [
    ['succeeded', counts.succeeded],
    ['pending', counts.pending],
    ['refused', counts.refused],
    ['failed', counts.failed],
    ...(counts.cancelled > 0 ? [['cancelled', counts.cancelled] as [string, number]] : []),
    ['total', counts.total],
  ];
  const totals = new Table({ head: outcomes.map(([name]) => name), style: PLAIN });
  totals.push(outcomes.map(([, count]) => count));
  const lines = [`batch ${batch.id} ${batch.status}`, totals.toString()];
  const notes = items.filter((item) => item.outcome !== 'succeeded');
  if (notes.length > 0) {
    const detail = new Table({
      head: ['row', 'outcome', 'carrier', 'tracking number', 'intercept', 'why'],
      style: PLAIN,
      chars: COMPACT,
      wordWrap: true,
      // 120 columns: an intercept id is 30 characters, a UPS tracking number 18.
      colWidths: [6, 10, 9, 20, 32, 36],
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
