-- The list's first page (issue 12 §5). Its active phase has two branches: sessions active by
-- status (sessions_active_static, already in keyset order) and chats whose window has not lapsed
-- yet. The second branch could only range-scan active_until, so it read every live chat, `doc`
-- included, before the sort and the limit. This index walks chats with a window in keyset
-- order, so that branch stops after one page too.
create index sessions_windowed_order on sessions (updated_at desc, id desc) where active_until is not null;
