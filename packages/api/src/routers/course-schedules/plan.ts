import type { SchedulePlan } from './schemas.ts';

/** A session as regeneration needs to see it. */
export type ExistingSession = {
  id: string;
  heldOn: string;
  scheduledOn: string | null;
  startsAt: string | null;
  durationMinutes: number | null;
  status: 'planned' | 'held' | 'cancelled';
  /** Whether any participant's attendance is recorded (a 'cancelled' mark does not count). */
  attended: boolean;
};

/** The statements that carry out a plan: session ids by what happens to them. */
export type PlanSteps = {
  add: string[];
  retime: string[];
  remove: string[];
  /** Sessions that leave the schedule but stay (scheduled_on becomes null). */
  detach: string[];
  /** Sessions added by hand on a date the schedule gives: they become that occurrence. */
  adopt: { id: string; date: string }[];
};

const isUntouched = (s: ExistingSession) => s.status === 'planned' && !s.attended;

/**
 * Matches a schedule's dates with a course's sessions. A session belongs to the occurrence it
 * was generated for (scheduled_on), wherever it was moved since; a session added by hand on a
 * date the schedule gives becomes that occurrence instead of getting a twin. Only a planned
 * session with no attendance is ever changed or deleted: anything held, cancelled or attended
 * stays where it is, and is reported.
 */
export function planSchedule(
  dates: readonly string[],
  sessions: readonly ExistingSession[],
  timing: { startsAt: string; durationMinutes: number },
): { plan: SchedulePlan; steps: PlanSteps } {
  const plan: SchedulePlan = { dates: [...dates], add: [], retime: [], remove: [], keep: [], unchanged: 0 };
  const steps: PlanSteps = { add: [], retime: [], remove: [], detach: [], adopt: [] };
  const byOccurrence = new Map(sessions.filter((s) => s.scheduledOn).map((s) => [s.scheduledOn!, s]));
  const byHand = new Map(sessions.filter((s) => !s.scheduledOn).map((s) => [s.heldOn, s]));

  for (const date of dates) {
    const occurrence = byOccurrence.get(date);
    byOccurrence.delete(date);
    const adopted = occurrence ? undefined : byHand.get(date);
    if (adopted) steps.adopt.push({ id: adopted.id, date });
    const session = occurrence ?? adopted;
    if (!session) {
      plan.add.push(date);
      steps.add.push(date);
    } else if (
      isUntouched(session) &&
      session.heldOn === date &&
      (session.startsAt !== timing.startsAt || session.durationMinutes !== timing.durationMinutes)
    ) {
      plan.retime.push(session.heldOn);
      steps.retime.push(session.id);
    } else plan.unchanged++;
  }

  // What is left belonged to the old schedule and is not in the new one.
  for (const session of byOccurrence.values()) {
    if (isUntouched(session)) {
      plan.remove.push(session.heldOn);
      steps.remove.push(session.id);
    } else {
      plan.keep.push({
        heldOn: session.heldOn,
        reason: session.attended ? 'attendance' : session.status === 'held' ? 'held' : 'cancelled',
      });
      steps.detach.push(session.id);
    }
  }
  plan.remove.sort();
  plan.keep.sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return { plan, steps };
}
