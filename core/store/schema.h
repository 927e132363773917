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

} // namespace chronomap::schema
