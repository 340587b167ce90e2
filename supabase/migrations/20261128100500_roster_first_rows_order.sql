-- The first rows of the volunteers roster in its own order (Danish collation,
-- then id; definitions/*.ts `orderBy`), read with the page's first bytes: `list` with a limit
-- (docs/decisions/017). With these indexes the first 60 rows are an index range, not a sort of the
-- workspace's every row.

-- ============================================================================
-- Indexes
-- ============================================================================

create index volunteers_tenant_id_name_order_idx
  on public.volunteers (tenant_id, name collate "da-DK-x-icu", id);
