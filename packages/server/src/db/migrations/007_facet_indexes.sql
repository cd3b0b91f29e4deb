-- The A1 facets (issue 15): `model`, `runtime` and `origin` are read from the session document
-- (`metadata`). One index per facet, in the list's order, as kind, owner and status have: a
-- single value walks its index in order, and a value no session has is answered at once instead
-- of reading every row.
create index sessions_model_order on sessions ((doc->'metadata'->>'model'), updated_at desc, id desc);
create index sessions_runtime_order on sessions ((doc->'metadata'->>'runtime'), updated_at desc, id desc);
create index sessions_origin_order on sessions ((doc->'metadata'->>'origin'), updated_at desc, id desc);
