import { describe, expect, it } from 'vitest';
import { canonicalizeDocument } from './canonicalize-document.ts';
import { compareDocuments } from './document-drift.ts';
import { renderDocumentYaml } from './render-document.ts';

const document = {
  components: { schemas: { Tracking: { type: 'object' }, Intercept: { type: 'object' } } },
  paths: {
    '/v1/intercepts': {
      post: { operationId: 'createIntercept', responses: { '422': {}, '201': {} } },
      get: { operationId: 'listIntercepts', responses: { '200': {} } },
    },
    '/healthz': { get: { operationId: 'getHealth', responses: { '200': {} } } },
  },
  info: { title: 'Parcelgate API', version: '1.0.0' },
  openapi: '3.1.0',
};

describe('compareDocuments', () => {
  const committed = renderDocumentYaml(canonicalizeDocument(document));

  it('finds no drift when the file is what the schemas produce', () => {
    expect(compareDocuments(committed, renderDocumentYaml(canonicalizeDocument(document)))).toEqual(
      { identical: true },
    );
  });

  it('fails when the committed file was edited, and shows where', () => {
    const edited = committed.replace('operationId: listIntercepts', 'operationId: listThings');
    const drift = compareDocuments(edited, committed);
    expect(drift.identical).toBe(false);
    if (!drift.identical) {
      expect(drift.summary).toContain('openapi/parcelgate.yaml is out of date');
      expect(drift.summary).toContain('-       operationId: listThings');
      expect(drift.summary).toContain('+       operationId: listIntercepts');
      expect(drift.summary).toContain('pnpm openapi:generate');
    }
  });

  it('fails when the file is missing or has extra lines', () => {
    expect(compareDocuments('', committed).identical).toBe(false);
    expect(compareDocuments(`${committed}extra: true\n`, committed).identical).toBe(false);
  });

  it('caps a long difference', () => {
    const generated = `${committed}${'x: 1\n'.repeat(50)}`;
    const drift = compareDocuments(committed, generated);
    expect(drift.identical ? '' : drift.summary).toContain('... 30 more lines');
  });
});

describe('renderDocumentYaml', () => {
  it('orders keys the same whatever the registration order', () => {
    const reversed = {
      ...document,
      paths: Object.fromEntries(Object.entries(document.paths).reverse()),
    };
    expect(renderDocumentYaml(canonicalizeDocument(reversed))).toBe(committed());

    function committed() {
      return renderDocumentYaml(canonicalizeDocument(document));
    }
  });

  it('puts the top-level fields, methods and responses in the specification order', () => {
    const yaml = renderDocumentYaml(canonicalizeDocument(document));
    const order = (...needles: string[]) => needles.map((needle) => yaml.indexOf(needle));
    const sorted = (positions: number[]) => [...positions].sort((a, b) => a - b);
    const top = order('openapi:', 'info:', 'paths:', 'components:');
    expect(top).toEqual(sorted(top));
    const paths = order(
      '/healthz:',
      '/v1/intercepts:',
      'get:\n      operationId: listIntercepts',
      'post:',
    );
    expect(paths).toEqual(sorted(paths));
    const responses = order('"201"', '"422"');
    expect(responses).toEqual(sorted(responses));
    expect(order('Intercept:', 'Tracking:')).toEqual(sorted(order('Intercept:', 'Tracking:')));
    expect(yaml.startsWith('# Generated from the gateway route schemas')).toBe(true);
  });
});
