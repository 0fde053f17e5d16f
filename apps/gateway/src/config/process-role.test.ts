import { describe, expect, it } from 'vitest';
import { ProcessRoleError, readProcessPlan } from './process-role.ts';

const POSTGRES = { DATABASE_URL: 'postgres://localhost/parcelgate' };

describe('readProcessPlan', () => {
  it('runs everything and migrates without a role, on either database', () => {
    for (const env of [{}, POSTGRES]) {
      expect(readProcessPlan([], env)).toEqual({
        role: 'all',
        api: true,
        jobs: 'run',
        migrate: 'auto',
      });
    }
  });

  it('serves the API and only queues jobs as serve; runs the jobs without the API as worker', () => {
    expect(readProcessPlan(['serve'], POSTGRES)).toEqual({
      role: 'serve',
      api: true,
      jobs: 'enqueue',
      migrate: 'check',
    });
    expect(readProcessPlan(['worker'], POSTGRES)).toEqual({
      role: 'worker',
      api: false,
      jobs: 'run',
      migrate: 'check',
    });
    expect(readProcessPlan(['migrate'], POSTGRES)).toMatchObject({ jobs: 'none', migrate: 'auto' });
  });

  it('lets serve and worker migrate on the embedded database, or when told to', () => {
    expect(readProcessPlan(['serve'], {}).migrate).toBe('auto');
    expect(readProcessPlan(['worker'], { ...POSTGRES, PARCELGATE_MIGRATE: 'auto' }).migrate).toBe(
      'auto',
    );
    expect(readProcessPlan(['serve'], { PARCELGATE_MIGRATE: 'off' }).migrate).toBe('check');
    expect(readProcessPlan([], { ...POSTGRES, PARCELGATE_MIGRATE: 'off' }).migrate).toBe('check');
    // migrate is what it does, whatever the setting.
    expect(readProcessPlan(['migrate'], { PARCELGATE_MIGRATE: 'off' }).migrate).toBe('auto');
  });

  it('refuses an unknown role, extra arguments and an invalid PARCELGATE_MIGRATE, with the usage', () => {
    expect(() => readProcessPlan(['all'], {})).toThrow(ProcessRoleError);
    expect(() => readProcessPlan(['serv'], {})).toThrow(/Unknown role "serv"[\s\S]*Usage:/);
    expect(() => readProcessPlan(['serve', 'now'], {})).toThrow('Unexpected arguments: now');
    expect(() => readProcessPlan(['serve'], { PARCELGATE_MIGRATE: 'yes' })).toThrow(
      'PARCELGATE_MIGRATE must be auto or off (got "yes")',
    );
  });
});
