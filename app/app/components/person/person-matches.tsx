/**
 * MATCHES GO HERE. The place on a person's page for their companionship matches
 * (`public.matches`, built in parallel): the volunteer's or the participant's matches, their
 * status and planned end. Until the matches router exists it renders nothing, so no page shows
 * a section that says nothing. `PersonPage` already renders it between courses and history with
 * the person's id and kind; fill in this component (and its loader data) and nothing else.
 */
export function PersonMatches(_props: { personId: string; kind: 'volunteers' | 'participants' }) {
  return null;
}
