#pragma once

#include <span>

namespace chronomap::schema {

// One migration: the SQL that takes a story from version `to - 1` to `to`. Migrations are
// applied in order, each in its own transaction; a shipped migration is never edited.
struct Migration
{
    int to;
    const char* sql;
};

std::span<const Migration> migrations();
// The version the last migration reaches: the story format this program writes.
int latestVersion();

// Tests only: replaces the migration list (an empty span restores the shipped one) so that a
// future migration's path through Store::open can be exercised before one ships.
void overrideMigrationsForTest(std::span<const Migration> list);

} // namespace chronomap::schema
