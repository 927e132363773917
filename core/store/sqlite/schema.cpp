#include "schema.h"

namespace chronomap::schema {

namespace {

// Version 1. Dates are EDTF text plus their sort keys in seconds since 1970 (see PartialDate).
// Citations and annotations point at one of event, actor or relation through three nullable
// foreign keys (exactly one set), so deleting an entry takes its citations and notes with it.
// The search index (FTS5, external content) is kept current by Store in the same transaction
// as each write: SQLite refuses FTS5 inside triggers when trusted_schema is off.
const char* const kVersion1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    color    TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE eras (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL,
    date     TEXT NOT NULL,
    earliest INTEGER NOT NULL,
    latest   INTEGER NOT NULL,
    color    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE events (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL,
    display_date  TEXT NOT NULL DEFAULT '',
    earliest      INTEGER NOT NULL,
    latest        INTEGER NOT NULL,
    nominal_start INTEGER NOT NULL,
    nominal_end   INTEGER NOT NULL,
    date_flags    INTEGER NOT NULL DEFAULT 0,
    category_id   INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    importance    INTEGER NOT NULL DEFAULT 0 CHECK (importance BETWEEN 0 AND 5),
    location      TEXT NOT NULL DEFAULT '',
    status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    uid           TEXT NOT NULL DEFAULT ''
);
-- No index on time: the time index is loaded by one table scan and sorted in memory, which
-- is as fast as walking a covering index and keeps a million-event import seconds shorter.

CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 3),
    role        TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    color       TEXT NOT NULL DEFAULT '',
    pinned_x    REAL,
    pinned_y    REAL
);
CREATE INDEX actors_by_name ON actors (name);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role     TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_by_actor ON event_actors (actor_id, event_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE event_tags (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX event_tags_by_tag ON event_tags (tag_id);

CREATE TABLE relations (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    target_id   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    directed    INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),
    date        TEXT NOT NULL DEFAULT '',
    earliest    INTEGER,
    latest      INTEGER,
    weight      REAL NOT NULL DEFAULT 1.0,
    status      INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX relations_by_source ON relations (source_id);
CREATE INDEX relations_by_target ON relations (target_id);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    publisher TEXT NOT NULL DEFAULT '',
    url       TEXT NOT NULL DEFAULT '',
    date      TEXT NOT NULL DEFAULT '',
    retrieved TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE citations (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    event_id    INTEGER REFERENCES events(id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES actors(id) ON DELETE CASCADE,
    relation_id INTEGER REFERENCES relations(id) ON DELETE CASCADE,
    quote       TEXT NOT NULL DEFAULT '',
    locator     TEXT NOT NULL DEFAULT '',
    CHECK ((event_id IS NOT NULL) + (actor_id IS NOT NULL) + (relation_id IS NOT NULL) = 1)
);
CREATE INDEX citations_by_source ON citations (source_id);
CREATE INDEX citations_by_event ON citations (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX citations_by_actor ON citations (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX citations_by_relation ON citations (relation_id) WHERE relation_id IS NOT NULL;

CREATE TABLE annotations (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER REFERENCES events(id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES actors(id) ON DELETE CASCADE,
    relation_id INTEGER REFERENCES relations(id) ON DELETE CASCADE,
    parent_id   INTEGER REFERENCES annotations(id) ON DELETE CASCADE,
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created     TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    CHECK ((event_id IS NOT NULL) + (actor_id IS NOT NULL) + (relation_id IS NOT NULL) = 1)
);
CREATE INDEX annotations_by_event ON annotations (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX annotations_by_actor ON annotations (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX annotations_by_relation ON annotations (relation_id) WHERE relation_id IS NOT NULL;
CREATE INDEX annotations_by_parent ON annotations (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE scenes (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    caption  TEXT NOT NULL DEFAULT '',
    state    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE changes (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    author    TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX changes_by_entity ON changes (entity, entity_id);

CREATE VIRTUAL TABLE events_fts USING fts5(
    title, summary, location, display_date,
    content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE actors_fts USING fts5(
    name, role, description,
    content='actors', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, publisher, text,
    content='sources', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE annotations_fts USING fts5(
    author, body,
    content='annotations', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
)sql";

const Migration kMigrations[] = {
    {1, kVersion1},
};

} // namespace

namespace {
// Set by tests only; empty means the shipped list.
std::span<const Migration> g_override;
} // namespace

std::span<const Migration> migrations()
{
    return g_override.empty() ? std::span<const Migration>(kMigrations) : g_override;
}

int latestVersion()
{
    return migrations().empty() ? 0 : migrations().back().to;
}

void overrideMigrationsForTest(std::span<const Migration> list)
{
    g_override = list;
}

} // namespace chronomap::schema
