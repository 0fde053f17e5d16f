import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { publishDatabaseUp } from './metrics.ts';

async function scrapeWith(ping: () => Promise<unknown>): Promise<string> {
  const registry = new Registry();
  publishDatabaseUp(registry, ping, 20);
  return registry.metrics();
}

describe('parcelgate_database_up', () => {
  it('is 1 when the database answers', async () => {
    expect(await scrapeWith(async () => [])).toContain('parcelgate_database_up 1');
  });

  it('is 0 when the database refuses', async () => {
    const refused = () => Promise.reject(new Error('connection refused'));
    expect(await scrapeWith(refused)).toContain('parcelgate_database_up 0');
  });

  it('is 0, and the scrape still answers, when the database hangs', async () => {
    const hanging = () => new Promise<never>(() => {});
    expect(await scrapeWith(hanging)).toContain('parcelgate_database_up 0');
  });
});
