-- The peer-education date trigger (programmes migration) ran its function for every row a grid
-- save touches, since a batch save sets every column: on a 10,000-row save that is 10,000 plpgsql
-- calls for the few rows just ticked "completed". A WHEN clause lets Postgres skip the call.
drop trigger volunteers_date_peer_education on public.volunteers;
create trigger volunteers_date_peer_education before insert or update of peer_education, peer_education_completed_on
  on public.volunteers for each row
  when (new.peer_education = 'completed' and new.peer_education_completed_on is null)
  execute function app.date_peer_education();
