import { rosterRepository } from '../../rosters/repository.ts';
import { zSaveInput } from '../../rosters/save.ts';
import { ZParticipantRow, type ParticipantRow } from '../../rosters/participant.ts';
import { requireRole, router, tenantProcedure } from '../../trpc.ts';
import { canEditRosters, EDITOR_ROLES, ZLooseRow } from '../volunteers/router.ts';

export const participantsRepo = rosterRepository<ParticipantRow>({
  table: 'public.participants',
  rowSchema: ZParticipantRow,
  orderBy: 't.first_name, t.id',
  columns: [
    { field: 'firstName', column: 'first_name', sqlType: 'text' },
    { field: 'birthYear', column: 'birth_year', sqlType: 'smallint' },
    { field: 'contact', column: 'contact', sqlType: 'text' },
    { field: 'referredBy', column: 'referred_by', sqlType: 'text' },
    { field: 'consentOn', column: 'consent_on', sqlType: 'date' },
    { field: 'status', column: 'status', sqlType: 'public.participant_status' },
    { field: 'note', column: 'note', sqlType: 'text' },
  ],
});

export const participantsRouter = router({
  /** Peers see no participants until courses and matches exist (see the participants migration). */
  list: tenantProcedure.query(async ({ ctx }) => {
    if (ctx.tenant.role === 'peer') return { rows: [] as ParticipantRow[], canEdit: false };
    const rows = await ctx.db.tx((tx) => participantsRepo.list(tx, ctx.tenant.id));
    return { rows, canEdit: canEditRosters(ctx.tenant) };
  }),

  save: tenantProcedure.input(zSaveInput(ZLooseRow)).mutation(({ ctx, input }) => {
    requireRole(ctx.tenant, ...EDITOR_ROLES);
    return participantsRepo.saveAll(ctx.db.tx, ctx.tenant.id, input);
  }),
});
