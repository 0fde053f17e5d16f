import type { InterceptRecord, Parcel, RedirectRecord } from '../../model/parcel.ts';
import type { ParcelChange, PushMessage, PushTarget } from '../../push/push-types.ts';
import type { CarrierWorld } from '../carrier-module.ts';
import {
  type Kuaidi100CallbackTarget,
  type Kuaidi100Task,
  kuaidi100State,
} from './kuaidi100-module-state.ts';
import { kuaidi100CompanyOf } from './kuaidi100-numbers.ts';
import { renderKuaidi100Result } from './kuaidi100-query.ts';
import { md5Upper } from './kuaidi100-sim-auth.ts';

const FORM_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/**
 * What Kuaidi100 pushes for a change:
 * - a subscription push (`param = {status, billstatus, message, lastResult}`) for new
 *   route entries, to the parcel's subscription `callbackurl`, else to the configured
 *   target (a portal-configured subscription);
 * - an intercept result to the `callbackUrl` the `interceptOrder` named (else the target)
 *   when the carrier decided: the intercept turning back (RETURNING: 拦截成功) or failing,
 *   an address change delivered at its new address (REDIRECTED: 改址成功) or failing.
 * Both are form `param` + `sign = UPPER(MD5(param + salt))`, the sign left out when no
 * salt is known (as Kuaidi100 does). The intercept result's shape is this simulator's
 * reading of an unpublished format: `{kuaidicom, kuaidinum, orderId, taskId,
 * interceptType, interceptStatus: SUCCESS|FAIL, message}`.
 */
export function renderKuaidi100Pushes(
  change: ParcelChange,
  world: CarrierWorld,
  target: PushTarget | undefined,
): readonly PushMessage[] {
  const state = kuaidi100State(world);
  const fallback: Kuaidi100CallbackTarget | undefined =
    target === undefined ? undefined : { url: target.url, salt: target.secret };
  const messages: PushMessage[] = [];
  const { parcel } = change;
  if (change.newEvents.length > 0) {
    const destination = state.subscriptions.get(parcel.trackingNumber) ?? fallback;
    if (destination !== undefined) {
      messages.push(pushMessage(destination, trackingParam(parcel, destination.advanced === true)));
    }
  }
  if (change.intercept !== undefined) {
    const verdict = interceptVerdict(change.intercept);
    const task = state.tasks.get(change.intercept.id);
    if (verdict !== undefined && task !== undefined) {
      const destination = task.callback ?? fallback;
      if (destination !== undefined) {
        messages.push(pushMessage(destination, resultParam(task, verdict)));
      }
    }
  }
  for (const redirect of change.redirects) {
    const verdict = redirectVerdict(redirect);
    const task = state.tasks.get(redirect.id);
    if (verdict !== undefined && task !== undefined) {
      const destination = task.callback ?? fallback;
      if (destination !== undefined) {
        messages.push(pushMessage(destination, resultParam(task, verdict)));
      }
    }
  }
  return messages;
}

type Verdict = readonly [status: 'SUCCESS' | 'FAIL', message: string];

function interceptVerdict(intercept: InterceptRecord): Verdict | undefined {
  switch (intercept.state) {
    case 'RETURNING':
      return ['SUCCESS', '拦截成功'];
    case 'FAILED':
      return ['FAIL', '拦截失败：快件已派送'];
    default:
      return undefined;
  }
}

function redirectVerdict(redirect: RedirectRecord): Verdict | undefined {
  switch (redirect.state) {
    case 'REDIRECTED':
      return ['SUCCESS', '改址成功'];
    case 'FAILED':
      return ['FAIL', '改址失败'];
    default:
      return undefined;
  }
}

function trackingParam(parcel: Parcel, advanced: boolean): string {
  const com = kuaidi100CompanyOf(parcel.trackingNumber) ?? 'zhongtong';
  const finished = parcel.status === 'delivered' || parcel.status === 'returned';
  return JSON.stringify({
    status: finished ? 'shutdown' : 'polling',
    billstatus: 'got',
    message: '',
    lastResult: renderKuaidi100Result(parcel, com, advanced),
  });
}

function resultParam(task: Kuaidi100Task, [status, message]: Verdict): string {
  return JSON.stringify({
    kuaidicom: task.com,
    kuaidinum: task.trackingNumber,
    ...(task.orderId === undefined ? {} : { orderId: task.orderId }),
    taskId: task.taskId,
    interceptType: task.interceptType,
    interceptStatus: status,
    message,
  });
}

function pushMessage(destination: Kuaidi100CallbackTarget, param: string): PushMessage {
  const fields = new URLSearchParams({ param });
  if (destination.salt !== undefined) {
    fields.set('sign', md5Upper(param + destination.salt));
  }
  return {
    url: destination.url,
    headers: { 'content-type': FORM_TYPE },
    body: fields.toString(),
    acknowledged: isKuaidi100Acknowledgement,
  };
}

/** Kuaidi100 stops re-pushing only on `{"result":true,"returnCode":"200",...}`. */
export function isKuaidi100Acknowledgement(status: number, body: string): boolean {
  if (status !== 200) {
    return false;
  }
  try {
    const answer = JSON.parse(body) as { result?: unknown; returnCode?: unknown };
    return answer.result === true && answer.returnCode === '200';
  } catch {
    return false;
  }
}
