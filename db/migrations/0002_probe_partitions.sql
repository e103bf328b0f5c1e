-- Creates the daily (UTC) partitions of "probes" for [from_day, from_day + days), moving any rows
-- the default partition already holds for those days. Idempotent; returns how many it created.
-- Retention drops old partitions whole.
CREATE OR REPLACE FUNCTION ensure_probe_partitions(from_day date, days integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  day date;
  part text;
  lower_bound timestamptz;
  upper_bound timestamptz;
  created integer := 0;
BEGIN
  FOR i IN 0 .. days - 1 LOOP
    day := from_day + i;
    part := 'probes_' || to_char(day, 'YYYYMMDD');
    IF to_regclass(part) IS NULL THEN
      lower_bound := day::timestamp AT TIME ZONE 'UTC';
      upper_bound := (day + 1)::timestamp AT TIME ZONE 'UTC';
      EXECUTE format('CREATE TABLE %I (LIKE probes INCLUDING DEFAULTS)', part);
      EXECUTE format(
        'WITH moved AS (DELETE FROM probes_default WHERE at >= %L AND at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
        lower_bound, upper_bound, part);
      EXECUTE format('ALTER TABLE probes ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lower_bound, upper_bound);
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
$$;
