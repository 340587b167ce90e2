import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Stripe endpoints Brobygger calls. It records every request (method,
 * path, form fields as the SDK encoded them) and answers with objects that agree with each other:
 * a subscription it created is the one it later retrieves, a customer's invoices are the ones
 * `addInvoice` gave it. Tests point the SDK at it by host, port and protocol.
 */
export type RecordedRequest = {
  method: string;
  path: string;
  /** Form fields in Stripe's bracket notation, e.g. `invoice_settings[custom_fields][0][name]`. */
  form: Record<string, string>;
  query: Record<string, string>;
  idempotencyKey: string | undefined;
};

type Obj = Record<string, unknown> & { id: string };

export type FakeStripe = {
  url: string;
  requests: RecordedRequest[];
  /** The requests to one path, e.g. `POST /v1/subscriptions`. */
  requestsTo: (route: string) => RecordedRequest[];
  subscriptions: Map<string, Obj>;
  /** Changes a subscription as Stripe would (a payment failing, a cancellation). */
  updateSubscription: (id: string, patch: Record<string, unknown>) => Obj;
  /** A subscription Stripe holds (e.g. one a Checkout session made). */
  createSubscription: (customer: string, price: string, extra?: Record<string, unknown>) => Obj;
  addInvoice: (customer: string, invoice: Partial<Obj>) => Obj;
  close: () => Promise<void>;
};

const PERIOD_SECONDS = 365 * 24 * 3600;

export async function startFakeStripe({ port = 0, sampleInvoice = false } = {}): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const customers = new Map<string, Obj>();
  const subscriptions = new Map<string, Obj>();
  const invoices: Obj[] = [];
  let counter = 0;
  // Test files run in parallel against one database: each fake's ids are its own.
  const instance = randomBytes(4).toString('hex');
  const nextId = (prefix: string) => `${prefix}_fake${instance}${++counter}`;
  const now = () => Math.floor(Date.now() / 1000);

  function createSubscription(customer: string, price: string, extra: Record<string, unknown> = {}): Obj {
    const id = nextId('sub');
    const subscription: Obj = {
      id,
      object: 'subscription',
      customer,
      status: 'active',
      created: now(),
      metadata: {},
      collection_method: 'charge_automatically',
      days_until_due: null,
      items: {
        object: 'list',
        data: [
          {
            id: nextId('si'),
            object: 'subscription_item',
            price: { id: price },
            current_period_end: now() + PERIOD_SECONDS,
          },
        ],
      },
      ...extra,
    };
    subscriptions.set(id, subscription);
    return subscription;
  }

  function addInvoice(customer: string, invoice: Partial<Obj>): Obj {
    const stored: Obj = {
      id: nextId('in'),
      object: 'invoice',
      customer,
      status: 'paid',
      total: 375000,
      currency: 'dkk',
      created: now(),
      number: `BRO-${counter}`,
      hosted_invoice_url: `https://invoice.stripe.test/${counter}`,
      ...invoice,
    };
    invoices.push(stored);
    return stored;
  }

  const fieldsUnder = (form: Record<string, string>, prefix: string) =>
    Object.fromEntries(
      Object.entries(form)
        .filter(([k]) => k.startsWith(`${prefix}[`))
        .map(([k, v]) => [k.slice(prefix.length + 1, -1), v]),
    );

  function route(method: string, path: string, form: Record<string, string>, query: Record<string, string>) {
    let match: RegExpMatchArray | null;
    if (method === 'POST' && path === '/v1/customers') {
      const customer: Obj = {
        id: nextId('cus'),
        object: 'customer',
        name: form.name,
        email: form.email,
        metadata: fieldsUnder(form, 'metadata'),
      };
      customers.set(customer.id, customer);
      // For a local demo: a paid invoice to show on the billing page.
      if (sampleInvoice) addInvoice(customer.id, { created: now() - 30 * 24 * 3600 });
      return customer;
    }
    if (method === 'POST' && (match = path.match(/^\/v1\/customers\/([^/]+)$/))) {
      const customer = customers.get(match[1]!);
      return customer ? customer : null;
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const id = nextId('cs');
      return {
        id,
        object: 'checkout.session',
        url: `https://checkout.stripe.test/${id}`,
        customer: form.customer,
        client_reference_id: form.client_reference_id,
        mode: form.mode,
      };
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      const id = nextId('bps');
      return {
        id,
        object: 'billing_portal.session',
        url: `https://billing.stripe.test/${id}`,
        customer: form.customer,
      };
    }
    if (method === 'POST' && path === '/v1/subscriptions') {
      return createSubscription(form.customer!, form['items[0][price]']!, {
        collection_method: form.collection_method ?? 'charge_automatically',
        days_until_due: form.days_until_due ? Number(form.days_until_due) : null,
        metadata: fieldsUnder(form, 'metadata'),
      });
    }
    if (method === 'GET' && (match = path.match(/^\/v1\/subscriptions\/([^/]+)$/))) {
      return subscriptions.get(match[1]!) ?? null;
    }
    if (method === 'GET' && path === '/v1/invoices') {
      const data = invoices.filter((i) => i.customer === query.customer);
      return { object: 'list', url: '/v1/invoices', has_more: false, data };
    }
    if (method === 'POST' && path === '/v1/invoices/create_preview') {
      const subscription = subscriptions.get(form.subscription ?? '');
      if (!subscription || subscription.status === 'canceled') return null;
      return {
        id: null,
        object: 'invoice',
        customer: form.customer,
        total: 375000,
        currency: 'dkk',
        period_end: now() + PERIOD_SECONDS,
        next_payment_attempt: now() + PERIOD_SECONDS,
      };
    }
    return null;
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => resolve(body));
    });

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    const idempotency = req.headers['idempotency-key'];
    requests.push({
      method,
      path: url.pathname,
      form,
      query,
      idempotencyKey: typeof idempotency === 'string' ? idempotency : undefined,
    });
    const found = route(method, url.pathname, form, query);
    res.setHeader('Content-Type', 'application/json');
    if (!found) {
      res.statusCode = 404;
      res.end(
        JSON.stringify({
          error: { type: 'invalid_request_error', message: `No such resource: ${method} ${url.pathname}` },
        }),
      );
      return;
    }
    res.end(JSON.stringify(found));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    requestsTo: (routeName) => requests.filter((r) => `${r.method} ${r.path}` === routeName),
    subscriptions,
    createSubscription,
    updateSubscription: (id, patch) => {
      const updated = { ...subscriptions.get(id)!, ...patch };
      subscriptions.set(id, updated);
      return updated;
    },
    addInvoice,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
