import { rosterRepository } from '../../rosters/repository.ts';
import { ZParticipantRow, type ParticipantRow } from '../../rosters/participant.ts';
import { router, tenantProcedure } from '../../trpc.ts';
import { can } from '../../permissions.ts';
import { rosterSaveProcedure } from '../roster-procedures.ts';

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
    return { rows, canEdit: can(ctx.tenant.role, 'roster.edit') };
  }),

  save: rosterSaveProcedure(participantsRepo),
});
