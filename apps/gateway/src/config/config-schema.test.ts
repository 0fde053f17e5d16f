import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA, CONFIG_SECTIONS } from './config-schema.ts';
import { ConfigError, loadConfig } from './load-config.ts';
import { keywordsOf } from './schema/variable-types.ts';

const VARIABLES = Object.entries(CONFIG_SCHEMA.properties);

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('the configuration schema', () => {
  it('declares each variable once, with a description and a default or what unset means', () => {
    const declared = CONFIG_SECTIONS.flatMap((section) => Object.keys(section.variables));
    expect(new Set(declared).size).toBe(declared.length);
    const incomplete = VARIABLES.filter(([, schema]) => {
      const { description, default: fallback, defaultText } = keywordsOf(schema);
      return !description || (fallback === undefined && defaultText === undefined);
    }).map(([name]) => name);
    expect(incomplete).toEqual([]);
  });

  it('applies every default when nothing is set', () => {
    const { variables } = loadConfig({});
    for (const [name, schema] of VARIABLES) {
      expect(variables[name as keyof typeof variables], name).toEqual(keywordsOf(schema).default);
    }
    expect(variables).toMatchObject({
      PARCELGATE_ENV: 'development',
      PARCELGATE_ALLOW_EMBEDDED_DATABASE: false,
      PARCELGATE_ALLOW_SIMULATOR: false,
      HOST: '127.0.0.1',
      PARCELGATE_SHARED_ACCOUNT_TENANTS: ['default'],
    });
  });

  it('lists a problem for every invalid variable at once, naming each', () => {
    const env = Object.fromEntries(VARIABLES.map(([name]) => [name, 'not valid here ?']));
    // Free text and lists of names accept any value.
    const lenient = [
      'HOST',
      'PARCELGATE_DATA_DIR',
      'PARCELGATE_CARRIERS',
      'PARCELGATE_SHARED_ACCOUNT_TENANTS',
      'OTEL_SERVICE_NAME',
    ];
    const problems = problemsOf(env);
    const unnamed = VARIABLES.map(([name]) => name).filter(
      (name) =>
        !lenient.includes(name) &&
        !problems.some((problem) => problem.startsWith(`${name} must be`)),
    );
    expect(unnamed).toEqual([]);
    expect(problems.length).toBeGreaterThanOrEqual(VARIABLES.length - lenient.length);
  });

  it('reads flags, lists and words; empty counts as unset', () => {
    const { variables, sharedAccountTenants } = loadConfig({
      PARCELGATE_ENV: 'production',
      PARCELGATE_ALLOW_SIMULATOR: 'true',
      PARCELGATE_SHARED_ACCOUNT_TENANTS: ' acme, ,globex ',
      LOG_LEVEL: '',
      PARCELGATE_PUBLIC_URL: 'https://gateway.example/',
    });
    expect(variables.PARCELGATE_ENV).toBe('production');
    expect(variables.PARCELGATE_ALLOW_SIMULATOR).toBe(true);
    expect(sharedAccountTenants).toEqual(['acme', 'globex']);
    expect(variables.LOG_LEVEL).toBe('info');
    expect(variables.PARCELGATE_PUBLIC_URL).toBe('https://gateway.example');
    expect(problemsOf({ PARCELGATE_ENV: 'staging', PARCELGATE_ALLOW_SIMULATOR: 'yes' })).toEqual([
      'PARCELGATE_ENV must be one of development, production (got "staging")',
      'PARCELGATE_ALLOW_SIMULATOR must be true or false (got "yes")',
    ]);
  });

  it('never echoes a secret value', () => {
    const secrets = VARIABLES.filter(([, schema]) => keywordsOf(schema).secret === true).map(
      ([name]) => name,
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        'DATABASE_URL',
        'PARCELGATE_BOOTSTRAP_API_KEY',
        'PARCELGATE_SECRET_KEY',
      ]),
    );
    const problems = problemsOf(Object.fromEntries(secrets.map((name) => [name, 'hunter2 x'])));
    expect(problems).toHaveLength(secrets.length);
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
