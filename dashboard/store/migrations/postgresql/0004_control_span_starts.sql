-- Reading the day after (or before) one already read looks only at the spans that start or
-- end between the two.
CREATE INDEX control_spans_first ON control_spans (first_day);
