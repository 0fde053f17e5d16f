/**
 * A typed client of a running simulator's control API (`/__sim`), for tests, benches and
 * `pnpm start`: they drive the simulator from another process, over HTTP.
 */

/** What a parcel is created with (`POST /__sim/parcels`). */
export interface SimParcelInput {
  readonly status: string;
  readonly subStatus?: string;
  readonly declaredValue?: { readonly amount: string; readonly currency: string };
  readonly category?: string;
  /** Default `sandbox`. */
  readonly carrier?: string;
  /**
   * The carrier account that owns the parcel, as the carrier identifies a caller (sandbox:
   * the API key; UPS: the OAuth client id; SF: the partnerID; Kuaidi100: the customer).
   * Absent: every account may act on it.
   */
  readonly account?: string;
}

/** The simulator's counts of one parcel's carrier operations. */
export interface SimCallCounts {
  readonly track: number;
  readonly intercept: number;
  readonly redirect: number;
  /** Present once a cancel of an intercept reached the parcel. */
  readonly cancelIntercept?: number;
  /** Present once a cancel of a redirect reached the parcel. */
  readonly cancelRedirect?: number;
  /** Present once a fee quote reached the parcel. */
  readonly quoteFee?: number;
}

/** One carrier account's calls (`GET /__sim/account-calls`), by the real clock. */
export interface SimAccountCalls {
  readonly carrier: string;
  /** As the carrier identifies a caller (sandbox: the API key). */
  readonly account: string;
  /** Calls that named a parcel, since the last reset or clear. */
  readonly calls: number;
  /** The most of them that arrived within any one second (a sliding window). */
  readonly maxInWindow: number;
}

/** The simulator's view of a parcel (`GET /__sim/parcels/{carrier}/{trackingNumber}`). */
export interface SimParcel {
  readonly carrier: string;
  readonly trackingNumber: string;
  /** The carrier account that owns the parcel; null when every account may act on it. */
  readonly account: string | null;
  readonly status: string;
  readonly intercept: {
    readonly id: string;
    readonly reference: string;
    readonly state: string;
  } | null;
  /** How many intercept attempts the carrier processed (refused ones included). */
  readonly interceptAttempts: number;
  readonly redirects: { readonly id: string; readonly reference: string }[];
  readonly calls: SimCallCounts;
  /** Calls the carrier authenticated that named the parcel, by account, refused ones included. */
  readonly callsByAccount: Readonly<Record<string, SimCallCounts>>;
}

/** One push the simulator sent, with the receiver's answer. */
export interface SimPush {
  readonly trackingNumber: string;
  readonly body: string;
  readonly status: number | undefined;
  /** Whether the answer was the acknowledgement the carrier expects. */
  readonly acknowledged: boolean;
}

/** A carrier request that carried `traceparent` (`GET /__sim/traced-calls`). */
export interface SimTracedCall {
  readonly carrier: string;
  readonly operation: string;
  readonly trackingNumber: string | null;
  readonly traceparent: string;
  readonly tracestate: string | null;
}

/** An answer of the control API. */
interface ControlAnswer<Body> {
  readonly status: number;
  readonly body: Body;
  readonly text: string;
}

/**
 * How long one control call may take. The simulator answers in milliseconds; the bound is
 * generous because a busy machine can hold either process up for seconds.
 */
const CONTROL_TIMEOUT_MS = 60_000;

/** A client of the control API of the simulator at `baseUrl`. */
export class SimControlClient {
  /** The simulator's base URL, without a trailing slash. */
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  /** Whether the simulator answers its health check. */
  async healthy(): Promise<boolean> {
    return this.send('GET', '/__sim/health').then(
      (answer) => answer.status === 200,
      () => false,
    );
  }

  /** Creates a parcel in a status, with the history that led there; returns its number. */
  async createParcel(input: SimParcelInput): Promise<string> {
    const answer = await this.send<{ trackingNumber: string }>('POST', '/__sim/parcels', {
      carrier: 'sandbox',
      ...input,
    });
    if (answer.status !== 201) {
      throw new Error(`the simulator refused the parcel ${JSON.stringify(input)}: ${answer.text}`);
    }
    return answer.body.trackingNumber;
  }

  /** The simulator's view of a parcel, with what each operation's `calls` counted. */
  async parcel(trackingNumber: string, carrier = 'sandbox'): Promise<SimParcel> {
    const answer = await this.send<SimParcel>(
      'GET',
      `/__sim/parcels/${carrier}/${encodeURIComponent(trackingNumber)}`,
    );
    if (answer.status !== 200) {
      throw new Error(`the simulator has no parcel ${trackingNumber}: ${answer.text}`);
    }
    return answer.body;
  }

  /** Moves simulated time forward; parcels take the steps that fall due. */
  async advanceClock(ms: number): Promise<void> {
    const answer = await this.send('POST', '/__sim/clock/advance', { ms });
    if (answer.status !== 200) {
      throw new Error(`the simulator refused to advance its clock: ${answer.text}`);
    }
  }

  /** Injects a fault (see the simulator's README, "Faults"); returns its id. */
  async addFault(fault: Readonly<Record<string, unknown>>): Promise<string> {
    const answer = await this.send<{ id: string }>('POST', '/__sim/faults', fault);
    if (answer.status !== 201) {
      throw new Error(`the simulator refused the fault: ${answer.text}`);
    }
    return answer.body.id;
  }

  /** Removes an injected fault. */
  async deleteFault(id: string): Promise<void> {
    const answer = await this.send('DELETE', `/__sim/faults/${id}`);
    if (answer.status !== 200) {
      throw new Error(`the simulator could not delete fault ${id}: ${answer.text}`);
    }
  }

  /**
   * Where the carrier pushes (its portal's webhook setting): the gateway's callback URL for
   * that carrier, signed with `secret`.
   */
  async pushTo(carrier: string, gatewayUrl: string, secret: string): Promise<void> {
    const answer = await this.send('POST', '/__sim/push-targets', {
      carrier,
      url: `${gatewayUrl}/v1/carrier-callbacks/${carrier}`,
      secret,
    });
    if (answer.status !== 200) {
      throw new Error(`the simulator refused the push target: ${answer.text}`);
    }
  }

  /**
   * Every carrier account's calls that named a parcel, and the most of them in any one
   * second: what the carrier's rate limit would have seen.
   */
  async accountCalls(): Promise<SimAccountCalls[]> {
    const answer = await this.send<{ accounts: SimAccountCalls[] }>('GET', '/__sim/account-calls');
    return answer.body.accounts;
  }

  /** Forgets the accounts' calls counted so far. */
  async clearAccountCalls(): Promise<void> {
    await this.send('DELETE', '/__sim/account-calls');
  }

  /** The pushes sent to one parcel's receiver so far (after the queued ones went out). */
  async pushesFor(trackingNumber: string): Promise<SimPush[]> {
    const answer = await this.send<{ pushes: SimPush[] }>('GET', '/__sim/pushes');
    return answer.body.pushes.filter((push) => push.trackingNumber === trackingNumber);
  }

  /** The carrier requests that carried a W3C trace context, oldest first (the last 1,000). */
  async tracedCalls(): Promise<SimTracedCall[]> {
    const answer = await this.send<{ calls: SimTracedCall[] }>('GET', '/__sim/traced-calls');
    return answer.body.calls;
  }

  private async send<Body>(
    method: string,
    path: string,
    json?: unknown,
  ): Promise<ControlAnswer<Body>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      ...(json === undefined
        ? {}
        : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
      signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = (type.includes('json') && text !== '' ? JSON.parse(text) : text) as Body;
    return { status: response.status, body, text };
  }
}
