import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../policy/event-types.ts';
import { payloadSchemaOf, webhooksSection } from './webhooks-section.ts';

describe('webhooksSection', () => {
  it('has an entry for every event type of the table, and nothing else', () => {
    expect(Object.keys(webhooksSection())).toEqual([...EVENT_TYPES]);
  });

  it('finds the one event schema that holds each type', () => {
    expect(payloadSchemaOf('intercept.created')).toBe('InterceptEvent');
    expect(payloadSchemaOf('intercept.returned')).toBe('InterceptEvent');
    expect(payloadSchemaOf('redirect.needs_attention')).toBe('RedirectEvent');
    expect(payloadSchemaOf('parcel.status_changed')).toBe('ParcelEvent');
    expect(payloadSchemaOf('webhook_endpoint.disabled')).toBe('WebhookEndpointEvent');
  });

  it('names each operation after its type', () => {
    const section = webhooksSection();
    expect(section['intercept.needs_attention'].post.operationId).toBe(
      'interceptNeedsAttentionWebhook',
    );
    expect(section['webhook_endpoint.test'].post.operationId).toBe('webhookEndpointTestWebhook');
    expect(section['intercept.returned'].post.summary).toBe('An intercept is now `returned`');
  });
});
