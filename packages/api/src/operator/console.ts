import { withPrivilegedTx } from '@brobygger/db';

/*
 * The operator's console (decision 028): the company running the service sees every workspace as a
 * line of counts and dates, on the privileged path, because no workspace's member is asking. It
 * never selects a person's name: only workspace names, counts and times leave these queries.
 */

export type OperatorWorkspace = {
  id: string;
  slug: string;
  name: string;
  kind: 'municipality' | 'association' | 'region';
  /** Billing's plan (decision 029); `free` when the workspace has no subscription or no billing row. */
  plan: string;
  /** The subscription's Stripe status; null without a subscription. */
  billingStatus: string | null;
  /** The region paying for the plan, while their partnership is active (app.billing_is_covered). */
  coveredBy: string | null;
  status: 'active' | 'closed' | 'suspended';
  suspendedReason: string | null;
  deleteAfter: Date | null;
  activeParticipants: number;
  /** The newest change in the workspace's audit trail; null when nothing was ever changed. */
  lastActivity: Date | null;
  createdAt: Date;
};

/** Whether the account is an operator: read on the privileged path only (app.operators). */
export async function isOperator(userId: string): Promise<boolean> {
  const row = await withPrivilegedTx('operator', (tx) =>
    tx.one<{ yes: boolean }>('select exists (select 1 from app.operators where user_id = $1) as yes', [userId]),
  );
  return row?.yes ?? false;
}

export async function listWorkspaces(): Promise<OperatorWorkspace[]> {
  return withPrivilegedTx('operator', (tx) =>
    tx.query<OperatorWorkspace>(
      `select t.id, t.slug, t.name, t.kind::text as kind, coalesce(b.plan, 'free') as plan,
              b.status as "billingStatus",
              case when app.billing_is_covered(b) then region.name end as "coveredBy",
              case when t.suspended_at is not null then 'suspended'
                   when t.closed_at is not null then 'closed' else 'active' end as status,
              t.suspended_reason as "suspendedReason", t.delete_after as "deleteAfter",
              (select count(*)::int from public.participants p
               where p.tenant_id = t.id and p.status = 'active' and p.erased_at is null) as "activeParticipants",
              (select max(a.changed_at) from public.audit_log a where a.tenant_id = t.id) as "lastActivity",
              t.created_at as "createdAt"
       from public.tenants t
       left join public.workspace_billing b on b.tenant_id = t.id
       left join public.tenants region on region.id = b.covered_by_tenant_id
       order by t.name, t.slug`,
    ),
  );
}

/**
 * Suspends (with the reason members will see) or restores a workspace, and writes the change to
 * the workspace's audit trail under the operator's id, so the workspace's owners can see who did it.
 * Returns false when there was nothing to change (unknown workspace, already in that state).
 */
export async function setSuspension(
  operatorId: string,
  tenantId: string,
  suspension: { reason: string } | null,
): Promise<boolean> {
  return withPrivilegedTx('operator', async (tx) => {
    const changed = await tx.one<{ id: string; before: string | null }>(
      `update public.tenants t
       set suspended_at = case when $2::text is null then null else now() end, suspended_reason = $2
       from (select id, suspended_reason from public.tenants where id = $1 for update) old
       where t.id = old.id and (old.suspended_reason is null) = ($2::text is not null)
       returning t.id, old.suspended_reason as before`,
      [tenantId, suspension?.reason ?? null],
    );
    if (!changed) return false;
    await tx.query(
      `insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
       values ($1, 'tenants', $1, 'update', $2, jsonb_build_object('suspended_reason', jsonb_build_object('from', $3::text, 'to', $4::text)))`,
      [tenantId, operatorId, changed.before, suspension?.reason ?? null],
    );
    return true;
  });
}
