-- 0031: indicator data values live in the database (issue 16 §1).
--
-- * A value is stored as core's dataset takes it: (data element, org unit, period,
--   disaggregation) → value, in a data set; a value without a disaggregation keeps ''. One key
--   may hold several values (codes of a text element, e.g. one per child, counted distinct),
--   so the key is not unique: a value is identified by its import and its position there.
-- * Every value names the import that wrote it: who imported which file and when, the
--   periods it replaced, how many values it gave.
-- * An import replaces, in one transaction, every value of its data set in the periods it
--   covers (the storage deletes them and inserts the file's values); values are read back
--   in import order, then in the file's order (the order the dataset was built in from files).

CREATE TABLE indicator_value_imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  data_set text NOT NULL CHECK (length(data_set) BETWEEN 1 AND 100),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
  -- The periods replaced, a JSON array of period ids.
  periods jsonb NOT NULL CHECK (jsonb_typeof(periods) = 'array'),
  value_count integer NOT NULL CHECK (value_count >= 0),
  imported_by text NOT NULL CHECK (length(imported_by) BETWEEN 1 AND 200),
  imported_at timestamptz NOT NULL
);

CREATE INDEX indicator_value_imports_data_set ON indicator_value_imports (data_set, id);

CREATE TABLE indicator_values (
  data_set text NOT NULL,
  data_element text NOT NULL CHECK (length(data_element) BETWEEN 1 AND 200),
  org_unit text NOT NULL CHECK (length(org_unit) BETWEEN 1 AND 200),
  period text NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  disaggregation text NOT NULL DEFAULT '',
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 1000),
  import_id bigint NOT NULL REFERENCES indicator_value_imports (id),
  position integer NOT NULL CHECK (position >= 0),
  PRIMARY KEY (data_set, import_id, position)
);

CREATE INDEX indicator_values_key
  ON indicator_values (data_set, data_element, org_unit, period, disaggregation);
CREATE INDEX indicator_values_period ON indicator_values (data_set, period);
